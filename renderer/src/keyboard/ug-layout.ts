/**
 * The Uyghur (Arabic script) on-screen keyboard layout, as data for the on-screen keyboard: the rows of the standard
 * Uyghur computer keyboard (q → چ, w → ۋ, e → ې …), every letter of the alphabet plus the hamza carrier ئ that
 * starts a word beginning with a vowel. Rows are written in key order from the left edge; the keyboard mirrors them
 * in a right-to-left page by itself (flex rows follow `dir`).
 */
export const uyghurKeyRows: readonly (readonly string[])[] = [
  ['چ', 'ۋ', 'ې', 'ر', 'ت', 'ي', 'ۇ', 'ڭ', 'و', 'پ'],
  ['ھ', 'س', 'د', 'ا', 'ە', 'ى', 'ق', 'ك', 'ل', 'ئ'],
  ['ز', 'ش', 'غ', 'ۈ', 'ب', 'ن', 'م', 'ۆ', 'گ', 'ف'],
  ['خ', 'ج', 'ژ'],
];

/** The 32 letters of the Uyghur alphabet (UEY), in alphabetical order. */
export const uyghurAlphabet = 'ا ە ب پ ت ج چ خ د ر ز ژ س ش غ ف ق ك گ ڭ ل م ن ھ و ۇ ۆ ۈ ۋ ې ى ي'.split(' ');

/**
 * Pinyin composition inside a text field: the letters typed since `from` are being composed; the field shows
 * them as they are (so a search can already use them) until a candidate replaces the ones it consumes.
 */
export interface Composition {
  value: string;
  /** Where the letters being composed start in `value`; null when nothing is being composed. */
  from: number | null;
}

const LETTERS = /^[a-z']+$/;

/** The pinyin letters being composed ('' when none, or when the field changed under the composition). */
export function composingLetters({ value, from }: Composition): string {
  if (from === null || from > value.length) return '';
  const letters = value.slice(from);
  return LETTERS.test(letters) ? letters : '';
}

export function typeLetter(c: Composition, letter: string, maxLength: number): Composition {
  if (c.value.length >= maxLength) return c;
  const from = composingLetters(c) ? c.from! : c.value.length;
  return { value: c.value + letter, from };
}

/** Replaces the letters a candidate consumes with it; the rest of the letters keep composing. */
export function chooseCandidate(c: Composition, candidate: { text: string; consumed: number }, maxLength: number): Composition {
  const letters = composingLetters(c);
  if (!letters) return c;
  const head = c.value.slice(0, c.from!) + candidate.text;
  const rest = letters.slice(candidate.consumed).replace(/^'+/, '');
  const value = (head + rest).slice(0, maxLength);
  return { value, from: rest && value.length > head.length ? head.length : null };
}

/** Inserts finished text (a handwritten character, a space) at the end, ending any composition. */
export function insertText(c: Composition, text: string, maxLength: number): Composition {
  return { value: (c.value + text).slice(0, maxLength), from: null };
}

export function deleteLast(c: Composition): Composition {
  const value = [...c.value].slice(0, -1).join('');
  const next = { value, from: c.from };
  return composingLetters(next) ? next : { value, from: null };
}

/** The characters before the composition: what the candidates should continue. */
export function contextBefore(c: Composition): string {
  const end = composingLetters(c) ? c.from! : c.value.length;
  return c.value.slice(Math.max(0, end - 8), end);
}

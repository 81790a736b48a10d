/** Each language's name in itself: what the language buttons say (a resident looks for their own language's name). */
export const languageNames: Record<string, string> = { 'zh-CN': '中文', en: 'English', ug: 'ئۇيغۇرچە' };

/** Languages written right to left: Uyghur (ug) among them; the layout mirrors through logical CSS properties. */
const rtl = new Set(['ug', 'ar', 'he', 'fa', 'ur']);
export const directionOf = (lang: string): 'rtl' | 'ltr' => (rtl.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr');

/** The language after `current` in the terminal's list, wrapping round (one button cycles through them). */
export function nextLanguage(languages: string[], current: string): string | null {
  if (languages.length < 2) return null;
  const i = languages.indexOf(current);
  return languages[(i + 1) % languages.length] ?? null;
}

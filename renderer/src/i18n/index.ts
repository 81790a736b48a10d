import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { ug } from './ug.js';
import { zhCN } from './zh-CN.js';

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en }, ug: { translation: ug } } as const;
export type Language = keyof typeof resources;

/** Each language's name in itself: what the language buttons say (a resident looks for their own language's name). */
export const languageNames: Record<string, string> = { 'zh-CN': '中文', en: 'English', ug: 'ئۇيغۇرچە' };

/** The language after `current` in the terminal's list, wrapping round (one button cycles through them). */
export function nextLanguage(languages: string[], current: string): string | null {
  if (languages.length < 2) return null;
  const i = languages.indexOf(current);
  return languages[(i + 1) % languages.length] ?? null;
}

/** Languages written right to left: Uyghur (ug) among them; the layout mirrors through logical CSS properties. */
const rtl = new Set(['ug', 'ar', 'he', 'fa', 'ur']);
export const directionOf = (lang: string): 'rtl' | 'ltr' => (rtl.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr');

export function createI18n(language: string): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnObjects: true,
    initAsync: false,
  });
  return instance;
}

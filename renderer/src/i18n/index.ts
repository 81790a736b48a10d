import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { ug } from './ug.js';
import { zhCN } from './zh-CN.js';

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en }, ug: { translation: ug } } as const;
export type Language = keyof typeof resources;

// names and directions live in languages.ts (the attract shell, built for the core, needs them without i18next)
export { directionOf, languageNames } from './languages.js';

/** The language after `current` in the terminal's list, wrapping round (one button cycles through them). */
export function nextLanguage(languages: string[], current: string): string | null {
  if (languages.length < 2) return null;
  const i = languages.indexOf(current);
  return languages[(i + 1) % languages.length] ?? null;
}

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

import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { ug } from './ug.js';
import { i18nOptions } from './options.js';
import { zhCN } from './zh-CN.js';

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en }, ug: { translation: ug } } as const;
export type Language = keyof typeof resources;

// names, directions and the options live apart (the UI's script and the attract shell need them without the strings
// of every language this module brings)
export { directionOf, languageNames, nextLanguage } from './languages.js';
export { i18nOptions } from './options.js';

/** An instance with every language at hand (tests, server-side rendering). The UI uses app-i18n.ts. */
export function createI18n(language: string): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({ ...i18nOptions, resources, lng: language });
  return instance;
}

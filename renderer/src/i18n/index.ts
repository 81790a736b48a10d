import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const;
export type Language = keyof typeof resources;

/** Languages written right to left (Uyghur is next; the layout already mirrors). */
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

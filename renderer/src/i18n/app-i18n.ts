import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nOptions } from './options.js';
import { zhCN } from './zh-CN.js';

/**
 * The UI's strings: Chinese, the fallback, is part of the first screen's script; every other language is its own
 * chunk, fetched before it is first shown (main.tsx waits for the session's language before React's first render;
 * a resident's switch waits for its chunk, normally preloaded once the first screen is up). Keeps ~120 KB of strings
 * off the first screen's script.
 */
const chunks: Record<string, () => Promise<object>> = {
  en: () => import('./en.js').then((m) => m.en),
  ug: () => import('./ug.js').then((m) => m.ug),
};
const loaded = new Map<string, object>([['zh-CN', zhCN]]);

/** Fetches a language's strings once; a language without a chunk is left to the Chinese fallback. */
export async function loadLanguage(language: string): Promise<void> {
  const chunk = chunks[language];
  if (!loaded.has(language) && chunk) loaded.set(language, await chunk());
}

/** Every language, once the first screen is up: a switch then never waits. */
export function preloadLanguages(): void {
  for (const language of Object.keys(chunks)) void loadLanguage(language).catch(() => undefined);
}

/** An instance in `language` with every language loaded so far (call after `loadLanguage(language)`). */
export function createAppI18n(language: string): i18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries([...loaded].map(([l, translation]) => [l, { translation }]));
  void instance.use(initReactI18next).init({ ...i18nOptions, resources, lng: language });
  return instance;
}

/** Switches `instance` to `language`, fetching its strings first when needed. */
export async function switchLanguage(instance: i18n, language: string): Promise<void> {
  await loadLanguage(language);
  const translation = loaded.get(language);
  if (translation && !instance.hasResourceBundle(language, 'translation')) instance.addResourceBundle(language, 'translation', translation);
  await instance.changeLanguage(language);
}

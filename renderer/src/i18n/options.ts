/** How every i18n instance is set up (index.ts: every language at hand; app-i18n.ts, the UI's: loaded when needed). */
export const i18nOptions = {
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnObjects: true,
  initAsync: false,
} as const;

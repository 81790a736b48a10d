import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppI18n, loadLanguage, switchLanguage } from '../../renderer/src/i18n/app-i18n.js';

const src = path.resolve(import.meta.dirname, '../../renderer/src');

describe("the UI's strings, one language at a time (issue 9 #14)", () => {
  it('starts in Chinese without fetching anything, and switches to English once its strings are in', async () => {
    const i18n = createAppI18n('zh-CN');
    expect(i18n.t('attract.touchToStart')).toBe('请触摸屏幕开始办理');
    await switchLanguage(i18n, 'en');
    expect(i18n.language).toBe('en');
    expect(i18n.t('attract.touchToStart')).toBe('Touch the screen to start');
  });

  it('draws a first screen in the session language once that language is loaded', async () => {
    await loadLanguage('ug');
    const i18n = createAppI18n('ug');
    expect(i18n.t('attract.touchToStart')).not.toBe('请触摸屏幕开始办理');
    expect(i18n.t('attract.touchToStart')).toMatch(/[\u0600-\u06FF]/);
  });

  it('no UI code imports i18n/index.ts, which would put every language into the first screen', () => {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.startsWith('i18n'));
    const offenders = files.filter((f) => /from '[./]*\/?i18n\/index\.js'/.test(readFileSync(path.join(src, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

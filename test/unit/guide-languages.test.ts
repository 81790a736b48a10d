import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../emulators/platform/dataset.js';
import { MatterSchema } from '../../main/core/platform/schemas.js';
import { keyboardModes } from '../../renderer/src/components/ChineseKeyboard.js';
import { guideView, localName } from '../../renderer/src/guide/localized.js';
import { guideSpeech, type Matter } from '../../renderer/src/guide/speech.js';
import { createI18n } from '../../renderer/src/i18n/index.js';

const catalog = buildCatalog(1).map((m) => MatterSchema.parse(m));
const proof = catalog.find((m) => m.id === 'sh-kiosk-058')! as Matter;
const untranslated = catalog.find((m) => m.id.startsWith('sc-'))! as Matter;
const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;

describe('a matter in the session language', () => {
  it('shows the translation for the session language, and the Chinese guide, flagged, where there is none', () => {
    expect(guideView(proof, 'ug')).toMatchObject({ lang: 'ug', chineseOnly: false, name: 'نوپۇس ئىسپاتى ئېچىش' });
    expect(guideView(proof, 'en').materials.map((x) => x.name)).toEqual(['Resident identity card']);
    expect(guideView(proof, 'zh-CN')).toMatchObject({ lang: 'zh-CN', chineseOnly: false, name: '户籍证明开具' });
    const zhOnly = guideView(untranslated, 'ug');
    expect(zhOnly).toMatchObject({ lang: 'zh-CN', chineseOnly: true, name: untranslated.name });
    // a list: the translated name, else the Chinese one marked as Chinese
    expect(localName({ name: '户籍证明开具', names: { en: 'Household registration certificate' } }, 'en')).toEqual({
      text: 'Household registration certificate',
      lang: 'en',
    });
    expect(localName({ name: '房产税查询', names: {} }, 'ug')).toEqual({ text: '房产税查询', lang: 'zh-CN' });
  });

  it('朗读指南 says a translated guide in one language, and a Chinese-only one as a notice in the session language then Chinese throughout', () => {
    const i18n = createI18n('ug');
    const ug = i18n.getFixedT('ug');
    const zh = i18n.getFixedT('zh-CN');
    const translated = guideSpeech(proof, guideView(proof, 'ug'), ug, { t: ug, language: 'ug' });
    expect(translated.map((p) => p.language)).toEqual(['ug']);
    expect(translated[0]!.text).toMatch(ARABIC);
    expect(translated[0]!.text).not.toMatch(HAN);

    const en = i18n.getFixedT('en');
    const english = guideSpeech(proof, guideView(proof, 'en'), en, { t: en, language: 'en' });
    expect(english).toHaveLength(1);
    // English throughout, with English punctuation (never "Proof：户籍证明")
    expect(english[0]!.text).toContain('Household registration certificate');
    expect(english[0]!.text).not.toMatch(/[\p{Script=Han}：；，。、]/u);

    const chineseOnly = guideSpeech(untranslated, guideView(untranslated, 'en'), zh, { t: en, language: 'en' });
    expect(chineseOnly.map((p) => p.language)).toEqual(['en', 'zh-CN']);
    expect(chineseOnly[0]!.text).toBe('This guide is available in Chinese only. It is read in Chinese.');
    // no English label in the Chinese part ("Who can apply：个人" would be read half by the wrong voice)
    expect(chineseOnly[1]!.text).not.toMatch(/[A-Za-z]{3,}/);
    expect(chineseOnly[1]!.text).toContain('谁可以办');
  });

  it('the keyboard offers Uyghur letters first with the screen in Uyghur, and only 中/英 otherwise', () => {
    expect(keyboardModes('ug')).toEqual(['uyghur', 'pinyin', 'latin']);
    expect(keyboardModes('zh-CN')).toEqual(['pinyin', 'latin']);
    expect(keyboardModes('en')).toEqual(['pinyin', 'latin']);
  });
});

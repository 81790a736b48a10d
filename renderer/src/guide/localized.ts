import type { Matter } from './speech.js';

/** A text and the language it is written in (the page marks it with `lang`, the voice reads it in that language). */
export interface Text {
  text: string;
  lang: string;
}

/**
 * A matter's guide in one language: the session's when the platform has a translation for it, else the Chinese
 * original (`chineseOnly`, which the screen labels in the session's language). Inside a translated guide the few
 * texts the translation lacks (a hall's address, a legal basis) stay Chinese and say so through their `lang`.
 */
export interface GuideView {
  /** the language the guide is shown in */
  lang: string;
  /** no translation for the session's language: the Chinese guide is shown, labelled */
  chineseOnly: boolean;
  name: string;
  agency: Text;
  conditions: string[];
  materials: (Matter['materials'][number] & { notes: string | null; notesLang: string })[];
  process: string[];
  timeLimitNote: string | null;
  resultName: Text | null;
}

const ZH = 'zh-CN';
const isChinese = (language: string) => language === ZH || language.startsWith('zh');

/** The translation of `m` for `language`, if the platform has one. */
function translationFor(m: Matter, language: string) {
  if (isChinese(language)) return null;
  const all = m.translations ?? {};
  return all[language] ?? all[language.split('-')[0]!] ?? null;
}

export function guideView(m: Matter, language: string): GuideView {
  const tr = translationFor(m, language);
  if (!tr)
    return {
      lang: ZH,
      chineseOnly: !isChinese(language),
      name: m.name,
      agency: { text: m.agency, lang: ZH },
      conditions: m.conditions,
      materials: m.materials.map((x) => ({ ...x, notesLang: ZH })),
      process: m.process,
      timeLimitNote: m.timeLimit.note,
      resultName: m.result.name ? { text: m.result.name, lang: ZH } : null,
    };
  return {
    lang: language,
    chineseOnly: false,
    name: tr.name,
    agency: tr.agency ? { text: tr.agency, lang: language } : { text: m.agency, lang: ZH },
    conditions: tr.conditions,
    materials: m.materials.map((x, i) => {
      const note = tr.materialNotes?.[i];
      return { ...x, name: tr.materials[i] ?? x.name, notes: note ?? x.notes, notesLang: note ? language : ZH };
    }),
    process: tr.process,
    timeLimitNote: tr.timeLimitNote,
    resultName: m.result.name ? (tr.resultName ? { text: tr.resultName, lang: language } : { text: m.result.name, lang: ZH }) : null,
  };
}

/** A matter's name in a list: the session's language when translated, else the Chinese name (the list labels it). */
export function localName(item: { name: string; names?: Record<string, string> }, language: string): Text {
  if (isChinese(language)) return { text: item.name, lang: ZH };
  const translated = item.names?.[language] ?? item.names?.[language.split('-')[0]!];
  return translated ? { text: translated, lang: language } : { text: item.name, lang: ZH };
}

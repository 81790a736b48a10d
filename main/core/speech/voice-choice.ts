import type { SpeechLanguage } from './engine.js';

/** One stretch of text and the language whose voice reads it. */
export interface SpeechRun {
  language: SpeechLanguage;
  text: string;
}

const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;

/** The language a character's script settles, or null for digits, spaces and punctuation (they follow their neighbours). */
function scriptLanguage(ch: string, asked: SpeechLanguage): SpeechLanguage | null {
  if (HAN.test(ch)) return 'zh-CN';
  if (ARABIC.test(ch)) return 'ug';
  // Latin letters are English, except in Chinese or Uyghur text where they spell a code or pinyin the voice knows
  if (LATIN.test(ch)) return asked === 'ug' ? 'en' : asked;
  return null;
}

/**
 * Splits text into runs each read by the voice of its own script: Chinese characters always by the Chinese voice
 * (never an English voice reading "Chinese letter …"), Uyghur Arabic script by the Uyghur voice, Latin letters by the
 * asked language (English letters inside a Uyghur sentence by the English voice). Digits and punctuation stay with
 * the run they are in. Pure.
 */
export function speechRuns(text: string, asked: SpeechLanguage): SpeechRun[] {
  const runs: SpeechRun[] = [];
  let pending = '';
  for (const ch of text) {
    const language = scriptLanguage(ch, asked);
    const last = runs[runs.length - 1];
    if (language === null) {
      if (last) last.text += ch;
      else pending += ch;
    } else if (last && last.language === language) last.text += ch;
    else {
      runs.push({ language, text: pending + ch });
      pending = '';
    }
  }
  if (runs.length === 0) return text.trim() ? [{ language: asked, text }] : [];
  return runs.map((r) => ({ ...r, text: r.text.trim() })).filter((r) => r.text.length > 0);
}

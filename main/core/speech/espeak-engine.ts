import { CommandEngine } from './command-engine.js';
import type { SpeechLanguage } from './engine.js';

/**
 * Voices of Debian's espeak-ng 1.51. For Chinese, `cmn-latn-pinyin`: the plain `cmn` voice switches to English for
 * tone numbers and reads "今天" as "jin One tian One" (`espeak-ng -v cmn -x -q 今天` prints dZI55nw'055n after an
 * `(en)` switch); `cmn-latn-pinyin` gives tS;'i55n th'iE55n, Mandarin with tones and no switch.
 */
export const espeakVoices: Record<SpeechLanguage, string> = { 'zh-CN': 'cmn-latn-pinyin', en: 'en-us', ug: 'ug' };

/** The default engine: `espeak-ng --stdout` once per utterance (about 50 ms a sentence); text on stdin, never argv. */
export function espeakEngine(binary = 'espeak-ng'): CommandEngine {
  return new CommandEngine('espeak-ng', binary, ['-v', '{voice}', '-s', '{rate}', '--stdout', '--stdin'], espeakVoices);
}

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SpeechError } from '../core/speech/engine.js';
import { espeakEngine } from '../core/speech/espeak-engine.js';
import { normalizeForSpeech } from '../core/speech/normalize.js';
import { isSpeechLanguage } from '../core/speech/speech-service.js';
import { fixWavSizes, wavInfo } from '../core/speech/wav.js';

/**
 * `diag speak "<text>" --out FILE.wav [--lang zh-CN|en|ug] [--slow]`: the default engine's voice for the language,
 * the text normalised as the kiosk does, written as a WAV. Prints JSON; null on bad usage.
 */
export async function speak(argv: string[]): Promise<{ out: string; err: string; code: number } | null> {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const text = argv.find((a, i) => !a.startsWith('--') && !['--out', '--lang'].includes(argv[i - 1] ?? ''));
  const out = flag('--out');
  const language = flag('--lang') ?? 'zh-CN';
  if (!text || !out || !isSpeechLanguage(language)) return null;
  const engine = espeakEngine();
  const spoken = normalizeForSpeech(text, language);
  try {
    const wav = fixWavSizes(await engine.synthesize(spoken, language, { rate: argv.includes('--slow') ? 130 : 165 }));
    writeFileSync(path.resolve(out), wav);
    const info = wavInfo(wav);
    const report = { out: path.resolve(out), engine: engine.id, voice: engine.voiceFor(language), language, spoken, ...info };
    return { out: JSON.stringify(report, null, 2) + '\n', err: '', code: 0 };
  } catch (e) {
    if (!(e instanceof SpeechError)) throw e;
    return { out: JSON.stringify({ error: { code: e.code, message: e.message } }) + '\n', err: `${e.message}\n`, code: 1 };
  }
}

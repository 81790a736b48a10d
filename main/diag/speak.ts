import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '../core/log/logger.js';
import { SpeechError } from '../core/speech/engine.js';
import { espeakEngine } from '../core/speech/espeak-engine.js';
import { isSpeechLanguage, SpeechService } from '../core/speech/speech-service.js';
import { speechRuns } from '../core/speech/voice-choice.js';
import { wavInfo } from '../core/speech/wav.js';

/**
 * `diag speak "<text>" --out FILE.wav [--lang zh-CN|en|ug] [--slow]`: the default engine's voice for the language,
 * the text normalised and each script read by its own voice as the kiosk does (Chinese characters by the Chinese
 * voice even with `--lang en`), written as a WAV. Prints JSON (`voice`: the voices used, joined by +); null on bad usage.
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
  const voices = [...new Set(speechRuns(text, language).map((r) => engine.voiceFor(r.language)))].join('+');
  try {
    const { spoken, wav } = await new SpeechService(engine, createLogger({ level: 'silent' })).say(text, language, argv.includes('--slow'));
    writeFileSync(path.resolve(out), wav);
    const info = wavInfo(wav);
    const report = { out: path.resolve(out), engine: engine.id, voice: voices, language, spoken, ...info };
    return { out: JSON.stringify(report, null, 2) + '\n', err: '', code: 0 };
  } catch (e) {
    if (!(e instanceof SpeechError)) throw e;
    return { out: JSON.stringify({ error: { code: e.code, message: e.message } }) + '\n', err: `${e.message}\n`, code: 1 };
  }
}

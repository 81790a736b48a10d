import { spawn } from 'node:child_process';
import { SpeechError, type SpeechEngine, type SpeechLanguage, type SynthesisOptions } from './engine.js';

const TIMEOUT_MS = 15_000;

/**
 * The slot for a vendor engine a deployer licenses: any program that reads text on stdin and writes a WAV to stdout.
 * `{voice}`, `{rate}` and `{lang}` in its arguments are filled in per utterance. espeak-ng is one such program.
 */
export class CommandEngine implements SpeechEngine {
  constructor(
    readonly id: string,
    private readonly path: string,
    private readonly args: string[],
    private readonly voices: Partial<Record<SpeechLanguage, string>>,
  ) {}

  voiceFor(language: SpeechLanguage): string | null {
    return this.voices[language] ?? null;
  }

  synthesize(text: string, language: SpeechLanguage, options: SynthesisOptions = {}): Promise<Buffer> {
    const voice = this.voiceFor(language);
    if (!voice) return Promise.reject(new SpeechError('unsupportedLanguage', 'speech.error.unavailable', language));
    const fill = (a: string) =>
      a
        .replaceAll('{voice}', voice)
        .replaceAll('{rate}', String(options.rate ?? 165))
        .replaceAll('{lang}', language);
    return new Promise((resolve, reject) => {
      const child = spawn(this.path, this.args.map(fill), { stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      let stderr = '';
      const kill = () => child.kill('SIGKILL');
      const timer = setTimeout(kill, TIMEOUT_MS);
      options.signal?.addEventListener('abort', kill, { once: true });
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          new SpeechError(
            e.code === 'ENOENT' ? 'engineMissing' : 'engineFailed',
            'speech.error.unavailable',
            e.code === 'ENOENT'
              ? `${this.path} not found${this.id === 'espeak-ng' ? ': apt-get install -y --no-install-recommends espeak-ng' : ''}`
              : e.message,
          ),
        );
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', kill);
        if (options.signal?.aborted) reject(new SpeechError('canceled', 'speech.error.unavailable', 'canceled'));
        else if (signal) reject(new SpeechError('timeout', 'speech.error.unavailable', `${this.id} killed (${signal})`));
        else if (code !== 0)
          reject(new SpeechError('engineFailed', 'speech.error.unavailable', `${this.id} exit ${code}: ${stderr.trim().slice(0, 200)}`));
        else resolve(Buffer.concat(chunks));
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(text);
    });
  }
}

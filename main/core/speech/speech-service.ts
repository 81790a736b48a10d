import { createHash } from 'node:crypto';
import type { Logger } from '../log/logger.js';
import { SpeechError, type SpeechEngine, type SpeechLanguage } from './engine.js';
import { normalizeForSpeech } from './normalize.js';
import { promptIds, prompts, type PromptId } from './prompts.js';
import { speechRuns } from './voice-choice.js';
import { concatWavs, fixWavSizes } from './wav.js';

export const speechLanguages: SpeechLanguage[] = ['zh-CN', 'en', 'ug'];
export const isSpeechLanguage = (l: string): l is SpeechLanguage => (speechLanguages as string[]).includes(l);

/** 长辈模式 speaks more slowly. */
const RATE = { standard: 165, slow: 130 } as const;
/** Dynamic utterances kept in memory (matter names, amounts): enough for a session's screens. */
const DYNAMIC_CACHE = 64;

export interface Utterance {
  /** the text as spoken, after normalisation (shown to technicians; never logged: it may hold a name) */
  spoken: string;
  wav: Buffer;
}

/**
 * Voice guidance: fixed prompts rendered once at start and kept; dynamic text synthesised on demand (a small LRU);
 * everything in flight is canceled when the session ends. Audio is a complete WAV the UI plays.
 */
export class SpeechService {
  private readonly fixed = new Map<string, Buffer>();
  private readonly dynamic = new Map<string, Buffer>();
  private session = new AbortController();

  constructor(
    private readonly engine: SpeechEngine,
    private readonly log: Logger,
  ) {}

  get engineId(): string {
    return this.engine.id;
  }

  /** Renders every fixed prompt in every language in the background, one at a time (cheap: ~50 ms each). */
  async prerender(languages: SpeechLanguage[] = speechLanguages): Promise<number> {
    let done = 0;
    for (const language of languages)
      for (const id of promptIds)
        for (const slow of [false, true]) {
          try {
            await this.prompt(id, language, slow);
            done++;
          } catch (e) {
            this.log.warn({ code: (e as SpeechError).code, language }, 'voice prompts not pre-rendered');
            return done;
          }
        }
    this.log.info({ prompts: done, engine: this.engine.id }, 'voice prompts ready');
    return done;
  }

  async prompt(id: PromptId, language: SpeechLanguage, slow: boolean): Promise<Utterance> {
    const spoken = normalizeForSpeech(prompts[language][id], language);
    const key = this.key(spoken, language, slow);
    let wav = this.fixed.get(key);
    if (!wav) {
      wav = await this.render(spoken, language, slow, undefined);
      this.fixed.set(key, wav);
    }
    return { spoken, wav };
  }

  /**
   * Any text (a matter name, an amount, a focused button's label), synthesised now; canceled with the session.
   * Each script is read by its own voice (`speechRuns`: Chinese characters never by the English voice); when a
   * language needed has no voice, nothing is read and the error names that language.
   */
  async say(text: string, language: SpeechLanguage, slow: boolean): Promise<Utterance> {
    const runs = speechRuns(text, language);
    if (runs.length === 0) throw new SpeechError('engineFailed', 'speech.error.unavailable', 'nothing to say');
    for (const r of runs)
      if (!this.engine.voiceFor(r.language)) throw new SpeechError('unsupportedLanguage', noVoiceKey(r.language), r.language);
    if (runs.length === 1) return this.sayOne(runs[0]!.text, runs[0]!.language, slow);
    const parts: Utterance[] = [];
    for (const r of runs) parts.push(await this.sayOne(r.text, r.language, slow));
    const wav = concatWavs(parts.map((p) => p.wav));
    const spoken = parts.map((p) => p.spoken).join(' ');
    // formats that cannot be joined: the longest run alone rather than a file a player would choke on
    if (!wav) return parts.reduce((a, b) => (b.spoken.length > a.spoken.length ? b : a));
    return { spoken, wav };
  }

  /** The voice each language is read with (null: none on this terminal). */
  voiceFor(language: SpeechLanguage): string | null {
    return this.engine.voiceFor(language);
  }

  private async sayOne(text: string, language: SpeechLanguage, slow: boolean): Promise<Utterance> {
    const spoken = normalizeForSpeech(text, language);
    const key = this.key(spoken, language, slow);
    const cached = this.dynamic.get(key) ?? this.fixed.get(key);
    if (cached) return { spoken, wav: cached };
    const wav = await this.render(spoken, language, slow, this.session.signal);
    this.dynamic.set(key, wav);
    if (this.dynamic.size > DYNAMIC_CACHE) this.dynamic.delete(this.dynamic.keys().next().value!);
    return { spoken, wav };
  }

  /** The session ended: stop synthesising and forget what was said in it (names, case numbers). */
  endSession(): void {
    this.session.abort();
    this.session = new AbortController();
    this.dynamic.clear();
  }

  private render(spoken: string, language: SpeechLanguage, slow: boolean, signal: AbortSignal | undefined): Promise<Buffer> {
    if (!this.engine.voiceFor(language)) throw new SpeechError('unsupportedLanguage', noVoiceKey(language), language);
    return this.engine.synthesize(spoken, language, { rate: slow ? RATE.slow : RATE.standard, signal }).then(fixWavSizes);
  }

  private key(spoken: string, language: SpeechLanguage, slow: boolean): string {
    return createHash('sha256')
      .update(`${this.engine.id}\0${this.engine.voiceFor(language)}\0${slow}\0${spoken}`)
      .digest('hex');
  }
}

/** The message when a language has no voice on this terminal (shown in the session's language, naming the missing one). */
export function noVoiceKey(language: SpeechLanguage): string {
  return `speech.error.noVoice.${language === 'zh-CN' ? 'zh' : language}`;
}

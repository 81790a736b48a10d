import type { SpeechLanguage } from './normalize.js';

export type { SpeechLanguage };

export type SpeechErrorCode = 'engineMissing' | 'engineFailed' | 'timeout' | 'canceled' | 'unsupportedLanguage';

/** A failure to speak; the UI shows `messageKey` (and keeps working silently). */
export class SpeechError extends Error {
  constructor(
    readonly code: SpeechErrorCode,
    readonly messageKey: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'SpeechError';
  }
}

export interface SynthesisOptions {
  /** words per minute; 长辈模式 asks for a slower rate */
  rate?: number;
  signal?: AbortSignal;
}

/**
 * A text-to-speech engine: text already normalised for speech in, a complete WAV file out. The default is Debian's
 * espeak-ng; a vendor engine a deployer licenses implements this same interface (see README "Voice guidance").
 */
export interface SpeechEngine {
  readonly id: string;
  /** the languages this engine can speak, and the voice it uses for each (for the cache key and the diag output) */
  voiceFor(language: SpeechLanguage): string | null;
  synthesize(text: string, language: SpeechLanguage, options?: SynthesisOptions): Promise<Buffer>;
}

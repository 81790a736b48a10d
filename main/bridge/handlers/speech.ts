import type { Kiosk } from '../../core/kiosk.js';
import { SpeechError, type SpeechLanguage } from '../../core/speech/engine.js';
import { isSpeechLanguage } from '../../core/speech/speech-service.js';
import { BridgeFailure, type Handlers } from '../dispatcher.js';

const unavailable = (e: unknown): never => {
  if (e instanceof SpeechError) throw new BridgeFailure({ code: 'unavailable', messageKey: e.messageKey, detail: e.code });
  throw e;
};

/** Voice guidance in the session's language and pace; audio as base64 WAV (played by the UI with Web Audio). */
export function speechHandlers(kiosk: Kiosk): Pick<Handlers, 'speech.prompt' | 'speech.say' | 'keypad.map'> {
  const voice = (): { language: SpeechLanguage; slow: boolean } => {
    const s = kiosk.session.snapshot();
    if (!kiosk.speech) throw new BridgeFailure({ code: 'unavailable', messageKey: 'speech.error.unavailable', detail: 'speech disabled' });
    return { language: isSpeechLanguage(s.language) ? s.language : 'zh-CN', slow: s.elderly };
  };
  const encode = (u: { spoken: string; wav: Buffer }) => ({ spoken: u.spoken, audio: u.wav.toString('base64') });
  return {
    // the keypad drives voice mode, so its key map travels with the speech calls
    'keypad.map': () => kiosk.config.keypad,
    'speech.prompt': async ({ id }) => {
      const { language, slow } = voice();
      return encode(await kiosk.speech!.prompt(id, language, slow).catch(unavailable));
    },
    'speech.say': async ({ text, language: written }) => {
      const { language, slow } = voice();
      return encode(await kiosk.speech!.say(text, written ?? language, slow).catch(unavailable));
    },
  };
}

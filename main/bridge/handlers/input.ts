import type { Kiosk } from '../../core/kiosk.js';
import { InputError } from '../../core/input/errors.js';
import { BridgeFailure, type Handlers } from '../dispatcher.js';

const unavailable = (e: unknown): never => {
  if (e instanceof InputError) throw new BridgeFailure({ code: 'unavailable', messageKey: e.messageKey, detail: e.message });
  throw e;
};

export function inputHandlers(kiosk: Kiosk): Pick<Handlers, 'ime.candidates' | 'handwriting.recognize'> {
  return {
    'ime.candidates': ({ letters, context, page, pageSize }) =>
      kiosk.input.candidates({ letters: letters.toLowerCase(), context, page, pageSize }).catch(unavailable),
    'handwriting.recognize': async ({ width, height, strokes, context, limit }) => ({
      candidates: await kiosk.input.recognize({ width, height, strokes }, { context, limit }).catch(unavailable),
    }),
  };
}

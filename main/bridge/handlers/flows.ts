import type { Kiosk } from '../../core/kiosk.js';
import { FlowFailure } from '../../core/flows/proof-flow.js';
import { BridgeFailure, type Handlers } from '../dispatcher.js';

/** Turns a flow's failure into a bridge error the UI shows with its way forward. */
async function guarded<T>(kiosk: Kiosk, run: () => Promise<T> | T): Promise<T> {
  kiosk.session.activity();
  try {
    return await run();
  } catch (e) {
    if (e instanceof FlowFailure) throw new BridgeFailure({ code: 'unavailable', messageKey: e.messageKey, detail: e.message });
    throw e;
  }
}

export function flowHandlers(
  kiosk: Kiosk,
): Pick<Handlers, 'proof.readiness' | 'proof.issue' | 'proof.document' | 'proof.print' | 'proof.receipt' | 'evaluation.submit'> {
  const p = kiosk.proof;
  return {
    'proof.readiness': ({ matterId }) => guarded(kiosk, () => p.readiness(matterId)),
    'proof.issue': ({ matterId }) => guarded(kiosk, () => p.issue(matterId)),
    'proof.document': () => guarded(kiosk, () => ({ base64: Buffer.from(p.document()).toString('base64') })),
    'proof.print': ({ copies }) => guarded(kiosk, async () => ({ messageKey: null, ...(await p.print(copies)) })),
    'proof.receipt': () => guarded(kiosk, async () => ({ messageKey: null, ...(await p.receipt()) })),
    'evaluation.submit': (e) => guarded(kiosk, () => p.evaluate(e)),
  };
}

import type { Kiosk } from '../../core/kiosk.js';
import { FlowRefusal } from '../../core/flows/flow-engine.js';
import { BridgeFailure, type Handlers } from '../dispatcher.js';

/** Turns a flow's refusal into a bridge error the UI shows with its way forward; every call counts as activity. */
function guarded<T>(kiosk: Kiosk, run: () => T): T {
  kiosk.session.activity();
  try {
    return run();
  } catch (e) {
    if (e instanceof FlowRefusal)
      throw new BridgeFailure({ code: e.code === 'badAnswer' ? 'badParams' : 'unavailable', messageKey: e.messageKey, detail: e.message });
    throw e;
  }
}

export function flowHandlers(
  kiosk: Kiosk,
): Pick<Handlers, 'flow.start' | 'flow.current' | 'flow.answer' | 'flow.act' | 'flow.leave' | 'flow.document' | 'flow.pagePreview'> {
  const f = kiosk.flows;
  return {
    'flow.start': ({ flowId, matterId }) => guarded(kiosk, () => f.start(flowId, matterId)),
    'flow.current': () => f.current(),
    'flow.answer': ({ runId, seq, answer }) => guarded(kiosk, () => f.answer(runId, seq, answer)),
    'flow.act': ({ runId, action }) => guarded(kiosk, () => f.act(runId, action)),
    'flow.leave': ({ runId }) => guarded(kiosk, () => (f.leave(runId), null)),
    'flow.document': ({ runId }) => guarded(kiosk, () => ({ base64: Buffer.from(f.previewDocument(runId)).toString('base64') })),
    'flow.pagePreview': ({ runId, materialId, pageId }) =>
      guarded(kiosk, () => ({ base64: Buffer.from(f.pagePreview(runId, materialId, pageId)).toString('base64') })),
  };
}

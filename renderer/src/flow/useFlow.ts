import { useCallback, useState } from 'react';
import type { Params } from '../../../main/bridge/contract.js';
import { useApp, useSlice } from '../stores/index.js';
import type { FlowState } from '../stores/flow.js';

type Action = Params<'flow.act'>['action'];

/** The running flow and the three things a step can do: answer, act on a failure (or go back), leave. */
export function useFlow(): {
  state: FlowState | null;
  answer: (answer: unknown) => void;
  act: (action: Action) => void;
  leave: () => void;
  errorKey: string | null;
} {
  const { stores, bridge } = useApp();
  const state = useSlice(stores.flow, (s) => s.state);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const onError = useCallback((e: unknown) => {
    setErrorKey((e as { error?: { messageKey?: string } }).error?.messageKey ?? 'bridge.error.internal');
  }, []);
  const apply = useCallback((next: FlowState | null) => stores.flow.setState({ state: next }), [stores]);
  const answer = useCallback(
    (a: unknown) => {
      const s = stores.flow.getState().state;
      if (!s) return;
      setErrorKey(null);
      bridge.call('flow.answer', { runId: s.runId, seq: s.seq, answer: a }).catch(onError);
    },
    [bridge, stores, onError],
  );
  const act = useCallback(
    (action: Action) => {
      const s = stores.flow.getState().state;
      if (!s) return;
      setErrorKey(null);
      bridge.call('flow.act', { runId: s.runId, action }).then((next) => next === null && apply(null), onError);
    },
    [bridge, stores, onError, apply],
  );
  const leave = useCallback(() => {
    const s = stores.flow.getState().state;
    if (!s) return;
    bridge.call('flow.leave', { runId: s.runId }).then(() => apply(null), onError);
  }, [bridge, stores, onError, apply]);
  return { state, answer, act, leave, errorKey };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Method, Params, Reply } from '../../../main/bridge/contract.js';
import { useApp } from '../stores/index.js';

export type QueryState<M extends Method> =
  { status: 'loading'; data: null } | { status: 'ok'; data: Reply<M> } | { status: 'error'; data: null; messageKey: string };

/**
 * One bridge call tied to a screen: loading / result / error with a retry, and late replies for outdated params
 * dropped. `key` says when the params changed (a JSON string is simplest).
 */
export function useBridgeQuery<M extends Method>(method: M, params: Params<M>, key: string): QueryState<M> & { retry: () => void } {
  const { bridge } = useApp();
  const [state, setState] = useState<QueryState<M>>({ status: 'loading', data: null });
  const [attempt, setAttempt] = useState(0);
  const paramsRef = useRef(params);
  paramsRef.current = params;
  useEffect(() => {
    let live = true;
    setState({ status: 'loading', data: null });
    bridge.call(method, paramsRef.current).then(
      (data) => live && setState({ status: 'ok', data }),
      (e: unknown) =>
        live &&
        setState({
          status: 'error',
          data: null,
          messageKey: (e as { error?: { messageKey?: string } }).error?.messageKey ?? 'catalog.loadFailed',
        }),
    );
    return () => {
      live = false;
    };
  }, [bridge, method, key, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, retry };
}

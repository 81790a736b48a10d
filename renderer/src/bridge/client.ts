import {
  contract,
  parseEvent,
  ResponseMessageSchema,
  type BridgeError,
  type EventName,
  type EventPayload,
  type Method,
  type Params,
  type Reply,
} from '../../../main/bridge/contract.js';

/** A failed bridge call, with the message key the UI shows. */
export class BridgeCallError extends Error {
  constructor(readonly error: BridgeError) {
    super(error.detail);
  }
}

export type AnyEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export interface BridgeClient {
  call<M extends Method>(method: M, params: Params<M>): Promise<Reply<M>>;
  onEvent(listener: (e: AnyEvent) => void): () => void;
  onConnection(listener: (connected: boolean) => void): () => void;
}

/** The raw channel a transport provides: send text-free objects, receive objects. */
export interface Channel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onConnection(listener: (connected: boolean) => void): void;
}

/** Builds the typed client over any channel; validates every reply and event on arrival. */
export function createBridgeClient(channel: Channel, timeoutMs = 20_000): BridgeClient {
  let nextId = 1;
  const pending = new Map<
    number,
    { method: Method; resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }
  >();
  const eventListeners = new Set<(e: AnyEvent) => void>();
  const connectionListeners = new Set<(c: boolean) => void>();

  channel.onConnection((connected) => {
    if (!connected) {
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        p.reject(new BridgeCallError({ code: 'unavailable', messageKey: 'bridge.error.unavailable', detail: 'connection lost' }));
        pending.delete(id);
      }
    }
    for (const l of connectionListeners) l(connected);
  });

  channel.onMessage((raw) => {
    if ((raw as { kind?: unknown })?.kind === 'event') {
      const event = parseEvent(raw);
      if (!event.ok) {
        console.warn('bridge: rejected event', event.detail);
        return;
      }
      for (const l of eventListeners) l({ name: event.name, payload: event.payload } as AnyEvent);
      return;
    }
    const res = ResponseMessageSchema.safeParse(raw);
    if (!res.success) {
      console.warn('bridge: rejected message that is neither event nor response');
      return;
    }
    const p = pending.get(res.data.id);
    if (!p) return;
    pending.delete(res.data.id);
    clearTimeout(p.timer);
    if (!res.data.ok) {
      p.reject(new BridgeCallError(res.data.error));
      return;
    }
    const result = contract.requests[p.method].result.safeParse(res.data.result);
    if (result.success) p.resolve(result.data);
    else
      p.reject(
        new BridgeCallError({ code: 'badMessage', messageKey: 'bridge.error.badMessage', detail: `${p.method}: reply failed validation` }),
      );
  });

  return {
    call(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new BridgeCallError({ code: 'unavailable', messageKey: 'bridge.error.unavailable', detail: `${method} timed out` }));
        }, timeoutMs);
        pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
        channel.send({ kind: 'request', id, method, params });
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}

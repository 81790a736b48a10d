import {
  contract,
  isMethod,
  RequestMessageSchema,
  type BridgeError,
  type Method,
  type ParsedParams,
  type Reply,
  type ResponseMessage,
} from './contract.js';

/** Thrown by handlers for expected refusals (e.g. maintenance not unlocked); becomes a typed error reply. */
export class BridgeFailure extends Error {
  constructor(readonly error: BridgeError) {
    super(error.detail);
  }
}

export type Handlers = { [M in Method]: (params: ParsedParams<M>) => Promise<Reply<M>> | Reply<M> };

export interface RejectionSink {
  (info: { code: BridgeError['code']; detail: string; method?: string }): void;
}

const fail = (id: number, code: BridgeError['code'], messageKey: string, detail: string): ResponseMessage => ({
  kind: 'response',
  id,
  ok: false,
  error: { code, messageKey, detail },
});

/**
 * Validates one incoming message against the contract and runs its handler. Never throws: every problem
 * becomes a typed error reply, and rejected messages are reported to `onRejected` for the log.
 */
export function createDispatcher(handlers: Handlers, onRejected: RejectionSink) {
  return async function dispatch(raw: unknown): Promise<ResponseMessage> {
    const env = RequestMessageSchema.safeParse(raw);
    if (!env.success) {
      onRejected({ code: 'badMessage', detail: 'not a request envelope' });
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
      return fail(id, 'badMessage', 'bridge.error.badMessage', 'not a request envelope');
    }
    const { id, method, params } = env.data;
    if (!isMethod(method)) {
      onRejected({ code: 'unknownMethod', detail: `unknown method "${method}"` });
      return fail(id, 'unknownMethod', 'bridge.error.unknownMethod', `unknown method "${method}"`);
    }
    const spec = contract.requests[method];
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
      onRejected({ code: 'badParams', detail, method });
      return fail(id, 'badParams', 'bridge.error.badParams', detail);
    }
    try {
      const handler = handlers[method] as (p: unknown) => Promise<unknown> | unknown;
      const result = spec.result.parse(await handler(parsed.data));
      return { kind: 'response', id, ok: true, result };
    } catch (e) {
      if (e instanceof BridgeFailure) return { kind: 'response', id, ok: false, error: e.error };
      onRejected({ code: 'internal', detail: (e as Error).message, method });
      return fail(id, 'internal', 'bridge.error.internal', `${method} failed`);
    }
  };
}

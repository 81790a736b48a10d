import type { PlatformClient } from '../platform/client.js';
import { PlatformError } from '../platform/errors.js';
import { EvaluationAckSchema, EvaluationSchema } from '../platform/schemas.js';
import type { Delivery, OutboxKind, Sender } from './outbox.js';

/** Deliverers of the kinds that are more than one call (an application: uploads, then the submission). */
export interface KindSenders {
  application?: () => ((payload: unknown, idempotencyKey: string) => Promise<Delivery>) | null;
}

/** Delivers outbox entries to the platform; the idempotency key travels in the signed body. */
export function platformSender(client: PlatformClient, kinds: KindSenders = {}): Sender {
  const send = async (kind: OutboxKind, payload: unknown, idempotencyKey: string): Promise<Delivery> => {
    if (kind === 'application') {
      const deliver = kinds.application?.();
      if (!deliver) return { result: 'failed', retry: true, error: 'applications cannot be delivered yet (no application service)' };
      return deliver(payload, idempotencyKey);
    }
    const body = EvaluationSchema.safeParse({ ...(payload as object), idempotencyKey });
    if (!body.success) return { result: 'failed', retry: false, error: `stored ${kind} is invalid: ${body.error.issues[0]?.message}` };
    try {
      await client.post('/api/v1/evaluations', { body: body.data, schema: EvaluationAckSchema });
      return { result: 'acknowledged' };
    } catch (e) {
      const pe = e instanceof PlatformError ? e : new PlatformError('server', String(e));
      // a reply lost or garbled after the platform stored it is safe to repeat: the key makes it a duplicate
      const retry = pe.transient || pe.code === 'badReply';
      return { result: 'failed', retry, error: `${pe.code}: ${pe.message}` };
    }
  };
  return Object.assign(send, { onPlatformContact: (listener: () => void) => client.onContact(listener) });
}

import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db.js';
import { storeFailure } from '../store/errors.js';
import type { PayloadCipher } from './cipher.js';

/** `application`: a resident's application with its scans and signature (main/core/apply/submission-service.ts). */
export type OutboxKind = 'evaluation' | 'application';

/** What a send attempt came to: acknowledged (delete), or failed (retry later), with whether retrying can help. */
export type Delivery = { result: 'acknowledged' } | { result: 'failed'; retry: boolean; error: string };
export type Sender = ((kind: OutboxKind, payload: unknown, idempotencyKey: string) => Promise<Delivery>) & {
  /** Tells when the platform has just answered some other call, so entries waiting out a back-off can go now. */
  onPlatformContact?: (listener: () => void) => () => void;
};

export interface OutboxEntry {
  id: number;
  kind: OutboxKind;
  idempotencyKey: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

/**
 * The durable outbox: a message is committed to SQLite (encrypted) before any attempt to send it, sent with its
 * idempotency key so the platform can drop duplicates, retried with exponential back-off until acknowledged, and
 * deleted only then. A crash at any point leaves it either still queued or already delivered — never lost.
 */
export class Outbox {
  /** Entries whose last attempt failed in a way retrying can fix (network, timeout, 5xx), by id; this run only. */
  private readonly retryable = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly cipher: PayloadCipher,
    private readonly now: () => Date = () => new Date(),
    private readonly backoff = { firstMs: 5_000, maxMs: 15 * 60_000 },
  ) {}

  /** `idempotencyKey`: for a caller that must know the key before the payload is written (default: a new UUID). */
  enqueue(kind: OutboxKind, payload: unknown, idempotencyKey?: string): OutboxEntry {
    const key = idempotencyKey ?? randomUUID();
    const at = this.now().toISOString();
    let id: number;
    try {
      id = Number(
        this.db
          .prepare('INSERT INTO outbox (kind, idempotency_key, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)')
          .run(kind, key, this.cipher.seal(JSON.stringify(payload)), at, at).lastInsertRowid,
      );
    } catch (e) {
      // disk full or failing: a typed error, and the resident is not told it was saved; earlier entries are intact
      storeFailure(e, this.db.name, `queueing ${kind}`);
    }
    return { id, kind, idempotencyKey: key, attempts: 0, nextAttemptAt: at, lastError: null };
  }

  /** Deletes an entry a caller delivered (or saw refused) itself; false when it was already gone. */
  removeByKey(idempotencyKey: string): boolean {
    return this.db.prepare('DELETE FROM outbox WHERE idempotency_key = ?').run(idempotencyKey).changes > 0;
  }

  depth(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  }

  entries(): OutboxEntry[] {
    return (
      this.db.prepare('SELECT id, kind, idempotency_key, attempts, next_attempt_at, last_error FROM outbox ORDER BY id').all() as {
        id: number;
        kind: OutboxKind;
        idempotency_key: string;
        attempts: number;
        next_attempt_at: string;
        last_error: string | null;
      }[]
    ).map((r) => ({
      id: r.id,
      kind: r.kind,
      idempotencyKey: r.idempotency_key,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      lastError: r.last_error,
    }));
  }

  /** Sends every entry that is due, oldest first; returns how many were acknowledged. */
  async deliverDue(send: Sender): Promise<{ acknowledged: number; failed: number }> {
    const due = this.db
      .prepare('SELECT id, kind, idempotency_key, payload, attempts FROM outbox WHERE next_attempt_at <= ? ORDER BY id')
      .all(this.now().toISOString()) as { id: number; kind: OutboxKind; idempotency_key: string; payload: Buffer; attempts: number }[];
    let acknowledged = 0;
    let failed = 0;
    for (const row of due) {
      let outcome: Delivery;
      try {
        outcome = await send(row.kind, JSON.parse(this.cipher.open(row.payload)), row.idempotency_key);
      } catch (e) {
        outcome = { result: 'failed', retry: true, error: (e as Error).message };
      }
      this.retryable.delete(row.id);
      if (outcome.result === 'acknowledged') {
        this.db.prepare('DELETE FROM outbox WHERE id = ?').run(row.id);
        acknowledged++;
        continue;
      }
      failed++;
      if (outcome.retry) this.retryable.add(row.id);
      const attempts = row.attempts + 1;
      // a refusal retrying cannot fix waits the longest, so a technician sees it (and the platform can be fixed)
      const delay = outcome.retry ? Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** (attempts - 1)) : this.backoff.maxMs;
      this.db
        .prepare('UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?')
        .run(attempts, new Date(this.now().getTime() + delay).toISOString(), outcome.error.slice(0, 500), row.id);
    }
    return { acknowledged, failed };
  }

  /**
   * Makes the entries that failed only for want of the platform due now (the platform is back); an entry the
   * platform refused keeps its long wait. Returns how many were made due.
   */
  expediteRetryable(): number {
    if (this.retryable.size === 0) return 0;
    const now = this.now().toISOString();
    const update = this.db.prepare('UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND next_attempt_at > ?');
    let n = 0;
    for (const id of this.retryable) n += update.run(now, id, now).changes;
    this.retryable.clear();
    return n;
  }

  /** When the next entry falls due, or null when the outbox is empty. */
  nextDueAt(): Date | null {
    const r = this.db.prepare('SELECT min(next_attempt_at) AS at FROM outbox').get() as { at: string | null };
    return r.at ? new Date(r.at) : null;
  }
}

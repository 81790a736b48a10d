import type { AuditLog, AuditType } from './audit.js';

const MINUTE = 60_000;

interface Bucket {
  minute: number;
  count: number;
  firstAt: string;
  lastAt: string;
  detail: Record<string, unknown>;
}

/**
 * Folds frequent audit events (rejected bridge messages) into one row per kind per minute with a count, so a
 * client sending garbage in a loop cannot flood the audit table. A minute's row is written when the minute is
 * over (timer), when the same kind comes again in a later minute, and on `flush()` (stop).
 */
export class AuditAggregator {
  private readonly buckets = new Map<string, Bucket>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly audit: AuditLog,
    private readonly type: AuditType,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event of `kind`; true when it is the first of its kind this minute (worth a log line). */
  count(kind: string, detail: Record<string, unknown>): boolean {
    const t = this.now();
    const minute = Math.floor(t / MINUTE);
    const at = new Date(t).toISOString();
    const b = this.buckets.get(kind);
    if (b && b.minute === minute) {
      b.count++;
      b.lastAt = at;
      return false;
    }
    if (b) {
      this.write(kind, b);
      this.buckets.delete(kind); // re-inserted below: rows keep the order their minutes started in
    }
    this.buckets.set(kind, { minute, count: 1, firstAt: at, lastAt: at, detail });
    this.arm(t);
    return true;
  }

  /** Writes every open bucket. */
  flush(): void {
    for (const [kind, b] of this.buckets) this.write(kind, b);
    this.buckets.clear();
  }

  /** Writes the buckets of minutes that are over. */
  flushFinished(): void {
    const minute = Math.floor(this.now() / MINUTE);
    for (const [kind, b] of this.buckets)
      if (b.minute < minute) {
        this.write(kind, b);
        this.buckets.delete(kind);
      }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flush();
  }

  private write(kind: string, b: Bucket): void {
    this.audit.append(this.type, { ...b.detail, kind, count: b.count, firstAt: b.firstAt, lastAt: b.lastAt });
  }

  private arm(t: number): void {
    if (this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.flushFinished();
        if (this.buckets.size > 0) this.arm(this.now());
      },
      MINUTE - (t % MINUTE) + 10,
    );
    this.timer.unref();
  }
}

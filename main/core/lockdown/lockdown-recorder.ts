import type { Clock } from '../../../devices/core/operation.js';
import type { Logger } from '../log/logger.js';
import type { LockdownAttempt } from './attempts.js';

/** What one audit row says: attempts counted by kind, and by kind and which one ("shortcut:Ctrl+W"). */
export interface LockdownSummary {
  total: number;
  byKind: Record<string, number>;
  byWhat: Record<string, number>;
}

/** A flood of distinct names (a misbehaving client) cannot grow a row without bound. */
const maxDistinct = 64;

/**
 * Counts blocked escape attempts and writes them to the audit log aggregated: one row when a session ends (what
 * was tried during it), and for attempts outside a session one row a while after the first. A resident hammering
 * Ctrl+W fifty times makes one row, not fifty.
 */
export class LockdownRecorder {
  private byKind = new Map<string, number>();
  private byWhat = new Map<string, number>();
  private total = 0;
  private timer: unknown = null;

  constructor(
    private readonly write: (summary: LockdownSummary) => void,
    private readonly log: Logger,
    private readonly clock: Clock,
    private readonly idleFlushMs = 60_000,
  ) {}

  record(attempt: LockdownAttempt, inSession: boolean): void {
    this.total++;
    bump(this.byKind, attempt.kind);
    if (attempt.what) bump(this.byWhat, `${attempt.kind}:${attempt.what}`);
    if (!inSession && this.timer === null)
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.flush();
      }, this.idleFlushMs);
  }

  /** Writes what was counted since the last row (nothing when nothing was tried). */
  flush(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    if (this.total === 0) return;
    const summary = { total: this.total, byKind: Object.fromEntries(this.byKind), byWhat: Object.fromEntries(this.byWhat) };
    this.byKind = new Map();
    this.byWhat = new Map();
    this.total = 0;
    this.log.warn(summary, 'lockdown: escape attempts blocked');
    this.write(summary);
  }
}

function bump(counts: Map<string, number>, key: string): void {
  const k = counts.has(key) || counts.size < maxDistinct ? key : 'other';
  counts.set(k, (counts.get(k) ?? 0) + 1);
}

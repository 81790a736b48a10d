import type { Logger } from '../log/logger.js';
import type { Outbox, OutboxKind, Sender } from './outbox.js';

/**
 * Runs the outbox: delivers right after something is queued, then whenever the next entry falls due. Without a
 * platform it only keeps the entries; they go out once one is configured.
 */
export class OutboxService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly stopListening: () => void;

  constructor(
    readonly outbox: Outbox,
    private readonly send: Sender | null,
    private readonly log: Logger,
    private readonly onDepth: (depth: number) => void = () => undefined,
  ) {
    // the platform answered another call (catalog sync, a proof): what waited for it need not wait out its back-off
    this.stopListening = send?.onPlatformContact?.(() => this.platformReachable()) ?? (() => undefined);
  }

  start(): void {
    void this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.stopListening();
    if (this.timer) clearTimeout(this.timer);
  }

  /** Queues a message (committed before this returns) and tries to send it at once. */
  submit(kind: OutboxKind, payload: unknown): string {
    const entry = this.outbox.enqueue(kind, payload);
    this.onDepth(this.outbox.depth());
    void this.kick();
    return entry.idempotencyKey;
  }

  depth(): number {
    return this.outbox.depth();
  }

  private platformReachable(): void {
    if (this.stopped) return;
    const expedited = this.outbox.expediteRetryable();
    if (expedited === 0) return;
    this.log.info({ expedited }, 'platform reachable again: sending what waited for it');
    void this.kick();
  }

  /** Delivers what is due now (joining a delivery already running), then schedules the next. */
  kick(): Promise<void> {
    if (!this.send || this.stopped) return Promise.resolve();
    if (this.running) return this.running;
    const send = this.send;
    this.running = (async () => {
      try {
        const r = await this.outbox.deliverDue(send);
        if (r.acknowledged || r.failed) this.log.info({ ...r, depth: this.outbox.depth() }, 'outbox delivery');
      } catch (e) {
        this.log.error({ err: (e as Error).message }, 'outbox delivery failed');
      } finally {
        this.running = null;
        // stopped while delivering: the database may be closed by now
        if (!this.stopped) {
          this.onDepth(this.outbox.depth());
          this.schedule();
        }
      }
    })();
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const next = this.outbox.nextDueAt();
    if (!next) return;
    this.timer = setTimeout(() => void this.kick(), Math.max(100, next.getTime() - Date.now()));
    this.timer.unref();
  }
}

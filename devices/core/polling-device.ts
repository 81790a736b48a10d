import type { DeviceStatus } from './status.js';
import { StatusTracker } from './status-tracker.js';

/**
 * What drivers that learn their condition by asking (printers) share: a status tracker, a poll loop that keeps
 * going after failures, start/stop. A driver supplies `pollOnce` (which updates the tracker) and, if it holds a
 * link, `release`.
 */
export abstract class PollingDevice {
  protected readonly tracker: StatusTracker;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    readonly id: string,
    readonly kind: string,
    private readonly pollIntervalMs: number,
  ) {
    this.tracker = new StatusTracker(id, kind);
  }

  protected abstract pollOnce(): Promise<unknown>;

  protected async release(): Promise<void> {}

  async start(): Promise<void> {
    this.running = true;
    await this.poll();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.release();
  }

  status(): DeviceStatus {
    return this.tracker.get();
  }

  onStatus(listener: (s: DeviceStatus) => void): () => void {
    return this.tracker.subscribe(listener);
  }

  private async poll(): Promise<void> {
    if (!this.running) return;
    await this.pollOnce().catch(() => undefined);
    if (this.running) this.timer = setTimeout(() => void this.poll(), this.pollIntervalMs);
  }
}

import type { Clock } from './operation.js';

/**
 * A driver loop's pause that an event can cut short: `sleep(ms)` resolves after `ms` on the injected clock, or at
 * once when `wake()` is called (a card placed, a step waiting for a code, unplug, stop).
 */
export class WakeableSleep {
  private waker: (() => void) | null = null;

  constructor(private readonly clock: Clock) {}

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const h = this.clock.setTimeout(() => {
        this.waker = null;
        resolve();
      }, ms);
      this.waker = () => {
        this.clock.clearTimeout(h);
        this.waker = null;
        resolve();
      };
    });
  }

  wake(): void {
    this.waker?.();
  }
}

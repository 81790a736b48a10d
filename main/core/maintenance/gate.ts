import type { KeyValueStore } from '../store/kv.js';
import { verifyPin } from './pin.js';

export type UnlockOutcome =
  { result: 'unlocked' } | { result: 'rejected'; remainingAttempts: number } | { result: 'lockedOut'; retryAt: string };

/**
 * Guards maintenance mode: PIN check against a salted hash, lockout after too many wrong PINs.
 * Attempts are persisted so a restart does not reset the lockout.
 */
export class MaintenanceGate {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly options: { pinHash: string; maxAttempts: number; lockoutSeconds: number },
    private readonly now: () => number = Date.now,
  ) {}

  unlock(pin: string): UnlockOutcome {
    const state = this.kv.get('maintenance.attempts', { failures: 0, lockedUntil: 0 });
    if (state.lockedUntil > this.now()) return { result: 'lockedOut', retryAt: new Date(state.lockedUntil).toISOString() };
    if (verifyPin(pin, this.options.pinHash)) {
      this.kv.set('maintenance.attempts', { failures: 0, lockedUntil: 0 });
      return { result: 'unlocked' };
    }
    const failures = state.lockedUntil > 0 ? 1 : state.failures + 1;
    if (failures >= this.options.maxAttempts) {
      const lockedUntil = this.now() + this.options.lockoutSeconds * 1000;
      this.kv.set('maintenance.attempts', { failures: 0, lockedUntil });
      return { result: 'lockedOut', retryAt: new Date(lockedUntil).toISOString() };
    }
    this.kv.set('maintenance.attempts', { failures, lockedUntil: 0 });
    return { result: 'rejected', remainingAttempts: this.options.maxAttempts - failures };
  }
}

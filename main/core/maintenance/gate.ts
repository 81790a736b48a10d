import type { KeyValueStore } from '../store/kv.js';
import { verifyPin } from './pin.js';

export type UnlockOutcome =
  { result: 'unlocked' } | { result: 'rejected'; remainingAttempts: number } | { result: 'lockedOut'; retryAt: string };

interface AttemptState {
  failures: number;
  lockedUntil: number;
  /** Lockouts since the last correct PIN; each one lasts twice as long as the one before. */
  lockouts?: number;
}

/** The longest lockout, whatever the escalation. */
export const MAX_LOCKOUT_MS = 24 * 3600 * 1000;

/**
 * Guards maintenance mode: PIN check against a salted hash, lockout after too many wrong PINs. Each lockout
 * doubles the last (from `lockoutSeconds`, up to 24 h) until the right PIN is entered, so guessing does not get
 * a fresh budget every few minutes. Attempts and lockouts are persisted: a restart resets neither.
 */
export class MaintenanceGate {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly options: { pinHash: string; maxAttempts: number; lockoutSeconds: number },
    private readonly now: () => number = Date.now,
  ) {}

  unlock(pin: string): UnlockOutcome {
    const state = this.kv.get<AttemptState>('maintenance.attempts', { failures: 0, lockedUntil: 0, lockouts: 0 });
    const lockouts = state.lockouts ?? 0;
    if (state.lockedUntil > this.now()) return { result: 'lockedOut', retryAt: new Date(state.lockedUntil).toISOString() };
    if (verifyPin(pin, this.options.pinHash)) {
      this.save({ failures: 0, lockedUntil: 0, lockouts: 0 });
      return { result: 'unlocked' };
    }
    const failures = state.lockedUntil > 0 ? 1 : state.failures + 1;
    if (failures >= this.options.maxAttempts) {
      const lockedUntil = this.now() + this.lockoutMs(lockouts);
      this.save({ failures: 0, lockedUntil, lockouts: lockouts + 1 });
      return { result: 'lockedOut', retryAt: new Date(lockedUntil).toISOString() };
    }
    this.save({ failures, lockedUntil: 0, lockouts });
    return { result: 'rejected', remainingAttempts: this.options.maxAttempts - failures };
  }

  /** How long the lockout after `previous` earlier ones lasts. */
  lockoutMs(previous: number): number {
    return Math.min(MAX_LOCKOUT_MS, this.options.lockoutSeconds * 1000 * 2 ** Math.min(previous, 20));
  }

  private save(state: Required<AttemptState>): void {
    this.kv.set('maintenance.attempts', state);
  }
}

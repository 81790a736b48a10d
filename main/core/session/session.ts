import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../devices/core/operation.js';

export type SessionPhase = 'idle' | 'active' | 'countdown';
export type SessionMode = 'resident' | 'maintenance';
export type SessionTrigger = 'touch' | 'card' | 'maintenance';
export type EndReason = 'completed' | 'canceled' | 'timeout' | 'maintenance' | 'shutdown';

export interface SessionSnapshot {
  phase: SessionPhase;
  mode: SessionMode;
  sessionId: string | null;
  startedAt: string | null;
  /** When the "need more time?" countdown ends (only in phase `countdown`). */
  countdownEndsAt: string | null;
  countdownSeconds: number;
  elderly: boolean;
  language: string;
}

export interface SessionTimings {
  idleMs: number;
  countdownMs: number;
  maintenanceIdleMs: number;
}

export interface SessionEvents {
  changed(snapshot: SessionSnapshot): void;
  started(snapshot: SessionSnapshot, trigger: SessionTrigger): void;
  ended(info: { sessionId: string; mode: SessionMode; reason: EndReason; durationMs: number }): void;
}

/**
 * The session lifecycle: starts on the first touch or card, counts idle time, shows a countdown,
 * and ends on completion, cancel or timeout. Ending wipes the session's data (memory, and any files
 * registered through `registerWipe`). Time is injected so the lifecycle is tested with fake timers.
 */
export class SessionManager {
  private phase: SessionPhase = 'idle';
  private mode: SessionMode = 'resident';
  private sessionId: string | null = null;
  private startedAtMs = 0;
  private countdownEndsAtMs: number | null = null;
  private timer: unknown = null;
  private elderly = false;
  private language: string;
  private readonly data = new Map<string, unknown>();
  private readonly wipers = new Set<() => void | Promise<void>>();
  private readonly holds = new Set<symbol>();

  constructor(
    private readonly timings: SessionTimings,
    private readonly defaultLanguage: string,
    private readonly events: SessionEvents,
    private readonly clock: Clock,
  ) {
    this.language = defaultLanguage;
  }

  snapshot(): SessionSnapshot {
    return {
      phase: this.phase,
      mode: this.mode,
      sessionId: this.sessionId,
      startedAt: this.sessionId ? new Date(this.startedAtMs).toISOString() : null,
      countdownEndsAt: this.countdownEndsAtMs === null ? null : new Date(this.countdownEndsAtMs).toISOString(),
      countdownSeconds: Math.round(this.timings.countdownMs / 1000),
      elderly: this.elderly,
      language: this.language,
    };
  }

  get active(): boolean {
    return this.phase !== 'idle';
  }

  /** Starts a session, or counts as activity when one is running in the same mode. */
  start(trigger: SessionTrigger): SessionSnapshot {
    const mode: SessionMode = trigger === 'maintenance' ? 'maintenance' : 'resident';
    if (this.active && this.mode === mode) {
      this.activity();
      return this.snapshot();
    }
    if (this.active) this.end('maintenance');
    this.mode = mode;
    this.sessionId = randomUUID();
    this.startedAtMs = this.clock.now();
    this.phase = 'active';
    this.armIdle();
    const snap = this.snapshot();
    this.events.started(snap, trigger);
    this.events.changed(snap);
    return snap;
  }

  /** A touch, key press or device interaction: resets the idle clock and dismisses a countdown. */
  activity(): void {
    if (!this.active) return;
    const wasCountdown = this.phase === 'countdown';
    this.phase = 'active';
    this.countdownEndsAtMs = null;
    this.armIdle();
    if (wasCountdown) this.events.changed(this.snapshot());
  }

  setPreferences(prefs: { elderly?: boolean; language?: string }): SessionSnapshot {
    if (prefs.elderly !== undefined) this.elderly = prefs.elderly;
    if (prefs.language !== undefined) this.language = prefs.language;
    this.activity();
    const snap = this.snapshot();
    this.events.changed(snap);
    return snap;
  }

  /** Session-scoped data: lives in memory only and is dropped when the session ends. */
  put(key: string, value: unknown): void {
    if (!this.active) throw new Error('no session is active');
    this.data.set(key, value);
  }

  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  /**
   * A service's own cleanup, run at the end of every session (its memory, temp files, scans). Each service registers
   * once at construction; a failing wipe is logged by the service and never keeps the session alive.
   */
  registerWipe(wipe: () => void | Promise<void>): () => void {
    this.wipers.add(wipe);
    return () => this.wipers.delete(wipe);
  }

  /**
   * Holds the session open (a payment that is not final): while any hold is active, idleness never ends the session;
   * its countdown is put off until the holds are released. Returns the release.
   */
  hold(reason: string): () => void {
    const h = Symbol(reason);
    this.holds.add(h);
    return () => {
      this.holds.delete(h);
    };
  }

  get held(): boolean {
    return this.holds.size > 0;
  }

  end(reason: EndReason): void {
    if (!this.active || !this.sessionId) return;
    const info = { sessionId: this.sessionId, mode: this.mode, reason, durationMs: this.clock.now() - this.startedAtMs };
    this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.wipe();
    this.holds.clear(); // a payment still settling goes on in the background; the next resident is not held
    this.phase = 'idle';
    this.mode = 'resident';
    this.sessionId = null;
    this.countdownEndsAtMs = null;
    this.elderly = false;
    this.language = this.defaultLanguage;
    this.events.ended(info);
    this.events.changed(this.snapshot());
  }

  dispose(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private wipe(): void {
    this.data.clear();
    for (const w of [...this.wipers]) {
      try {
        void Promise.resolve(w()).catch(() => undefined);
      } catch {
        /* a failed wipe must not keep the session alive; the wiper logs its own failure */
      }
    }
  }

  private armIdle(): void {
    this.clock.clearTimeout(this.timer);
    const idleMs = this.mode === 'maintenance' ? this.timings.maintenanceIdleMs : this.timings.idleMs;
    this.timer = this.clock.setTimeout(() => this.beginCountdown(), idleMs);
  }

  private beginCountdown(): void {
    if (this.holds.size > 0) return this.armIdle();
    this.phase = 'countdown';
    this.countdownEndsAtMs = this.clock.now() + this.timings.countdownMs;
    this.timer = this.clock.setTimeout(() => (this.holds.size > 0 ? this.activity() : this.end('timeout')), this.timings.countdownMs);
    this.events.changed(this.snapshot());
  }
}

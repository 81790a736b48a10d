import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../devices/core/operation.js';
import { SessionManager } from '../../main/core/session/session.js';

const setup = () => {
  const ended: string[] = [];
  const s = new SessionManager(
    { idleMs: 60_000, countdownMs: 15_000, maintenanceIdleMs: 300_000 },
    'zh-CN',
    { changed: () => undefined, ended: (i) => ended.push(i.reason), started: () => undefined },
    systemClock,
  );
  return { s, ended };
};

describe('a payment holds the session', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('idleness never ends a session while a payment is not final; the countdown comes back once released', () => {
    const { s, ended } = setup();
    s.start('touch');
    const release = s.hold('payment A');
    vi.advanceTimersByTime(10 * 60_000);
    expect(s.snapshot().phase).toBe('active');
    expect(ended).toEqual([]);
    release();
    vi.advanceTimersByTime(60_000);
    expect(s.snapshot().phase).toBe('countdown');
    vi.advanceTimersByTime(15_000);
    expect(ended).toEqual(['timeout']);
  });

  it('a hold taken during the countdown keeps the session; the resident can still end it, and the next one is not held', () => {
    const { s, ended } = setup();
    s.start('touch');
    vi.advanceTimersByTime(60_000);
    expect(s.snapshot().phase).toBe('countdown');
    s.hold('payment B');
    vi.advanceTimersByTime(15_000);
    expect(s.snapshot().phase).toBe('active');
    s.end('completed');
    expect(s.held).toBe(false);
    s.start('touch');
    vi.advanceTimersByTime(75_000);
    expect(ended).toEqual(['completed', 'timeout']);
  });
});

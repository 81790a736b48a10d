import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../devices/core/operation.js';
import { SessionManager, type SessionSnapshot } from '../../main/core/session/session.js';

function setup() {
  const changes: SessionSnapshot[] = [];
  const ended: { reason: string }[] = [];
  const started: string[] = [];
  const s = new SessionManager(
    { idleMs: 60_000, countdownMs: 15_000, maintenanceIdleMs: 300_000 },
    'zh-CN',
    { changed: (x) => changes.push(x), ended: (i) => ended.push(i), started: (_x, t) => started.push(t) },
    systemClock,
  );
  return { s, changes, ended, started };
}

describe('session lifecycle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts on the first touch and stays idle until then', () => {
    const { s, started } = setup();
    expect(s.snapshot().phase).toBe('idle');
    s.start('touch');
    expect(s.snapshot().phase).toBe('active');
    expect(s.snapshot().sessionId).toMatch(/[0-9a-f-]{36}/);
    expect(started).toEqual(['touch']);
  });

  it('shows the countdown after the idle time, then ends with timeout', () => {
    const { s, ended } = setup();
    s.start('card');
    vi.advanceTimersByTime(59_999);
    expect(s.snapshot().phase).toBe('active');
    vi.advanceTimersByTime(1);
    expect(s.snapshot().phase).toBe('countdown');
    expect(Date.parse(s.snapshot().countdownEndsAt!) - Date.now()).toBe(15_000);
    vi.advanceTimersByTime(15_000);
    expect(s.snapshot().phase).toBe('idle');
    expect(ended).toEqual([expect.objectContaining({ reason: 'timeout', mode: 'resident' })]);
  });

  it('"need more time" during the countdown keeps the session and restarts the idle clock', () => {
    const { s, ended } = setup();
    s.start('touch');
    vi.advanceTimersByTime(60_000 + 10_000);
    s.activity();
    expect(s.snapshot().phase).toBe('active');
    vi.advanceTimersByTime(59_000);
    expect(s.snapshot().phase).toBe('active');
    expect(ended).toEqual([]);
  });

  it('each touch resets the idle clock', () => {
    const { s } = setup();
    s.start('touch');
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(50_000);
      s.activity();
    }
    expect(s.snapshot().phase).toBe('active');
  });

  it('wipes session data, every registered service and preferences when it ends, session after session', () => {
    const { s } = setup();
    const wipe = vi.fn();
    s.registerWipe(wipe);
    s.start('touch');
    s.put('identity', { name: '张三' });
    s.setPreferences({ elderly: true, language: 'en' });
    s.end('canceled');
    expect(s.get('identity')).toBeUndefined();
    expect(wipe).toHaveBeenCalledOnce();
    s.start('card');
    s.end('completed');
    expect(wipe).toHaveBeenCalledTimes(2);
    expect(s.snapshot()).toMatchObject({ phase: 'idle', elderly: false, language: 'zh-CN', sessionId: null });
    expect(() => s.put('x', 1)).toThrow();
  });

  it("a new session never sees the previous one's data", () => {
    const { s } = setup();
    s.start('touch');
    s.put('identity', 'first');
    const first = s.snapshot().sessionId;
    s.end('completed');
    s.start('touch');
    expect(s.get('identity')).toBeUndefined();
    expect(s.snapshot().sessionId).not.toBe(first);
  });

  it('maintenance uses its own, longer idle limit and ends a resident session it replaces', () => {
    const { s, ended } = setup();
    s.start('touch');
    s.start('maintenance');
    expect(ended).toEqual([expect.objectContaining({ reason: 'maintenance', mode: 'resident' })]);
    vi.advanceTimersByTime(200_000);
    expect(s.snapshot()).toMatchObject({ phase: 'active', mode: 'maintenance' });
    vi.advanceTimersByTime(100_000);
    expect(s.snapshot().phase).toBe('countdown');
  });
});

import { describe, expect, it } from 'vitest';
import { blockedShortcut, LockdownAttemptSchema } from '../../main/core/lockdown/attempts.js';
import { LockdownRecorder, type LockdownSummary } from '../../main/core/lockdown/lockdown-recorder.js';
import { createLogger } from '../../main/core/log/logger.js';

/** A hand-driven clock: timers fire only when the test says so. */
function manualClock() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => (timers.set(next, { at: now + ms, fn }), next++),
    clearTimeout: (h: unknown) => void timers.delete(h as number),
    advance(ms: number) {
      now += ms;
      for (const [h, t] of [...timers])
        if (t.at <= now) {
          timers.delete(h);
          t.fn();
        }
    },
  };
}

function recorder() {
  const rows: LockdownSummary[] = [];
  const clock = manualClock();
  const r = new LockdownRecorder((s) => rows.push(s), createLogger({ level: 'silent' }), clock, 60_000);
  return { r, rows, clock };
}

describe('lockdown attempts are audited aggregated', () => {
  it('writes one row per session, however often the resident tried', () => {
    const { r, rows } = recorder();
    for (let i = 0; i < 50; i++) r.record({ kind: 'shortcut', what: 'Ctrl+W' }, true);
    r.record({ kind: 'contextMenu' }, true);
    r.record({ kind: 'externalProtocol', what: 'mailto' }, true);
    expect(rows).toEqual([]);
    r.flush();
    expect(rows).toEqual([
      {
        total: 52,
        byKind: { shortcut: 50, contextMenu: 1, externalProtocol: 1 },
        byWhat: { 'shortcut:Ctrl+W': 50, 'externalProtocol:mailto': 1 },
      },
    ]);
    r.flush();
    expect(rows).toHaveLength(1);
  });

  it('attempts outside a session are written a minute after the first', () => {
    const { r, rows, clock } = recorder();
    r.record({ kind: 'zoom' }, false);
    clock.advance(30_000);
    r.record({ kind: 'zoom' }, false);
    expect(rows).toEqual([]);
    clock.advance(30_000);
    expect(rows).toEqual([{ total: 2, byKind: { zoom: 2 }, byWhat: {} }]);
  });

  it('a client inventing names cannot grow a row without bound', () => {
    const { r, rows } = recorder();
    for (let i = 0; i < 500; i++) r.record({ kind: 'shortcut', what: `K${i}` }, true);
    r.flush();
    expect(Object.keys(rows[0]!.byWhat).length).toBeLessThanOrEqual(65);
    expect(rows[0]!.byWhat.other).toBe(500 - 64);
  });

  it('accepts only the closed vocabulary on the bridge, never page content', () => {
    expect(LockdownAttemptSchema.safeParse({ kind: 'shortcut', what: 'Ctrl+W' }).success).toBe(true);
    expect(LockdownAttemptSchema.safeParse({ kind: 'shortcut', what: '张伟民' }).success).toBe(false);
    expect(LockdownAttemptSchema.safeParse({ kind: 'copy', what: 'x'.repeat(25) }).success).toBe(false);
    expect(LockdownAttemptSchema.safeParse({ kind: 'screenshot' }).success).toBe(false);
  });

  it('names shortcuts the same way in both shells', () => {
    const k = (key: string, m: Partial<{ ctrl: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}) =>
      blockedShortcut({ key, ctrl: false, meta: false, alt: false, shift: false, ...m });
    expect(k('F4', { alt: true })).toBe('Alt+F4');
    expect(k('I', { ctrl: true, shift: true })).toBe('Ctrl+Shift+I');
    expect(k('+', { ctrl: true })).toBe('Ctrl+Plus');
    expect(k('Tab', { alt: true })).toBe('Alt+Tab');
    expect(k('a')).toBeNull();
    expect(k('Escape')).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusTracker } from '../../devices/core/status-tracker.js';
import { runOperation, systemClock } from '../../devices/core/operation.js';
import { ok } from '../../devices/core/result.js';

describe('device operations', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves a timeout error when the device does not answer, and aborts the work', async () => {
    let workSignal: AbortSignal | undefined;
    const p = runOperation('findCard', (signal) => ((workSignal = signal), new Promise(() => undefined)), { timeoutMs: 500 }, systemClock);
    vi.advanceTimersByTime(500);
    expect(await p).toEqual({ ok: false, error: expect.objectContaining({ code: 'timeout', messageKey: 'device.error.timeout' }) });
    expect(workSignal?.aborted).toBe(true);
  });

  it('resolves canceled when the caller aborts', async () => {
    const ac = new AbortController();
    const p = runOperation('read', () => new Promise(() => undefined), { timeoutMs: 5000, signal: ac.signal });
    ac.abort();
    expect(await p).toMatchObject({ ok: false, error: { code: 'canceled' } });
    ac.abort();
  });

  it('passes a result through and clears its timer', async () => {
    const r = await runOperation('status', async () => ok(42), { timeoutMs: 100 });
    expect(r).toEqual({ ok: true, value: 42 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not start work that was canceled before it began', async () => {
    const work = vi.fn();
    const r = await runOperation('x', work, { timeoutMs: 100, signal: AbortSignal.abort() });
    expect(r).toMatchObject({ ok: false, error: { code: 'canceled' } });
    expect(work).not.toHaveBeenCalled();
  });
});

describe('status tracker', () => {
  it('notifies only on real changes', () => {
    const t = new StatusTracker('idcard', 'idCardReader');
    const seen: string[] = [];
    t.subscribe((s) => seen.push(`${s.state}:${s.media.join(',')}`));
    t.set('online');
    t.set('online');
    t.set('online', { media: ['cardPresent'] });
    t.set('online', { media: ['cardPresent'] });
    t.set('offline', { reasonKey: 'device.error.disconnected', detail: 'unplugged' });
    expect(seen).toEqual(['online:', 'online:cardPresent', 'offline:cardPresent']);
    expect(t.get().detail).toBe('unplugged');
  });
});

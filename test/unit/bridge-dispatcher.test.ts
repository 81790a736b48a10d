import { describe, expect, it, vi } from 'vitest';
import { contract, parseEvent } from '../../main/bridge/contract.js';
import { BridgeFailure, createDispatcher, type Handlers } from '../../main/bridge/dispatcher.js';

const session = {
  phase: 'active' as const,
  mode: 'resident' as const,
  sessionId: 's1',
  startedAt: '2026-01-01T00:00:00.000Z',
  countdownEndsAt: null,
  countdownSeconds: 15,
  elderly: false,
  language: 'zh-CN',
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const notUsed = () => {
    throw new Error('not used in this test');
  };
  const all = Object.fromEntries(Object.keys(contract.requests).map((m) => [m, notUsed])) as unknown as Handlers;
  return { ...all, 'session.start': () => session, ...overrides };
}

describe('bridge dispatcher', () => {
  it('runs a valid request and returns its validated result', async () => {
    const dispatch = createDispatcher(handlers(), vi.fn());
    const r = await dispatch({ kind: 'request', id: 1, method: 'session.start', params: { trigger: 'touch' } });
    expect(r).toEqual({ kind: 'response', id: 1, ok: true, result: session });
  });

  it('rejects an unknown method with a typed error and reports it', async () => {
    const rejected = vi.fn();
    const r = await createDispatcher(handlers(), rejected)({ kind: 'request', id: 2, method: 'devices.format', params: {} });
    expect(r).toMatchObject({ ok: false, id: 2, error: { code: 'unknownMethod' } });
    expect(rejected).toHaveBeenCalledWith(expect.objectContaining({ code: 'unknownMethod' }));
  });

  it('rejects parameters that do not match the schema, naming the field', async () => {
    const r = await createDispatcher(handlers(), vi.fn())({ kind: 'request', id: 3, method: 'session.start', params: { trigger: 'hack' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'badParams', detail: expect.stringContaining('trigger') } });
  });

  it('rejects extra parameters and malformed envelopes', async () => {
    const dispatch = createDispatcher(handlers(), vi.fn());
    expect(await dispatch({ kind: 'request', id: 4, method: 'session.start', params: { trigger: 'touch', admin: true } })).toMatchObject({
      ok: false,
      error: { code: 'badParams' },
    });
    for (const bad of [
      null,
      'text',
      42,
      { kind: 'request' },
      { kind: 'request', id: -1, method: 'x' },
      { kind: 'event', name: 'x', payload: 1 },
    ])
      expect(await dispatch(bad)).toMatchObject({ ok: false, error: { code: 'badMessage' } });
  });

  it('turns an expected refusal into its own typed error', async () => {
    const dispatch = createDispatcher(
      handlers({
        'maintenance.overview': () => {
          throw new BridgeFailure({ code: 'forbidden', messageKey: 'maintenance.error.locked', detail: 'locked' });
        },
      }),
      vi.fn(),
    );
    expect(await dispatch({ kind: 'request', id: 5, method: 'maintenance.overview', params: {} })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', messageKey: 'maintenance.error.locked' },
    });
  });

  it('never leaks an internal exception message to the UI', async () => {
    const rejected = vi.fn();
    const dispatch = createDispatcher(
      handlers({
        'terminal.info': () => {
          throw new Error('SQLITE_CORRUPT at /var/secret/path');
        },
      }),
      rejected,
    );
    const r = await dispatch({ kind: 'request', id: 6, method: 'terminal.info', params: {} });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(r)).not.toContain('secret');
    expect(rejected).toHaveBeenCalledWith(expect.objectContaining({ code: 'internal', detail: expect.stringContaining('SQLITE_CORRUPT') }));
  });

  it('refuses to send a handler result that breaks the contract', async () => {
    const dispatch = createDispatcher(handlers({ 'session.start': () => ({ phase: 'weird' }) as never }), vi.fn());
    expect(await dispatch({ kind: 'request', id: 7, method: 'session.start', params: { trigger: 'touch' } })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('event validation on arrival', () => {
  it('accepts a valid event and rejects unknown or malformed ones', () => {
    expect(parseEvent({ kind: 'event', name: 'session.changed', payload: session })).toMatchObject({ ok: true, name: 'session.changed' });
    expect(parseEvent({ kind: 'event', name: 'session.hijack', payload: {} })).toMatchObject({ ok: false });
    expect(parseEvent({ kind: 'event', name: 'session.changed', payload: { phase: 1 } })).toMatchObject({ ok: false });
    expect(parseEvent('junk')).toMatchObject({ ok: false });
  });
});

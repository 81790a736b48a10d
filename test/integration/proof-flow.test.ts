import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { buildCatalog } from '../../emulators/platform/dataset.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { FlowFailure, ProofFlow } from '../../main/core/flows/proof-flow.js';
import { createLogger } from '../../main/core/log/logger.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import { MatterSchema } from '../../main/core/platform/schemas.js';
import { rejectionOf } from '../support/rejection.js';

let emu: EmulatorHandle;
beforeEach(async () => {
  emu = await platformEmulator.start({ argv: [] });
});
afterEach(() => emu.close());

const matter = MatterSchema.parse(buildCatalog(1).find((m) => m.id === 'sh-kiosk-058'));

/** The flow with the real platform client (against the emulator) and small stand-ins for the session and the rest. */
function flow(opts: { timeoutMs?: number } = {}) {
  const store = new Map<string, unknown>();
  const queued: unknown[] = [];
  const f = new ProofFlow({
    session: { put: (k: string, v: unknown) => store.set(k, v), get: (k: string) => store.get(k) } as never,
    audit: { append: () => undefined } as never,
    identity: { applicant: () => ({ name: '张伟民', idNumber: '110101198503120033' }) } as never,
    catalog: { matter: (id: string) => (id === matter.id ? matter : null) } as never,
    platform: new PlatformClient({
      baseUrl: emu.address,
      terminalId: 'TEST-0001',
      secret: 'emulated-terminal-secret',
      timeoutMs: opts.timeoutMs ?? 3000,
      attempts: 1,
    }),
    devices: [],
    outbox: { submit: (_k: string, p: unknown) => queued.push(p) } as never,
    terminal: { id: 'TEST-0001', outlet: '网点', hotline: '12345' },
    onProgress: () => undefined,
    log: createLogger({ level: 'silent' }),
  });
  return { f, store, queued };
}

describe('query-and-print flow against the platform emulator', () => {
  it('issues the proof once per session and keeps it for reprints', async () => {
    const { f } = flow();
    const first = await f.issue(matter.id);
    expect(first).toMatchObject({ pages: 2, caseId: expect.stringMatching(/^TEST-0001-\d{8}-0001$/) });
    expect(Buffer.from(f.document().subarray(0, 5)).toString()).toBe('%PDF-');
    await f.issue(matter.id);
    expect(emu.state().proofsIssued).toBe(1);
  });

  it('a platform that cannot be reached or answers too late ends in a message with a way forward', async () => {
    emu.setFault('offline', true);
    expect((await rejectionOf(flow().f.issue(matter.id), FlowFailure)).messageKey).toBe('proof.error.platformDown');
    emu.setFault('offline', false);
    emu.setFault('slow', true);
    expect((await rejectionOf(flow({ timeoutMs: 500 }).f.issue(matter.id), FlowFailure)).messageKey).toBe('proof.error.platformDown');
  });

  it('a document that does not match its SHA-256 is refused and never shown or printed', async () => {
    emu.setFault('badHash', true);
    const { f, store } = flow();
    expect((await rejectionOf(f.issue(matter.id), FlowFailure)).messageKey).toBe('proof.error.platform');
    expect(store.size).toBe(0);
    expect(() => f.document()).toThrow(FlowFailure);
  });

  it('one evaluation per case; dissatisfied ones need a reason', async () => {
    const { f, queued } = flow();
    await f.issue(matter.id);
    expect(() => f.evaluate({ level: 1, reasons: [], comment: null })).toThrow(FlowFailure);
    expect(f.evaluate({ level: 1, reasons: ['等待时间长'], comment: 'tai man le' })).toEqual({ result: 'queued' });
    expect(() => f.evaluate({ level: 5, reasons: [], comment: null })).toThrow(/already/);
    expect(queued).toEqual([expect.objectContaining({ level: 1, reasons: ['等待时间长'], matterId: matter.id })]);
  });
});

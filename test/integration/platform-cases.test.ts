import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { personas } from '../../emulators/idcard/personas.js';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { CaseLookupError, findCasesByHolder, lookupCase } from '../../main/core/platform/cases.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import { PlatformError } from '../../main/core/platform/errors.js';
import { rejectionOf } from '../support/rejection.js';

/** The progress query (查询办件进度) against the platform emulator, through the kiosk's client. */
let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await platformEmulator.start({ argv: [] });
});
afterAll(() => emu.close());
beforeEach(() => {
  for (const f of ['offline', 'slow', 'serverError']) emu.setFault(f, false);
});

let terminals = 0;
/** A fresh terminal id per client: throttling is counted per terminal. */
const client = (timeoutMs = 3000) =>
  new PlatformClient({
    baseUrl: emu.address,
    terminalId: `TEST-${String(++terminals).padStart(4, '0')}`,
    secret: 'emulated-terminal-secret',
    timeoutMs,
    attempts: 1,
  });
const persona = (id: string) => personas.find((p) => p.id === id)!.fields;
const samples = () => emu.state().cases as { caseNumber: string; queryCode: string; state: string }[];

describe('cases of the identified resident', () => {
  it('lists the holder’s cases newest first, with the name masked, and the ID number never in a URL', async () => {
    const { idNumber, name } = persona('elderly');
    const cases = await findCasesByHolder(client(), { idNumber: idNumber! });
    expect(cases.length).toBeGreaterThanOrEqual(2);
    const times = cases.map((c) => Date.parse(c.submittedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const c of cases) {
      expect(c.holderName).toBe(`${name![0]}**`);
      expect(JSON.stringify(c)).not.toContain(name);
      expect(JSON.stringify(c)).not.toContain(idNumber);
    }
    const recent = (emu.state().recentRequests as { path: string; query: Record<string, string> }[]).map((r) => JSON.stringify(r));
    expect(recent.some((r) => r.includes('/api/v1/cases/search'))).toBe(true);
    for (const r of recent) expect(r).not.toContain(idNumber);
  });

  it('every persona has 2–5 cases on real matters, dated in the past, each timeline in order and ending in its state', async () => {
    const now = Date.now();
    for (const p of personas) {
      const cases = await findCasesByHolder(client(), { idNumber: p.fields.idNumber! });
      expect(cases.length, p.id).toBeGreaterThanOrEqual(2);
      expect(cases.length, p.id).toBeLessThanOrEqual(5);
      for (const c of cases) {
        const at = c.timeline.map((e) => Date.parse(e.at));
        expect(at).toEqual([...at].sort((a, b) => a - b));
        expect(at.at(-1)!).toBeLessThanOrEqual(now);
        expect(c.timeline[0]!.at).toBe(c.submittedAt);
        expect(c.timeline.at(-1)!.state).toBe(c.state);
        expect(now - Date.parse(c.submittedAt)).toBeLessThan(90 * 86_400_000);
      }
    }
  });

  it('covers what a resident meets: finished cases, 补正 with its materials, self-service pick-up ready, posted with a tracking number, 不予受理', async () => {
    const all = (await Promise.all(personas.map((p) => findCasesByHolder(client(), { idNumber: p.fields.idNumber! })))).flat();
    expect(all.filter((c) => c.state === 'completed').length).toBeGreaterThanOrEqual(3);
    const supplement = all.find((c) => c.state === 'needsSupplement');
    expect(supplement?.nextStep).toMatchObject({ kind: 'supplement', deadline: expect.any(String), where: expect.any(String) });
    expect(supplement?.nextStep?.kind === 'supplement' && supplement.nextStep.materials.length).toBeGreaterThan(0);
    const pickUp = all.find((c) => c.result?.delivery.method === 'selfService' && c.result.delivery.status === 'ready');
    expect(pickUp?.nextStep).toMatchObject({ kind: 'collect' });
    expect(all.find((c) => c.result?.delivery.method === 'post')?.result?.delivery).toMatchObject({
      trackingNumber: expect.stringMatching(/\w{8,}/),
    });
    expect(all.find((c) => c.state === 'rejected')?.result).toMatchObject({ outcome: 'notAccepted' });
    expect(new Set(all.map((c) => c.channel))).toEqual(new Set(['window', 'online', 'terminal', 'mobile']));
    for (const c of all) expect(c.queryUrl).toMatch(/^https:\/\/zwfw\.example\.gov\.cn\/progress\//);
  });

  it('a holder without cases gets an empty list', async () => {
    await expect(findCasesByHolder(client(), { idNumber: '11010119900101999X' })).resolves.toEqual([]);
  });
});

describe('a case by number and query code', () => {
  it('finds the case, whatever the case of the letters and the spaces typed', async () => {
    const s = samples()[0]!;
    const typed = `${s.caseNumber.slice(0, 6)} ${s.caseNumber.slice(6)}`;
    const c = await lookupCase(client(), { caseNumber: typed, queryCode: ` ${s.queryCode.toLowerCase()} ` });
    expect(c.caseNumber).toBe(s.caseNumber);
  });

  it('a wrong code and an unknown number get the same answer, which does not say whether the case exists', async () => {
    const s = samples()[1]!;
    const wrongCode = await rejectionOf(lookupCase(client(), { caseNumber: s.caseNumber, queryCode: 'ZZZZZZ' }), CaseLookupError);
    const noCase = await rejectionOf(lookupCase(client(), { caseNumber: '51160299999999999999', queryCode: s.queryCode }), CaseLookupError);
    expect([wrongCode.code, wrongCode.messageKey]).toEqual(['noMatch', 'progress.error.noMatch']);
    expect([noCase.code, noCase.message]).toEqual([wrongCode.code, wrongCode.message]);
  });

  it('refuses what cannot be a case number or code without asking the platform', async () => {
    const before = (emu.state().recentRequests as unknown[]).length;
    expect((await rejectionOf(lookupCase(client(), { caseNumber: '12', queryCode: '' }), CaseLookupError)).code).toBe('invalidInput');
    expect((emu.state().recentRequests as unknown[]).length).toBe(before);
  });

  it('after five wrong codes for a case the platform throttles, even the right code, from any terminal', async () => {
    const s = samples()[2]!;
    for (let i = 0; i < 5; i++)
      expect((await rejectionOf(lookupCase(client(), { caseNumber: s.caseNumber, queryCode: `WRONG${i}` }), CaseLookupError)).code).toBe(
        'noMatch',
      );
    const right = await rejectionOf(lookupCase(client(), { caseNumber: s.caseNumber, queryCode: s.queryCode }), CaseLookupError);
    expect([right.code, right.messageKey]).toEqual(['throttled', 'progress.error.throttled']);
  });

  it('after five wrong codes from one terminal, that terminal is throttled for other cases too', async () => {
    const c = client();
    const [a, b] = [samples()[3]!, samples()[4]!];
    for (let i = 0; i < 5; i++) await rejectionOf(lookupCase(c, { caseNumber: a.caseNumber, queryCode: `BAD${i}X` }), CaseLookupError);
    expect((await rejectionOf(lookupCase(c, { caseNumber: b.caseNumber, queryCode: b.queryCode }), CaseLookupError)).code).toBe(
      'throttled',
    );
    await expect(lookupCase(client(), b)).resolves.toMatchObject({ caseNumber: b.caseNumber });
  });
});

describe('platform faults', () => {
  it('offline, slow and server errors end in typed platform errors', async () => {
    const { idNumber } = persona('adult');
    emu.setFault('offline', true);
    expect((await rejectionOf(findCasesByHolder(client(), { idNumber: idNumber! }), PlatformError)).code).toBe('unreachable');
    emu.setFault('offline', false);
    emu.setFault('serverError', true);
    expect((await rejectionOf(lookupCase(client(), samples()[0]!), PlatformError)).code).toBe('server');
    emu.setFault('serverError', false);
    emu.setFault('slow', true);
    expect((await rejectionOf(findCasesByHolder(client(300), { idNumber: idNumber! }), PlatformError)).code).toBe('timeout');
  });
});

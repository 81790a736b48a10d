import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { personas } from '../../emulators/idcard/personas.js';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { buildCatalog } from '../../emulators/platform/dataset.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { ok } from '../../devices/core/result.js';
import type { DocumentPrinter, ReceiptDocument, ReceiptPrinter } from '../../devices/printer/index.js';
import { buildFlowRegistry, builtInStepHandlers } from '../../main/core/flows/build.js';
import { FlowEngine } from '../../main/core/flows/flow-engine.js';
import { PROOF } from '../../main/core/flows/steps/proof-data.js';
import type { IdentityKind } from '../../main/core/flows/types.js';
import type { FlowState } from '../../main/core/flows/views.js';
import { createLogger } from '../../main/core/log/logger.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import { MatterSchema } from '../../main/core/platform/schemas.js';

/**
 * Both shipped flows on the real engine and step handlers, against the platform emulator; printers are small
 * stand-ins here (the end-to-end tests print on the printer emulators).
 */
let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await platformEmulator.start({ argv: [] });
});
afterAll(() => emu.close());
beforeEach(() => {
  for (const f of ['offline', 'slow', 'serverError']) emu.setFault(f, false);
});

const matter = MatterSchema.parse(buildCatalog(1).find((m) => m.id === 'sh-kiosk-058'));
const adult = personas.find((p) => p.id === 'adult')!.fields;
let terminals = 0;

function harness(o: { card: IdentityKind | null; timeoutMs?: number; holder?: { name: string; idNumber: string } }) {
  const printed: Uint8Array[] = [];
  const receipts: ReceiptDocument[] = [];
  const evaluations: Record<string, unknown>[] = [];
  const printer = {
    kind: 'certificatePrinter',
    readiness: async () => ok({}),
    print: async (pdf: Uint8Array, opts: { onProgress?: (p: { jobId: number; pagesDone: number; pages: number }) => void }) => {
      opts.onProgress?.({ jobId: 1, pagesDone: 1, pages: 2 });
      printed.push(pdf);
      return ok({ jobId: 1, pages: 2 });
    },
  } as unknown as DocumentPrinter;
  const receiptPrinter = {
    kind: 'receiptPrinter',
    printReceipt: async (d: ReceiptDocument) => (receipts.push(d), ok(undefined)),
  } as unknown as ReceiptPrinter;
  const holder = o.holder ?? { name: adult.name!, idNumber: adult.idNumber! };
  const registry = buildFlowRegistry(
    builtInStepHandlers({
      printer: () => printer,
      receiptPrinter: () => receiptPrinter,
      identity: {
        identified: () => o.card,
        whenIdentified: () => new Promise(() => undefined),
        applicant: () => (o.card ? holder : null),
        cardReader: () => true,
      },
      platform: new PlatformClient({
        baseUrl: emu.address,
        terminalId: `FLOW-${String(++terminals).padStart(4, '0')}`,
        secret: 'emulated-terminal-secret',
        timeoutMs: o.timeoutMs ?? 3000,
        attempts: 1,
      }),
      outbox: { submit: (_kind: string, p: Record<string, unknown>) => (evaluations.push(p), 1) } as never,
      audit: { append: () => undefined } as never,
      terminal: { id: 'FLOW-TEST', hotline: '12345', timeZone: 'Asia/Shanghai' },
      documents: { a4Slip: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]), receiptSlip: () => ({ blocks: [] }) },
      now: () => new Date(),
      log: createLogger({ level: 'silent' }),
    }),
  );
  const states: (FlowState | null)[] = [];
  const waiters = new Set<() => void>();
  let completed = false;
  const engine = new FlowEngine({
    registry,
    runnable: new Set(['printProof', 'progress']),
    emit: (s) => {
      states.push(s);
      for (const w of [...waiters]) w();
    },
    completed: () => (completed = true),
    activity: () => undefined,
    log: createLogger({ level: 'silent' }),
  });
  /** The next state (from now on) with this step and status. */
  const at = (stepId: string, status: FlowState['status'] = 'waiting') =>
    new Promise<FlowState>((resolve) => {
      const check = () => {
        const s = engine.current();
        if (s && s.stepId === stepId && s.status === status) {
          waiters.delete(check);
          resolve(s);
        }
      };
      waiters.add(check);
      check();
    });
  const answer = (s: FlowState, a: unknown) => engine.answer(s.runId, s.seq, a);
  return { engine, at, answer, printed, receipts, evaluations, states, completed: () => completed };
}

describe('query and print on the engine', () => {
  it('readiness → proof issued once → masked preview → print → receipt → rating with reason codes → done ends the session', async () => {
    const before = emu.state().proofsIssued as number;
    const h = harness({ card: 'resident' });
    h.engine.start('printProof', { id: matter.id, name: matter.name, guideUrl: matter.guideUrl });
    const preview = await h.at('preview');
    expect(preview.view).toMatchObject({ step: 'preview', pages: 2, masked: true });
    const proof = h.engine.data()!.require(PROOF);
    expect(Buffer.compare(proof.preview, proof.pdf)).not.toBe(0);
    h.answer(preview, { confirm: true });
    h.answer(await h.at('copies'), { copies: 2 });
    h.answer(await h.at('takeDocument'), { receipt: true });
    const evaluate = await h.at('evaluate');
    expect(h.printed).toEqual([proof.pdf]);
    expect(h.receipts[0]!.blocks.some((b) => b.kind === 'qr')).toBe(true);
    expect(JSON.stringify(h.receipts[0])).not.toContain(adult.name);
    h.answer(evaluate, { level: 2, reasons: ['wait', 'device'], comment: null });
    const done = await h.at('done');
    expect(done.view).toMatchObject({ step: 'done', receipt: { printed: true } });
    expect(h.evaluations).toEqual([
      expect.objectContaining({ level: 2, reasons: ['wait', 'device'], caseId: done.view.step === 'done' ? done.view.caseId : '' }),
    ]);
    h.answer(done, { action: 'finish' });
    await new Promise((r) => setImmediate(r));
    expect(h.completed()).toBe(true);
    expect(emu.state().proofsIssued).toBe(before + 1);
  });

  it('a foreign permanent resident card is refused before the platform is asked anything', async () => {
    const before = emu.state().proofsIssued as number;
    const h = harness({ card: 'foreignPermanent2023' });
    h.engine.start('printProof', { id: matter.id, name: matter.name, guideUrl: matter.guideUrl });
    const failed = await h.at('identify', 'failed');
    expect(failed.failure).toMatchObject({
      messageKey: 'flow.error.notEligible',
      params: { cardTypeKey: 'identify.cardType.foreignPermanent2023' },
    });
    expect(emu.state().proofsIssued).toBe(before);
  });

  it('a reply that comes after the timeout leaves no orphan: the retry gets the same case', async () => {
    const before = emu.state().proofsIssued as number;
    emu.setFault('slow', true);
    const h = harness({ card: 'resident', timeoutMs: 300 });
    h.engine.start('printProof', { id: matter.id, name: matter.name, guideUrl: matter.guideUrl });
    const failed = await h.at('issue', 'failed');
    expect(failed.failure).toMatchObject({ messageKey: 'flow.error.platformDownQr', qrUrl: matter.guideUrl });
    emu.setFault('slow', false);
    await expect.poll(() => emu.state().proofsIssued, { timeout: 10_000 }).toBe(before + 1);
    h.engine.act(failed.runId, 'retry');
    await h.at('preview');
    expect(emu.state().proofsIssued).toBe(before + 1);
  });
});

describe('progress query on the engine', () => {
  it('by card: my cases newest first → one case with its timeline → slip → skip the rating → back to what I was doing', async () => {
    const h = harness({ card: 'resident' });
    h.engine.start('progress', null);
    const list = await h.at('cases');
    if (list.view.step !== 'caseList') throw new Error('not a list');
    expect(list.view.cases.length).toBeGreaterThanOrEqual(2);
    const times = list.view.cases.map((c) => Date.parse(c.submittedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(JSON.stringify(list)).not.toContain(adult.idNumber);
    h.answer(list, { caseNumber: list.view.cases[0]!.caseNumber });
    const detail = await h.at('case');
    expect(detail.view).toMatchObject({ step: 'caseDetail', slipPrinted: null, slips: { a4: true, receipt: true } });
    h.answer(detail, { action: 'slipReceipt' });
    const again = await h.at('case');
    expect(again.view).toMatchObject({ slipPrinted: 'receipt' });
    h.answer(again, { action: 'done' });
    h.answer(await h.at('evaluate'), { skip: true });
    const done = await h.at('done');
    h.answer(done, { action: 'more' });
    await new Promise((r) => setImmediate(r));
    expect(h.engine.current()).toBeNull();
    expect(h.completed()).toBe(false);
    expect(h.evaluations).toEqual([]);
  });

  it('by case number and query code: straight to the case; a wrong code says so and lets the resident type again', async () => {
    const sample = (emu.state().cases as { caseNumber: string; queryCode: string }[])[0]!;
    const h = harness({ card: null });
    h.engine.start('progress', null);
    const ask = await h.at('identify');
    h.answer(ask, { caseNumber: sample.caseNumber, queryCode: 'ZZZZ99' });
    const failed = await h.at('cases', 'failed');
    expect(failed.failure).toMatchObject({ messageKey: 'progress.error.noMatch', actions: ['back', 'home'] });
    h.engine.act(failed.runId, 'back');
    const retype = await h.at('identify');
    h.answer(retype, { caseNumber: sample.caseNumber, queryCode: sample.queryCode });
    const detail = await h.at('case');
    expect(detail.view).toMatchObject({ step: 'caseDetail', case: { caseNumber: sample.caseNumber } });
  });
});

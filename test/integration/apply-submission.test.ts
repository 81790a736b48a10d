import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../emulators/platform/dataset.js';
import { PlatformServer, type PlatformFault } from '../../emulators/platform/server.js';
import { CatalogVersions } from '../../emulators/platform/versions.js';
import type { SubmissionProgress } from '../../main/core/apply/apply-types.js';
import { StoreError } from '../../main/core/store/errors.js';
import { applySide, emulatorSecret, type ApplySide } from '../support/apply-side.js';
import { fakePdf, persona, residencePermitDraft, seniorCardDraft } from '../support/apply-drafts.js';

/** The submission service against the platform emulator: saved first, delivered once, resumed, refused by field. */
let server: PlatformServer;
let baseUrl: string;
const sides: ApplySide[] = [];

beforeAll(async () => {
  // 4 KiB chunks: a 9 kB scan goes up in three
  server = new PlatformServer({ versions: new CatalogVersions(buildCatalog(1)), secret: emulatorSecret, uploadChunkSize: 4096 });
  baseUrl = await server.listen();
});
afterAll(() => server.close());
afterEach(() => {
  server.faults.clear();
  for (const s of sides.splice(0)) s.close();
});

const side = (o: Parameters<typeof applySide>[2] = {}) => {
  const s = applySide(mkdtempSync(path.join(os.tmpdir(), 'apply-')), baseUrl, o);
  sides.push(s);
  return s;
};
const fault = (f: PlatformFault) => server.faults.add(f);
const signal = () => new AbortController().signal;
const casesWithPhone = (phone: string) => [...server.applications.desk.opened.values()].filter((c) => c.values.phone === phone);
const deliveries = (phone: string) => casesWithPhone(phone).map((c) => server.applications.desk.deliveries.get(c.idempotencyKey));
const chunkPuts = () => server.requests.filter((r) => r.method === 'PUT' && r.path.includes('/chunks/'));

/** Drives the outbox until it is empty (each kick delivers what is due; back-off here is milliseconds). */
async function drain(s: ApplySide, withinMs = 5000): Promise<void> {
  const until = Date.now() + withinMs;
  while (s.outbox.depth() > 0) {
    if (Date.now() > until) throw new Error(`outbox still holds ${s.outbox.depth()} after ${withinMs} ms`);
    await s.outboxService.kick();
    if (s.outbox.depth() > 0) await new Promise((r) => setTimeout(r, 25));
  }
}

describe('submitting an application', () => {
  it('accepted: scans uploaded in chunks, case number back, saved reference records it, nothing left queued', async () => {
    const s = side();
    const draft = residencePermitDraft({ phone: '13900000001' });
    const progress: SubmissionProgress[] = [];
    const out = await s.service.submit(draft, { signal: signal(), deadlineMs: 10_000, onProgress: (p) => progress.push(p) });

    expect(out.kind).toBe('accepted');
    if (out.kind !== 'accepted') return;
    expect(out.case.caseNumber).toMatch(/^310106\d{14}$/);
    expect(out.case.status).toBe('needsReview'); // scans and a deferred material are checked by a person
    expect(out.localReference).toMatch(/^ZD[0-9A-F]{10}$/);
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['saving', 'uploading', 'submitting']));
    const last = progress.filter((p) => p.phase === 'uploading').at(-1)!;
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(s.outbox.depth()).toBe(0);
    expect(s.service.reference(out.localReference)).toMatchObject({
      outcome: 'accepted',
      caseNumber: out.case.caseNumber,
      queryCode: out.case.queryCode,
    });
    expect(deliveries('13900000001')).toEqual([1]);
    // the scans and signature are gone from memory once saved and delivered
    for (const m of draft.materials) if (m.kind === 'scan') expect(m.pdf.every((b) => b === 0)).toBe(true);
    expect(draft.commitment!.signaturePng.every((b) => b === 0)).toBe(true);
    // the platform texted the applicant and its progress query finds the case, with the deferred material to bring
    expect(server.applications.desk.sms.at(-1)).toMatchObject({ to: '139****0001' });
    expect(server.applications.desk.sms.at(-1)!.text).toContain(out.case.caseNumber);
    const mine = server.cases.byHolder(persona('adult').idNumber).find((c) => c.caseNumber === out.case.caseNumber)!;
    expect(mine).toMatchObject({ channel: 'terminal', nextStep: { kind: 'supplement' } });
  });

  it('with an authorised e-licence in place of the 户口簿: the platform holds the authorisation', async () => {
    const s = side();
    const holder = { idNumber: persona('elderly').idNumber };
    const licences = await s.service.licences(holder, signal());
    const household = licences.find((l) => l.type === '居民户口簿')!;
    expect(household.maskedNumber).toContain('*');
    const values = await s.service.licenceValues(household.id, holder, signal());
    expect(values.address).toContain('上海市黄浦区');
    const draft = seniorCardDraft('elderly', {
      materialId: 'household',
      kind: 'licence',
      licenceId: household.id,
      authorisedAt: new Date().toISOString(),
    });
    draft.values.householdNumber = values.householdNumber!;
    const out = await s.service.submit(draft, { signal: signal(), deadlineMs: 10_000 });
    expect(out).toMatchObject({ kind: 'accepted', case: { delivery: ['window', 'post'] } });
    expect(server.applications.licences.authorisations.some((a) => a.licenceId === household.id && a.terminal === 'TEST-APPLY')).toBe(true);
  });

  it('platform offline: queued with a local reference, then delivered exactly once when it is back', async () => {
    const s = side();
    fault('offline');
    const draft = residencePermitDraft({ phone: '13900000002' });
    const out = await s.service.submit(draft, { signal: signal(), deadlineMs: 10_000 });
    expect(out.kind).toBe('queued');
    if (out.kind !== 'queued') return;
    expect(s.outbox.depth()).toBe(1);
    expect(s.service.reference(out.localReference)).toMatchObject({ outcome: 'queued', matterId: 'sh-kiosk-112' });
    expect(draft.materials.flatMap((m) => (m.kind === 'scan' ? [...m.pdf] : [])).every((b) => b === 0)).toBe(true);
    expect(casesWithPhone('13900000002')).toHaveLength(0);

    server.faults.delete('offline');
    await drain(s);
    const ref = s.service.reference(out.localReference);
    expect(ref).toMatchObject({ outcome: 'accepted' });
    const [opened] = casesWithPhone('13900000002');
    expect(opened!.reply.caseNumber).toBe(ref!.outcome === 'accepted' ? ref!.caseNumber : null);
    expect(opened!.localReference).toBe(out.localReference);
    expect(server.applications.desk.sms.at(-1)!.text).toContain(out.localReference);
    expect(casesWithPhone('13900000002')).toHaveLength(1);
  });

  it('queued, then refused by the platform after the resident left: the refusal is kept under the local reference', async () => {
    const s = side();
    fault('offline');
    const out = await s.service.submit(residencePermitDraft({ phone: '13900000010' }), { signal: signal(), deadlineMs: 10_000 });
    expect(out.kind).toBe('queued');
    server.faults.delete('offline');
    fault('fieldRejected');
    await drain(s);
    if (out.kind === 'queued')
      expect(s.service.reference(out.localReference)).toEqual({
        outcome: 'refused',
        matterId: 'sh-kiosk-112',
        savedAt: expect.any(String),
        message: expect.stringContaining('门牌号'),
      });
    expect(casesWithPhone('13900000010')).toHaveLength(0);
  });

  it('past the deadline (platform slow): queued at the deadline, delivered in the background', async () => {
    const s = side({ timeoutMs: 8000 });
    fault('slow');
    const started = Date.now();
    const progress: SubmissionProgress[] = [];
    const out = await s.service.submit(residencePermitDraft({ phone: '13900000003' }), {
      signal: signal(),
      deadlineMs: 300,
      onProgress: (p) => progress.push(p),
    });
    expect(out.kind).toBe('queued');
    expect(Date.now() - started).toBeLessThan(2000);
    const seen = progress.length;
    server.faults.delete('slow');
    await drain(s, 20_000);
    expect(casesWithPhone('13900000003')).toHaveLength(1);
    // the background delivery no longer reports to the screen the resident has left
    expect(progress).toHaveLength(seen);
  }, 30_000);

  it('a field the platform refuses: named, nothing queued, the scans kept for the correction', async () => {
    const s = side();
    fault('fieldRejected');
    const draft = residencePermitDraft({ phone: '13900000004' });
    const out = await s.service.submit(draft, { signal: signal(), deadlineMs: 10_000 });
    expect(out).toEqual({ kind: 'fieldRejected', field: 'residenceAddress', message: expect.stringContaining('门牌号') });
    expect(s.outbox.depth()).toBe(0);
    expect((s.db.prepare('SELECT count(*) AS n FROM application_reference').get() as { n: number }).n).toBe(0);
    expect(draft.materials.some((m) => m.kind === 'scan' && m.pdf.some((b) => b !== 0))).toBe(true);

    server.faults.delete('fieldRejected');
    draft.values.phone = '1390000000'; // one digit short: the platform's own check names the field too
    expect(await s.service.submit(draft, { signal: signal(), deadlineMs: 10_000 })).toMatchObject({
      kind: 'fieldRejected',
      field: 'phone',
    });
  });

  it('refused for a reason the resident cannot fix (敬老卡 at 41): nothing queued', async () => {
    const s = side();
    const out = await s.service.submit(seniorCardDraft('adult', { materialId: 'household', kind: 'deferred' }), {
      signal: signal(),
      deadlineMs: 10_000,
    });
    expect(out).toMatchObject({ kind: 'refused', message: expect.stringContaining('65') });
    expect(s.outbox.depth()).toBe(0);
  });

  it('a connection cut mid-chunk: the upload resumes from what the platform holds', async () => {
    const s = side();
    fault('uploadCut');
    const before = chunkPuts().length;
    const out = await s.service.submit(residencePermitDraft({ phone: '13900000005' }), { signal: signal(), deadlineMs: 10_000 });
    expect(out.kind).toBe('accepted');
    const puts = chunkPuts().slice(before);
    expect(puts.filter((r) => r.status === -5)).toHaveLength(3); // each of the two scans and the signature cut once
    expect(puts.filter((r) => r.status === 200)).toHaveLength(3 + 3 + 1);
  });

  it('a reply lost after the platform stored it: repeated under the same key, one case', async () => {
    const s = side();
    fault('duplicateSubmission');
    const out = await s.service.submit(residencePermitDraft({ phone: '13900000006' }), { signal: signal(), deadlineMs: 10_000 });
    expect(out.kind).toBe('queued');
    await drain(s); // the fault stays on: it loses only the reply that opened the case
    expect(casesWithPhone('13900000006')).toHaveLength(1);
    expect(deliveries('13900000006')).toEqual([2]);
    if (out.kind === 'queued') expect(s.service.reference(out.localReference)).toMatchObject({ outcome: 'accepted' });
  });

  it('a restart mid-upload: the next run sends only the chunks the platform does not have', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apply-restart-'));
    let puts = 0;
    // the first "process" stops answering after three chunks, as if it had died there
    const dying: typeof fetch = (input, init) =>
      init?.method === 'PUT' && ++puts > 3 ? new Promise<Response>(() => undefined) : fetch(input, init);
    const first = applySide(dir, baseUrl, { fetchImpl: dying, timeoutMs: 60_000 });
    const out = await first.service.submit(residencePermitDraft({ phone: '13900000007' }), { signal: signal(), deadlineMs: 500 });
    expect(out.kind).toBe('queued');
    first.outboxService.stop();
    first.db.close();

    const before = chunkPuts().length;
    const second = applySide(dir, baseUrl);
    sides.push(second);
    await drain(second);
    expect(chunkPuts().length - before).toBe(3 + 3 + 1 - 3);
    expect(casesWithPhone('13900000007')).toHaveLength(1);
  });

  it('at rest, the queued application is sealed: no ID number, name, PDF or PNG in the outbox files', async () => {
    const s = side();
    fault('offline');
    const draft = residencePermitDraft({ phone: '13900000008' });
    const { idNumber, name } = draft.applicant;
    expect((await s.service.submit(draft, { signal: signal(), deadlineMs: 10_000 })).kind).toBe('queued');
    const dir = path.dirname(s.db.name);
    const bytes = Buffer.concat(
      ['outbox.sqlite', 'outbox.sqlite-wal'].filter((f) => existsSync(path.join(dir, f))).map((f) => readFileSync(path.join(dir, f))),
    );
    for (const secret of [idNumber, name, '%PDF', '13900000008', 'JVBER' /* base64 of %PDF */])
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    expect(bytes.includes(Buffer.from('89504e47', 'hex'))).toBe(false);
  });

  it('an outbox entry that is no application this version wrote is not sent (and waits for a technician)', async () => {
    const s = side();
    const requests = server.requests.length;
    expect(await s.service.deliverQueued({ matterId: 'sh-kiosk-112' }, 'key-garbled-0001')).toMatchObject({
      result: 'failed',
      retry: false,
    });
    expect(server.requests.length).toBe(requests);
  });

  it('disk full: a typed error before anything is sent, nothing kept, the draft intact', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apply-full-'));
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir]);
    if (mount.status !== 0) throw new Error(`this test mounts a 512 KiB tmpfs and needs root: ${mount.stderr.toString()}`);
    try {
      const s = applySide(dir, baseUrl);
      try {
        const draft = residencePermitDraft({
          phone: '13900000009',
          materials: [{ materialId: 'housing', kind: 'scan', pdf: fakePdf(700_000), pages: 3 }],
        });
        const requests = server.requests.length;
        const error = await s.service.submit(draft, { signal: signal(), deadlineMs: 10_000 }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StoreError);
        expect(error).toMatchObject({ code: 'diskFull' });
        expect(server.requests.length).toBe(requests);
        expect(s.outbox.depth()).toBe(0);
        expect((s.db.prepare('SELECT count(*) AS n FROM application_reference').get() as { n: number }).n).toBe(0);
        expect(draft.materials.some((m) => m.kind === 'scan' && m.pdf.some((b) => b !== 0))).toBe(true);
      } finally {
        s.close();
      }
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});

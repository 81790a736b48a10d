import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import type { PlatformError } from '../../main/core/platform/errors.js';
import { signRequest } from '../../main/core/platform/signing.js';
import { root } from '../support/kiosk-process.js';
import { z } from 'zod';

/** The emulator's replies checked against the documented API (main/core/platform/openapi.yaml). */
const doc = parse(readFileSync(path.join(root, 'main', 'core', 'platform', 'openapi.yaml'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ ...doc, $id: 'openapi.json' });
const validator = (name: string) => ajv.getSchema(`openapi.json#/components/schemas/${name}`)!;

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await platformEmulator.start({ argv: [] });
});
afterAll(() => emu.close());

/** A request signed as the kiosk signs it, sent with plain fetch (to read the status and body of a refusal). */
const signedPost = (path: string, body: unknown): RequestInit => {
  const text = JSON.stringify(body);
  const headers = signRequest({
    terminalId: 'TEST-0002',
    secret: 'emulated-terminal-secret',
    method: 'POST',
    pathWithQuery: path,
    body: text,
  });
  return { method: 'POST', body: text, headers: { ...headers, 'content-type': 'application/json' } };
};
const fetchError = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('the platform accepted it'),
    (e: PlatformError) => e,
  );

const raw = () => new PlatformClient({ baseUrl: emu.address, terminalId: 'TEST-0001', secret: 'emulated-terminal-secret', attempts: 1 });

describe('platform emulator conforms to the OpenAPI document', () => {
  it('health', async () => {
    const body = await (await fetch(new URL('api/v1/health', emu.address))).json();
    const v = validator('Health');
    expect(v(body), JSON.stringify(v.errors)).toBe(true);
  });

  it('every page of a full catalog sync, and of an incremental one', async () => {
    const v = validator('CatalogPage');
    const pages: unknown[] = [];
    for (const since of [0, 1]) {
      if (since === 1) await emu.act('publish');
      let cursor: string | undefined;
      do {
        const page = (await raw().get('/api/v1/catalog/changes', { query: { since, limit: 1000, cursor }, schema: z.unknown() })) as {
          nextCursor: string | null;
        };
        pages.push(page);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(v(page), JSON.stringify(v.errors?.slice(0, 3))).toBe(true);
  });

  it('errors have the documented shape (401 without a signature, 410 for a version it no longer has)', async () => {
    const v = validator('Error');
    const unsigned = await fetch(new URL('api/v1/catalog/changes?since=0', emu.address));
    expect(unsigned.status).toBe(401);
    expect(v(await unsigned.json())).toBe(true);
    const gone = await raw()
      .get('/api/v1/catalog/changes', { query: { since: 0, version: 99 }, schema: z.unknown() })
      .catch((e: unknown) => e as { code: string; detail: { status: number } });
    expect(gone).toMatchObject({ code: 'gone', detail: { status: 410 } });
  });

  it('an evaluation as the terminal sends it, and the acknowledgement', async () => {
    const evaluation = {
      idempotencyKey: '3f1c2a9e-0000-4000-8000-000000000001',
      caseId: 'CASE-1',
      matterId: 'sh-kiosk-058',
      level: 2,
      reasons: ['等待时间长'],
      comment: null,
      evaluatedAt: new Date().toISOString(),
    };
    const body = validator('Evaluation');
    expect(body(evaluation), JSON.stringify(body.errors)).toBe(true);
    const ack = await raw().post('/api/v1/evaluations', { body: evaluation, schema: z.unknown() });
    const v = validator('EvaluationAck');
    expect(v(ack), JSON.stringify(v.errors)).toBe(true);
    expect(ack).toMatchObject({ accepted: true, duplicate: false });
    await expect(raw().post('/api/v1/evaluations', { body: evaluation, schema: z.unknown() })).resolves.toMatchObject({ duplicate: true });
  });

  it('a proof request as the terminal sends it, the proof with its masked preview, and the replay under the same key', async () => {
    const ask = {
      matterId: 'sh-kiosk-058',
      applicant: { name: '张伟民', idNumber: '110101198503120033' },
      idempotencyKey: 'conformance-0001',
    };
    const request = validator('ProofRequest');
    expect(request(ask), JSON.stringify(request.errors)).toBe(true);
    const v = validator('Proof');
    const proof = await raw().post('/api/v1/proofs', { body: ask, schema: z.unknown() });
    expect(v(proof), JSON.stringify(v.errors)).toBe(true);
    await expect(raw().post('/api/v1/proofs', { body: ask, schema: z.unknown() })).resolves.toEqual(proof);
    const { idempotencyKey: _none, ...withoutKey } = ask;
    expect(request(withoutKey)).toBe(false);
    const refused = await fetchError(raw().post('/api/v1/proofs', { body: withoutKey, schema: z.unknown() }));
    expect(refused.detail.status).toBe(400);
  });

  it('case search and lookup replies, and the lookup refusals (404, 429) in the error shape', async () => {
    const search = { holder: { idNumber: '310101194208200048' } };
    expect(validator('CaseSearch')(search)).toBe(true);
    const list = validator('CaseList');
    const cases = await raw().post('/api/v1/cases/search', { body: search, schema: z.unknown() });
    expect(list(cases), JSON.stringify(list.errors?.slice(0, 3))).toBe(true);
    expect((cases as { cases: unknown[] }).cases.length).toBeGreaterThan(0);

    // every case of every persona, found by number and query code
    const samples = emu.state().cases as { caseNumber: string; queryCode: string }[];
    const lookup = validator('CaseLookup');
    for (const s of samples) {
      const ask = { caseNumber: s.caseNumber, queryCode: s.queryCode };
      expect(validator('CaseLookupRequest')(ask)).toBe(true);
      const reply = await raw().post('/api/v1/cases/lookup', { body: ask, schema: z.unknown() });
      expect(lookup(reply), `${s.caseNumber}: ${JSON.stringify(lookup.errors?.slice(0, 3))}`).toBe(true);
    }

    const error = validator('Error');
    const wrong = (code: string) =>
      fetch(
        new URL('api/v1/cases/lookup', emu.address),
        signedPost('/api/v1/cases/lookup', { caseNumber: samples[0]!.caseNumber, queryCode: code }),
      );
    const notFound = await wrong('WRONG1');
    expect(notFound.status).toBe(404);
    expect(error(await notFound.json())).toBe(true);
    for (let i = 2; i <= 5; i++) await wrong(`WRONG${i}`);
    const throttled = await wrong(samples[0]!.queryCode);
    expect(throttled.status).toBe(429);
    expect(error(await throttled.json()), JSON.stringify(error.errors)).toBe(true);
  });

  it('the documented schema would catch a malformed matter (the check has teeth)', () => {
    const v = validator('Matter');
    expect(v({ id: 'x', name: 12345 })).toBe(false);
    expect(validator('Case')({ caseNumber: 'x', holderName: '王秀英' })).toBe(false);
  });
});

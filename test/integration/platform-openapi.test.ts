import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { PlatformClient } from '../../main/core/platform/client.js';
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

  it('the documented schema would catch a malformed matter (the check has teeth)', () => {
    const v = validator('Matter');
    expect(v({ id: 'x', name: 12345 })).toBe(false);
  });
});

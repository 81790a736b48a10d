import { Ajv2020 } from 'ajv/dist/2020.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyForms } from '../../emulators/platform/apply-forms.js';
import { buildCatalog } from '../../emulators/platform/dataset.js';
import { PlatformServer } from '../../emulators/platform/server.js';
import { CatalogVersions } from '../../emulators/platform/versions.js';
import { residencePermitDraft, persona } from '../support/apply-drafts.js';
import { applySide, emulatorSecret } from '../support/apply-side.js';
import { root } from '../support/kiosk-process.js';

/** The applications API as documented (openapi.yaml): the emulator's replies and the kiosk's requests both conform. */
const doc = parse(readFileSync(path.join(root, 'main', 'core', 'platform', 'openapi.yaml'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ ...doc, $id: 'openapi.json' });
const check = (name: string, value: unknown) => {
  const v = ajv.getSchema(`openapi.json#/components/schemas/${name}`)!;
  expect(v(value), `${name}: ${JSON.stringify(v.errors)}`).toBe(true);
};

let server: PlatformServer;
let baseUrl: string;
const exchanges: { method: string; path: string; request: unknown; status: number; reply: unknown }[] = [];
/** Records every JSON request and reply between the kiosk's client and the emulator. */
const recording: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  const text = await res.clone().text();
  const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
  exchanges.push({
    method: init?.method ?? 'GET',
    path: new URL(String(input)).pathname,
    request: body,
    status: res.status,
    reply: JSON.parse(text),
  });
  return res;
};

beforeAll(async () => {
  server = new PlatformServer({ versions: new CatalogVersions(buildCatalog(1)), secret: emulatorSecret, uploadChunkSize: 4096 });
  baseUrl = await server.listen();
});
afterAll(() => server.close());

describe('applications API conformance', () => {
  it('forms, licences, authorisations, uploads, submission and a field refusal, both ways', async () => {
    const side = applySide(mkdtempSync(path.join(os.tmpdir(), 'apply-oa-')), baseUrl, { fetchImpl: recording });
    const signal = new AbortController().signal;
    try {
      for (const id of applyForms.keys()) check('MatterForm', (await side.service.form(id, signal)) as unknown);
      const holder = { idNumber: persona('adult').idNumber };
      const [licence] = await side.service.licences(holder, signal);
      await side.service.licenceValues(licence!.id, holder, signal);
      expect((await side.service.submit(residencePermitDraft(), { signal, deadlineMs: 10_000 })).kind).toBe('accepted');
      const draft = residencePermitDraft();
      draft.values.residenceAddress = '';
      expect(await side.service.submit(draft, { signal, deadlineMs: 10_000 })).toMatchObject({
        kind: 'fieldRejected',
        field: 'residenceAddress',
      });
    } finally {
      side.close();
    }
    const of = (method: string, p: RegExp) => exchanges.filter((e) => e.method === method && p.test(e.path));
    for (const e of of('POST', /^\/api\/v1\/licences\/search$/)) check('LicenceList', e.reply);
    for (const e of of('POST', /\/authorisations$/)) {
      check('LicenceAuthorisationRequest', e.request);
      check('LicenceAuthorisation', e.reply);
    }
    for (const e of of('POST', /^\/api\/v1\/uploads$/)) {
      check('UploadRequest', e.request);
      check('Upload', e.reply);
    }
    for (const e of [...of('PUT', /\/chunks\/\d+$/), ...of('POST', /\/complete$/)]) check('Upload', e.reply);
    const submissions = of('POST', /^\/api\/v1\/applications$/);
    expect(submissions.map((e) => e.status)).toEqual([200, 422]);
    for (const e of submissions) check('ApplicationRequest', e.request);
    check('ApplicationReceipt', submissions[0]!.reply);
    check('Error', submissions[1]!.reply);
    expect(submissions[1]!.reply).toMatchObject({ error: { code: 'fieldRejected', field: 'residenceAddress' } });
  });
});

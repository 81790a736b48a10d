import { describe, expect, it } from 'vitest';
import { applyForms, catalogMaterials, formReply } from '../../../emulators/platform/apply-forms.js';
import { ApplicationRoutes } from '../../../emulators/platform/application-routes.js';
import { buildCatalog } from '../../../emulators/platform/dataset.js';
import {
  fetchMatterForm,
  listLicences,
  submitApplication,
  uploadBlob,
  type SubmissionRequest,
} from '../../../main/core/platform/applications.js';
import { PlatformClient } from '../../../main/core/platform/client.js';
import { PlatformError } from '../../../main/core/platform/errors.js';
import { rejectionOf } from '../../support/rejection.js';

/** Replies of the applications API checked before any screen uses them; refusals become values naming the field. */
function platform(reply: (url: URL, init: RequestInit) => { status: number; body: unknown }) {
  const fetchImpl = (async (url: URL, init: RequestInit) => {
    const r = reply(url, init);
    return new Response(JSON.stringify(r.body), { status: r.status });
  }) as unknown as typeof fetch;
  return new PlatformClient({ baseUrl: 'https://platform.test/', terminalId: 'K', secret: 's', fetchImpl, attempts: 1 });
}

type FormJson = { groups: { fields: { id: string; options: unknown; pattern: string | null }[] }[]; rules: unknown[] };
const aForm = () => JSON.parse(JSON.stringify(formReply(applyForms.get('sh-kiosk-112')!))) as FormJson;
const formError = async (mutate: (f: FormJson) => void) => {
  const f = aForm();
  mutate(f);
  return rejectionOf(
    fetchMatterForm(
      platform(() => ({ status: 200, body: f })),
      'sh-kiosk-112',
    ),
    PlatformError,
  );
};

describe('application form replies', () => {
  it('every emulated form passes the kiosk schema as it is', async () => {
    for (const [id, form] of applyForms) {
      const parsed = await fetchMatterForm(
        platform(() => ({ status: 200, body: formReply(form) })),
        id,
      );
      expect(parsed.groups.flatMap((g) => g.fields).length).toBeGreaterThan(3);
    }
  });

  it('a select without choices is refused, naming the field', async () => {
    const e = await formError((f) => (f.groups[1]!.fields.find((x) => x.id === 'reason')!.options = null));
    expect(e).toMatchObject({ code: 'badReply', detail: { field: 'groups.1.fields.4.options' } });
  });

  it('a pattern that is no regular expression is refused', async () => {
    const e = await formError((f) => (f.groups[0]!.fields[0]!.pattern = '([0-9'));
    expect(e.detail.field).toBe('groups.0.fields.0.pattern');
  });

  it('a rule about a field the form does not have is refused', async () => {
    const e = await formError((f) => f.rules.push({ kind: 'differs', field: 'phone', other: 'fax', message: 'x' }));
    expect(e.detail.field).toBe('rules.2');
    expect(e.message).toContain('fax');
  });

  it('a form for another matter is refused', async () => {
    const e = await rejectionOf(
      fetchMatterForm(
        platform(() => ({ status: 200, body: aForm() })),
        'sh-kiosk-113',
      ),
      PlatformError,
    );
    expect(e.detail.field).toBe('matterId');
  });

  it('an unmasked licence number is refused', async () => {
    const licence = {
      id: 'EL1',
      type: '居住证',
      name: '上海市居住证',
      maskedNumber: '3100000000012345',
      issuer: '上海市公安局',
      validFrom: '2024-01-01',
      validUntil: null,
      fields: ['number'],
    };
    const e = await rejectionOf(
      listLicences(
        platform(() => ({ status: 200, body: { licences: [licence] } })),
        '310101194208200048',
      ),
      PlatformError,
    );
    expect(e).toMatchObject({ code: 'badReply', detail: { field: 'licences.0.maskedNumber' } });
  });
});

describe('upload replies', () => {
  it('a chunk count that disagrees with the size is refused', async () => {
    const bytes = new Uint8Array(5000);
    const client = platform(() => ({
      status: 200,
      body: { uploadId: 'UP1234', size: 5000, sha256: 'a'.repeat(64), chunkSize: 1024, chunkCount: 2, received: [], complete: false },
    }));
    const e = await rejectionOf(
      uploadBlob(client, bytes, { idempotencyKey: 'k'.repeat(20), contentType: 'application/pdf' }),
      PlatformError,
    );
    expect(e.detail.field).toBe('chunkCount');
  });

  it('an upload that describes other bytes is refused', async () => {
    const client = platform(() => ({
      status: 200,
      body: { uploadId: 'UP1234', size: 4, sha256: 'a'.repeat(64), chunkSize: 1024, chunkCount: 1, received: [], complete: false },
    }));
    const e = await rejectionOf(
      uploadBlob(client, new Uint8Array(4), { idempotencyKey: 'k'.repeat(20), contentType: 'image/png' }),
      PlatformError,
    );
    expect(e.detail.field).toBe('sha256');
  });
});

describe('submission replies', () => {
  const request: SubmissionRequest = {
    idempotencyKey: 'key-0000000001',
    localReference: 'ZD0000000001',
    matterId: 'sh-kiosk-112',
    formVersion: '2026.3',
    applicant: { name: '张伟民', idNumber: '110101198503120030' },
    values: {},
    materials: [],
    commitment: null,
  };
  const refused = (status: number, error: Record<string, unknown>) =>
    submitApplication(
      platform(() => ({ status, body: { error } })),
      request,
    );

  it('422 with a field: fieldRejected with the platform’s words', async () => {
    expect(await refused(422, { code: 'fieldRejected', message: '请写到门牌号', field: 'residenceAddress' })).toEqual({
      kind: 'fieldRejected',
      field: 'residenceAddress',
      message: '请写到门牌号',
    });
  });

  it('409 not eligible: refused; a 5xx or a garbled reply throws (the outbox tries again)', async () => {
    expect(await refused(409, { code: 'notEligible', message: '本事项需年满65周岁方可申请' })).toMatchObject({
      kind: 'refused',
      code: 'notEligible',
    });
    expect((await rejectionOf(refused(503, { code: 'internal', message: 'busy' }), PlatformError)).transient).toBe(true);
    const garbled = platform(() => ({ status: 200, body: { caseNumber: '3101062026', status: 'accepted' } }));
    expect((await rejectionOf(submitApplication(garbled, request), PlatformError)).detail.field).toBe('queryCode');
  });
});

describe('every apply matter has a form', () => {
  it('the 43 apply matters of the dataset: a form the kiosk accepts, whose materials are the guide’s', async () => {
    const catalog = new Map(buildCatalog(1).map((m) => [m.id, m]));
    const routes = new ApplicationRoutes({ publicUrl: 'https://platform.test', matter: (id) => catalog.get(id), record: () => undefined });
    const apply = [...catalog.values()].filter((m) =>
      (m.channels as { terminal: { flows: string[] } | null }).terminal?.flows.includes('apply'),
    );
    expect(apply.length).toBeGreaterThan(40);
    for (const m of apply) {
      const form = routes.formOf(m.id)!;
      const parsed = await fetchMatterForm(
        platform(() => ({ status: 200, body: formReply(form) })),
        m.id,
      );
      expect(
        parsed.materials.map((x) => x.name),
        m.id,
      ).toEqual((m.materials as { name: string }[]).map((x) => x.name));
      expect(
        parsed.materials.map((x) => x.deferrable),
        m.id,
      ).toEqual((m.materials as { deferrable: boolean }[]).map((x) => x.deferrable));
    }
    expect(routes.formOf('sc-511602-0038')).toBeNull(); // 普通护照签发: not applied for at terminals
  });
});

describe('the guide and the form agree', () => {
  it('each apply matter’s catalog materials are its form’s materials (deferrable, electronic licence)', () => {
    const catalog = new Map(buildCatalog(1).map((m) => [m.id, m]));
    for (const [id, form] of applyForms) {
      const matter = catalog.get(id)!;
      expect((matter.channels as { terminal: { flows: string[] } }).terminal.flows, id).toContain('apply');
      expect(matter.materials, id).toEqual(catalogMaterials(form));
      expect((matter.materials as { deferrable: boolean }[]).map((m) => m.deferrable)).toEqual(form.materials.map((m) => m.deferrable));
    }
  });
});

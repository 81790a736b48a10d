import type http from 'node:http';
import { applyForms, formReply, type EmulatedForm } from './apply-forms.js';
import { ApplicationDesk, type SubmissionBody } from './application-desk.js';
import type { CaseReply } from './case-book.js';
import type { PlatformMatter } from './generate.js';
import { genericForm } from './generic-form.js';
import { LicenceLibrary } from './licence-library.js';
import type { RouteReply } from './payment-routes.js';
import { UploadStore, maxUploadBytes } from './upload-store.js';

const fail = (status: number, code: string, message: string, field?: string): RouteReply => ({
  status,
  body: { error: { code, message, ...(field ? { field } : {}) } },
});
const ok = (body: unknown): RouteReply => ({ status: 200, body });
const KEY = /^[\x21-\x7e]{8,64}$/;
const ID_NUMBER = /^[0-9A-Za-z]{8,20}$/;
const CHUNK_PATH = /^\/api\/v1\/uploads\/([^/]+)\/chunks\/(\d+)$/;

/** The applications API (openapi.yaml, tag applications): forms, e-licences, uploads, submissions. */
export class ApplicationRoutes {
  readonly licences = new LicenceLibrary();
  readonly uploads: UploadStore;
  readonly desk: ApplicationDesk;
  private readonly matter: (matterId: string) => PlatformMatter | undefined;
  private readonly generic = new WeakMap<PlatformMatter, EmulatedForm>();

  constructor(o: {
    publicUrl: string;
    /** The catalog's matter (current version), or undefined. */
    matter: (matterId: string) => PlatformMatter | undefined;
    record: (holderId: string, queryCode: string, reply: CaseReply) => void;
    chunkSize?: number;
  }) {
    this.matter = o.matter;
    this.uploads = new UploadStore(o.chunkSize);
    this.desk = new ApplicationDesk({
      formOf: (id) => this.formOf(id),
      matterName: (id) => {
        const m = o.matter(id);
        return m ? { name: m.name, agency: String(m.agency) } : null;
      },
      licences: this.licences,
      uploads: this.uploads,
      publicUrl: o.publicUrl,
      record: o.record,
    });
  }

  /** The form of an apply matter: hand-written where there is one, else made from the catalog's materials. */
  formOf(matterId: string): EmulatedForm | null {
    const written = applyForms.get(matterId);
    if (written) return written;
    const m = this.matter(matterId);
    const flows = (m?.channels as { terminal: { flows: string[] } | null } | undefined)?.terminal?.flows ?? [];
    if (!m || !flows.includes('apply')) return null;
    const made = this.generic.get(m) ?? genericForm(m);
    this.generic.set(m, made);
    return made;
  }

  /**
   * The `uploadCut` fault: the first chunk PUT of each upload loses its connection halfway through the body, before
   * anything is stored (as a mobile link dropping mid-transfer). True when this request was cut.
   */
  async cutMidChunk(req: http.IncomingMessage): Promise<boolean> {
    const m = req.method === 'PUT' ? CHUNK_PATH.exec(new URL(req.url ?? '/', 'http://platform').pathname) : null;
    const upload = m ? this.uploads.get(decodeURIComponent(m[1]!), String(req.headers['x-terminal-id'])) : null;
    if (!upload || upload.cut || upload.complete) return false;
    upload.cut = true;
    const socket = req.socket;
    const half = Number(req.headers['content-length'] ?? 0) / 2;
    let got = 0;
    for await (const c of req) {
      got += (c as Buffer).length;
      if (got >= half) break;
    }
    socket.destroy();
    return true;
  }

  handle(
    r: { method: string; url: URL; raw: Buffer; body: Record<string, unknown> | null; terminal: string },
    faults: { rejectField: boolean; dropAfterStoring: boolean },
  ): RouteReply | null {
    const path = r.url.pathname;
    const form = /^\/api\/v1\/matters\/([^/]+)\/form$/.exec(path);
    if (form && r.method === 'GET') {
      const f = this.formOf(decodeURIComponent(form[1]!));
      return f ? ok(formReply(f)) : fail(404, 'notFound', 'this matter has no application form at terminals');
    }
    if (path === '/api/v1/licences/search' && r.method === 'POST') {
      const id = (r.body?.holder as { idNumber?: unknown } | undefined)?.idNumber;
      if (typeof id !== 'string' || !ID_NUMBER.test(id)) return fail(400, 'badRequest', 'holder.idNumber is required');
      return ok({ licences: this.licences.list(id) });
    }
    const auth = /^\/api\/v1\/licences\/([^/]+)\/authorisations$/.exec(path);
    if (auth && r.method === 'POST') {
      const id = (r.body?.holder as { idNumber?: unknown } | undefined)?.idNumber;
      const at = r.body?.authorisedAt;
      if (typeof id !== 'string' || !ID_NUMBER.test(id) || typeof at !== 'string' || Number.isNaN(Date.parse(at)))
        return fail(400, 'badRequest', 'holder.idNumber and authorisedAt are required');
      const licenceId = decodeURIComponent(auth[1]!);
      const granted = this.licences.authorise(licenceId, id, r.terminal, at);
      return granted ? ok({ licenceId, ...granted }) : fail(404, 'notFound', 'no such licence for this holder');
    }
    if (path === '/api/v1/uploads' && r.method === 'POST') {
      const b = r.body;
      if (!b || typeof b.idempotencyKey !== 'string' || !KEY.test(b.idempotencyKey))
        return fail(400, 'badRequest', 'idempotencyKey (8–64 characters) is required');
      if (typeof b.size !== 'number' || !Number.isInteger(b.size) || b.size < 1)
        return fail(400, 'badRequest', 'size (bytes, at least 1) is required');
      if (typeof b.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(b.sha256)) return fail(400, 'badRequest', 'sha256 (hex) is required');
      if (b.contentType !== 'application/pdf' && b.contentType !== 'image/png')
        return fail(400, 'badRequest', 'contentType is application/pdf or image/png');
      const created = this.uploads.create({
        terminal: r.terminal,
        idempotencyKey: b.idempotencyKey,
        size: b.size,
        sha256: b.sha256,
        contentType: b.contentType,
      });
      if ('error' in created)
        return created.error === 'tooLarge'
          ? fail(413, 'tooLarge', `an upload is at most ${maxUploadBytes} bytes`)
          : fail(409, 'conflict', 'this idempotencyKey was used for another upload');
      return ok(this.uploads.reply(created.upload));
    }
    const chunk = CHUNK_PATH.exec(path);
    if (chunk && r.method === 'PUT') {
      const put = this.uploads.putChunk(decodeURIComponent(chunk[1]!), r.terminal, Number(chunk[2]), r.raw);
      if ('error' in put)
        return put.error === 'notFound'
          ? fail(404, 'notFound', 'no such upload')
          : fail(400, 'badRequest', 'chunk number or length is wrong');
      return ok(this.uploads.reply(put.upload));
    }
    const upload = /^\/api\/v1\/uploads\/([^/]+)(\/complete)?$/.exec(path);
    if (upload && r.method === 'GET' && !upload[2]) {
      const u = this.uploads.get(decodeURIComponent(upload[1]!), r.terminal);
      return u ? ok(this.uploads.reply(u)) : fail(404, 'notFound', 'no such upload');
    }
    if (upload && r.method === 'POST' && upload[2]) {
      const done = this.uploads.complete(decodeURIComponent(upload[1]!), r.terminal);
      if ('upload' in done) return ok(this.uploads.reply(done.upload));
      if (done.error === 'notFound') return fail(404, 'notFound', 'no such upload');
      if (done.error === 'incomplete') return fail(409, 'incomplete', `chunks missing: ${done.missing!.join(', ')}`);
      return fail(409, 'hashMismatch', 'the bytes do not match the declared sha256; the chunks were discarded');
    }
    if (path === '/api/v1/applications' && r.method === 'POST') {
      const b = submissionBody(r.body);
      if (typeof b === 'string') return fail(400, 'badRequest', b);
      const outcome = this.desk.submit(r.terminal, b, { rejectField: faults.rejectField });
      // duplicateSubmission loses the reply of a newly opened case: the terminal's repeat gets the case
      if (outcome.status === 200) return faults.dropAfterStoring && outcome.body.duplicate === false ? { drop: true } : ok(outcome.body);
      return fail(outcome.status, outcome.code, outcome.message, 'field' in outcome ? outcome.field : undefined);
    }
    return null;
  }
}

/** The body's shape (the desk checks the content); a message when it is not a submission at all. */
function submissionBody(b: Record<string, unknown> | null): SubmissionBody | string {
  if (!b) return 'body is not a JSON object';
  if (typeof b.idempotencyKey !== 'string' || !KEY.test(b.idempotencyKey)) return 'idempotencyKey (8–64 characters) is required';
  if (typeof b.matterId !== 'string' || typeof b.formVersion !== 'string') return 'matterId and formVersion are required';
  const a = b.applicant as { name?: unknown; idNumber?: unknown } | undefined;
  if (typeof a?.name !== 'string' || !a.name || typeof a.idNumber !== 'string' || !ID_NUMBER.test(a.idNumber))
    return 'applicant name and idNumber are required';
  if (!b.values || typeof b.values !== 'object' || Array.isArray(b.values)) return 'values must be an object';
  if (!Array.isArray(b.materials)) return 'materials must be a list';
  for (const m of b.materials as Record<string, unknown>[]) {
    if (typeof m?.materialId !== 'string') return 'every material needs a materialId';
    if (m.kind === 'upload' && typeof m.uploadId === 'string') continue;
    if (m.kind === 'licence' && typeof m.licenceId === 'string' && typeof m.authorisedAt === 'string') continue;
    if (m.kind === 'deferred') continue;
    return `material ${m.materialId}: kind must be upload (with uploadId), licence (with licenceId, authorisedAt) or deferred`;
  }
  const c = b.commitment as { version?: unknown; signedAt?: unknown; signatureUploadId?: unknown } | null | undefined;
  if (c !== null && (typeof c?.version !== 'string' || typeof c.signedAt !== 'string' || typeof c.signatureUploadId !== 'string'))
    return 'commitment is null or has version, signedAt and signatureUploadId';
  return {
    ...(b as unknown as SubmissionBody),
    localReference: typeof b.localReference === 'string' ? b.localReference : null,
  };
}

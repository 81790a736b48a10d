import { createHash } from 'node:crypto';
import type { AcceptedCase, ELicence, FormValue, MatterForm } from '../apply/apply-types.js';
import type { PlatformClient } from './client.js';
import { PlatformError } from './errors.js';
import {
  LicenceAuthorisationSchema,
  LicenceListSchema,
  MatterFormSchema,
  SubmissionReplySchema,
  toAcceptedCase,
  UploadSchema,
  type UploadState,
} from './applications-schemas.js';

const enc = encodeURIComponent;

/** The application form of a matter (一表申请), checked before any screen shows it. */
export async function fetchMatterForm(client: PlatformClient, matterId: string, signal?: AbortSignal): Promise<MatterForm> {
  const form = await client.get(`/api/v1/matters/${enc(matterId)}/form`, { schema: MatterFormSchema, signal });
  if (form.matterId !== matterId)
    throw new PlatformError('badReply', `form of ${matterId}: the platform sent the form of ${form.matterId}`, { field: 'matterId' });
  return form;
}

/** The resident's e-licences; the ID number travels in the signed body, never in the URL. */
export async function listLicences(client: PlatformClient, idNumber: string, signal?: AbortSignal): Promise<ELicence[]> {
  const r = await client.post('/api/v1/licences/search', { body: { holder: { idNumber } }, schema: LicenceListSchema, signal });
  return r.licences;
}

/** Records the resident's authorisation with the platform and receives the licence's values. */
export async function authoriseLicence(
  client: PlatformClient,
  licenceId: string,
  idNumber: string,
  authorisedAt: string,
  signal?: AbortSignal,
): Promise<{ authorisationId: string; values: Record<string, string> }> {
  const r = await client.post(`/api/v1/licences/${enc(licenceId)}/authorisations`, {
    body: { holder: { idNumber }, authorisedAt },
    schema: LicenceAuthorisationSchema,
    signal,
  });
  if (r.licenceId !== licenceId)
    throw new PlatformError('badReply', `authorisation of ${licenceId}: reply is for ${r.licenceId}`, { field: 'licenceId' });
  return { authorisationId: r.authorisationId, values: r.values };
}

export interface UploadOptions {
  /** The same key for every attempt at this blob, across restarts: the platform answers it with the same upload. */
  idempotencyKey: string;
  contentType: 'application/pdf' | 'image/png';
  signal?: AbortSignal;
  /** Bytes the platform holds of this blob so far (after each chunk, and at once for what it already had). */
  onBytes?: (bytesHeld: number) => void;
  /** Consecutive failed chunk attempts before giving up (the outbox tries again later). */
  attempts?: number;
}

/**
 * Uploads a blob in the platform's chunks, resuming from what the platform says it has: after a cut connection, a
 * restart, or a reply lost after the chunk was stored. Resolves with the upload id once the platform confirmed the
 * SHA-256 over all bytes. Throws a PlatformError when it cannot finish now.
 */
export async function uploadBlob(client: PlatformClient, bytes: Uint8Array, o: UploadOptions): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let state = await client.post('/api/v1/uploads', {
    body: { idempotencyKey: o.idempotencyKey, size: bytes.byteLength, sha256, contentType: o.contentType },
    schema: UploadSchema,
    signal: o.signal,
  });
  if (state.size !== bytes.byteLength || state.sha256 !== sha256)
    throw new PlatformError('badReply', `upload ${state.uploadId} describes another blob`, { field: 'sha256' });
  const id = state.uploadId;
  const held = (s: UploadState) => s.received.reduce((sum, n) => sum + chunkLength(s, n), 0);
  const look = () => client.get(`/api/v1/uploads/${enc(id)}`, { schema: UploadSchema, signal: o.signal });
  let failures = 0;
  let completions = 0;
  o.onBytes?.(held(state));
  for (;;) {
    if (state.complete) return id;
    const missing = Array.from({ length: state.chunkCount }, (_, n) => n).find((n) => !state.received.includes(n));
    try {
      if (missing === undefined) {
        state = await client.post(`/api/v1/uploads/${enc(id)}/complete`, { body: {}, schema: UploadSchema, signal: o.signal });
        continue;
      }
      const start = missing * state.chunkSize;
      state = await client.putBytes(
        `/api/v1/uploads/${enc(id)}/chunks/${missing}`,
        bytes.subarray(start, start + chunkLength(state, missing)),
        {
          schema: UploadSchema,
          signal: o.signal,
        },
      );
      failures = 0;
      o.onBytes?.(held(state));
    } catch (e) {
      const refusal = e instanceof PlatformError ? e.detail.refusal?.code : undefined;
      if (refusal === 'incomplete' || refusal === 'hashMismatch') {
        // chunks missing after all, or discarded as damaged: look again and send what is missing
        if (++completions > 3) throw e;
      } else if (!(e instanceof PlatformError) || !e.transient || ++failures >= (o.attempts ?? 3)) throw e;
      // the connection went mid-chunk (or the chunk arrived and its reply did not): ask what arrived, go on from there
      state = await look();
    }
  }
}

function chunkLength(s: UploadState, n: number): number {
  return n === s.chunkCount - 1 ? s.size - n * s.chunkSize : s.chunkSize;
}

/** A material of a submission as the platform takes it: uploads by id, licences with their authorisation time. */
export type SubmittedMaterial = { materialId: string } & (
  { kind: 'upload'; uploadId: string; pages: number } | { kind: 'licence'; licenceId: string; authorisedAt: string } | { kind: 'deferred' }
);

export interface SubmissionRequest {
  idempotencyKey: string;
  localReference: string;
  matterId: string;
  formVersion: string;
  applicant: { name: string; idNumber: string };
  values: Record<string, FormValue>;
  materials: SubmittedMaterial[];
  commitment: { version: string; signedAt: string; signatureUploadId: string } | null;
}

export type SubmissionReply =
  | { kind: 'accepted'; case: AcceptedCase; duplicate: boolean }
  | { kind: 'fieldRejected'; field: string; message: string }
  | { kind: 'refused'; code: string; message: string };

/**
 * Submits an application. The platform's refusals are values (a field it refused, or a reason the resident cannot
 * fix here); a network fault, a 5xx or a garbled reply throws, and the same request may be sent again: the
 * idempotency key makes a repeat return the case already opened.
 */
export async function submitApplication(client: PlatformClient, body: SubmissionRequest, signal?: AbortSignal): Promise<SubmissionReply> {
  try {
    const r = await client.post('/api/v1/applications', { body, schema: SubmissionReplySchema, signal });
    return { kind: 'accepted', case: toAcceptedCase(r), duplicate: r.duplicate };
  } catch (e) {
    if (!(e instanceof PlatformError) || e.code !== 'server' || e.transient) throw e;
    const refusal = e.detail.refusal;
    const message = (refusal?.message ?? '平台未受理这份申请').slice(0, 300);
    if (e.detail.status === 422 && refusal?.field) return { kind: 'fieldRejected', field: refusal.field, message };
    // 4xx other than a field: not eligible, the matter or its form changed, a malformed request — retrying cannot help
    return { kind: 'refused', code: refusal?.code ?? `http${e.detail.status ?? 0}`, message };
  }
}

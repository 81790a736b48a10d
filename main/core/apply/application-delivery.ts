import type { Logger } from '../log/logger.js';
import { submitApplication, uploadBlob, type SubmittedMaterial } from '../platform/applications.js';
import type { PlatformClient } from '../platform/client.js';
import { PlatformError } from '../platform/errors.js';
import { blobKey, type StoredApplication } from './application-store.js';
import type { AcceptedCase, SubmissionProgress } from './apply-types.js';

export type DeliveryResult =
  | { kind: 'accepted'; case: AcceptedCase }
  | { kind: 'fieldRejected'; field: string; message: string }
  | { kind: 'refused'; message: string }
  /** Not delivered now (platform unreachable, a 5xx, a garbled reply): stays in the outbox and is tried again. */
  | { kind: 'failed'; error: string };

interface Blob {
  part: string;
  bytes: Buffer;
  contentType: 'application/pdf' | 'image/png';
}

/**
 * Delivers one stored application: uploads its scans and signature in chunks (each resumed from what the platform
 * already holds, found by a key derived from the application's key), then submits it with its idempotency key.
 * One delivery per application at a time: the resident's screen and the outbox asking for the same one share it.
 * `settle` runs once per delivery that came to an answer, before anyone hears of it.
 */
export class ApplicationDeliverer {
  private readonly running = new Map<string, Promise<DeliveryResult>>();

  constructor(
    private readonly client: PlatformClient,
    private readonly settle: (key: string, app: StoredApplication, result: DeliveryResult) => void,
    private readonly log: Logger,
  ) {}

  deliver(key: string, app: StoredApplication, onProgress?: (p: SubmissionProgress) => void): Promise<DeliveryResult> {
    const running = this.running.get(key);
    if (running) return running;
    const run = this.run(key, app, onProgress).finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  /** Whether a delivery of this application is under way (tests and the service's wait). */
  inFlight(key: string): Promise<DeliveryResult> | null {
    return this.running.get(key) ?? null;
  }

  private async run(key: string, app: StoredApplication, onProgress?: (p: SubmissionProgress) => void): Promise<DeliveryResult> {
    const blobs: Blob[] = [
      ...app.materials.flatMap((m) =>
        m.kind === 'scan'
          ? [{ part: `material:${m.materialId}`, bytes: Buffer.from(m.pdfBase64, 'base64'), contentType: 'application/pdf' as const }]
          : [],
      ),
      ...(app.commitment
        ? [{ part: 'signature', bytes: Buffer.from(app.commitment.signaturePngBase64, 'base64'), contentType: 'image/png' as const }]
        : []),
    ];
    const total = blobs.reduce((n, b) => n + b.bytes.length, 0);
    let result: DeliveryResult;
    try {
      const ids = new Map<string, string>();
      let done = 0;
      onProgress?.({ phase: 'uploading', bytesDone: 0, bytesTotal: total });
      for (const b of blobs) {
        const id = await uploadBlob(this.client, b.bytes, {
          idempotencyKey: blobKey(key, b.part),
          contentType: b.contentType,
          onBytes: (held) => onProgress?.({ phase: 'uploading', bytesDone: done + held, bytesTotal: total }),
        });
        done += b.bytes.length;
        ids.set(b.part, id);
      }
      onProgress?.({ phase: 'submitting', bytesDone: total, bytesTotal: total });
      const reply = await submitApplication(this.client, {
        idempotencyKey: key,
        localReference: app.localReference,
        matterId: app.matterId,
        formVersion: app.formVersion,
        applicant: app.applicant,
        values: app.values,
        materials: app.materials.map((m): SubmittedMaterial =>
          m.kind === 'scan'
            ? { materialId: m.materialId, kind: 'upload', uploadId: ids.get(`material:${m.materialId}`)!, pages: m.pages }
            : m,
        ),
        commitment: app.commitment
          ? { version: app.commitment.version, signedAt: app.commitment.signedAt, signatureUploadId: ids.get('signature')! }
          : null,
      });
      result = reply.kind === 'accepted' ? { kind: 'accepted', case: reply.case } : reply;
      if (reply.kind === 'accepted' && reply.duplicate)
        this.log.info({ localReference: app.localReference }, 'application was already there (a repeat)');
    } catch (e) {
      const pe = e instanceof PlatformError ? e : new PlatformError('server', (e as Error).message);
      result =
        pe.code === 'server' && !pe.transient && pe.detail.refusal
          ? { kind: 'refused', message: pe.detail.refusal.message }
          : { kind: 'failed', error: `${pe.code}: ${pe.message}` };
    } finally {
      // the decoded scans and signature are not kept past the attempt (the sealed copy is in the outbox)
      for (const b of blobs) b.bytes.fill(0);
    }
    if (result.kind !== 'failed') this.settle(key, app, result);
    this.log.info(
      {
        localReference: app.localReference,
        matterId: app.matterId,
        result: result.kind,
        ...(result.kind === 'failed' ? { error: result.error } : {}),
      },
      'application delivery',
    );
    return result;
  }
}

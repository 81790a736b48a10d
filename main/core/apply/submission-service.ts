import type { Logger } from '../log/logger.js';
import type { Delivery } from '../outbox/outbox.js';
import { authoriseLicence, fetchMatterForm, listLicences } from '../platform/applications.js';
import type { PlatformClient } from '../platform/client.js';
import { PlatformError } from '../platform/errors.js';
import { ApplicationDeliverer, type DeliveryResult } from './application-delivery.js';
import { formLiveOrCached, type FormCache } from './form-cache.js';
import type { ApplicationStore, HeldApplication, ReferenceState, StoredApplication } from './application-store.js';
import type { ApplicationDraft, ApplyPort, ELicence, MatterForm, SubmissionOutcome, SubmissionProgress } from './apply-types.js';

export interface SubmissionServiceDeps {
  client: PlatformClient;
  store: ApplicationStore;
  /** Makes the outbox look at what is due now (an application left queued must not wait for another message). */
  kickOutbox: () => void;
  log: Logger;
  /** Forms kept for when the platform cannot be reached (kiosk.sqlite); null: always the live form. */
  forms?: FormCache | null;
  /** How long the live form is awaited when a cached one is at hand (default FORM_PATIENCE_MS). */
  formPatienceMs?: number;
}

/**
 * The platform side of applying (`ApplyPort`). `submit` writes the draft — form values, scans, signature — to the
 * durable encrypted outbox before any network call, then delivers it while the resident waits (at most
 * `deadlineMs`); what is not delivered by then stays queued and the outbox delivers it later, exactly once (the
 * platform answers a repeated idempotency key with the case it opened). The draft's scans and signature are zeroed
 * once it is saved and accepted or queued; after a field refusal they stay, so the resident corrects the field
 * without scanning again.
 */
export class SubmissionService implements ApplyPort {
  readonly deliverer: ApplicationDeliverer;
  /** Applications whose resident is still at the screen waiting for the answer, by idempotency key. */
  private readonly attended = new Set<string>();

  constructor(private readonly deps: SubmissionServiceDeps) {
    this.deliverer = new ApplicationDeliverer(deps.client, (key, app, r) => this.settle(key, app, r), deps.log);
  }

  /** The live form (kept for later), else — the platform unreachable — the one cached on this terminal. */
  form(matterId: string, signal: AbortSignal): Promise<MatterForm> {
    return formLiveOrCached(
      (s) => fetchMatterForm(this.deps.client, matterId, s),
      this.deps.forms ?? null,
      matterId,
      this.deps.log,
      signal,
      this.deps.formPatienceMs,
    );
  }

  licences(applicant: { idNumber: string }, signal: AbortSignal): Promise<ELicence[]> {
    return listLicences(this.deps.client, applicant.idNumber, signal);
  }

  async licenceValues(licenceId: string, applicant: { idNumber: string }, signal: AbortSignal): Promise<Record<string, string>> {
    const r = await authoriseLicence(this.deps.client, licenceId, applicant.idNumber, new Date().toISOString(), signal);
    return r.values;
  }

  async submit(
    draft: ApplicationDraft,
    options: { signal: AbortSignal; deadlineMs: number; onProgress?: (p: SubmissionProgress) => void },
  ): Promise<SubmissionOutcome> {
    if (options.signal.aborted) throw new PlatformError('canceled', 'submission canceled before it was saved');
    const total =
      draft.materials.reduce((n, m) => n + (m.kind === 'scan' ? m.pdf.byteLength : 0), 0) +
      (draft.commitment?.signaturePng.byteLength ?? 0);
    options.onProgress?.({ phase: 'saving', bytesDone: 0, bytesTotal: total });
    // on the disk before anything is sent: a StoreError (disk full) reaches the step, and the resident is not told it was saved
    const { idempotencyKey: key, localReference, stored } = this.deps.store.save(draft);
    this.attended.add(key);
    // progress reaches the resident's screen only while submit has not returned (a delivery may carry on after it)
    let watching = true;
    const run = this.deliverer.deliver(key, stored, (p) => watching && options.onProgress?.(p));

    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const gaveUp = new Promise<'gaveUp'>((resolve) => {
      timer = setTimeout(() => resolve('gaveUp'), Math.max(0, options.deadlineMs));
      onAbort = () => resolve('gaveUp');
      options.signal.addEventListener('abort', onAbort, { once: true });
    });
    const first = await Promise.race([run, gaveUp]);
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onAbort!);
    this.attended.delete(key);
    watching = false;

    if (first === 'gaveUp' || first.kind === 'failed') {
      // saved and not delivered: the outbox takes over (joining a delivery still under way)
      this.deps.kickOutbox();
      wipeDraft(draft);
      return { kind: 'queued', localReference };
    }
    if (first.kind === 'accepted') {
      wipeDraft(draft);
      return { kind: 'accepted', localReference, case: first.case };
    }
    return first;
  }

  /** What became of an application saved here, by the local reference on the resident's receipt. */
  reference(localReference: string): ReferenceState | null {
    return this.deps.store.lookup(localReference);
  }

  /** The card holder's applications still waiting on this terminal or refused after they left (the progress query). */
  heldFor(idNumber: string): HeldApplication[] {
    return this.deps.store.forHolder(idNumber);
  }

  /** The outbox's delivery of an `application` entry (after a cut, a deadline, or a restart). */
  async deliverQueued(payload: unknown, idempotencyKey: string): Promise<Delivery> {
    if (!looksStored(payload)) return { result: 'failed', retry: false, error: 'stored application is not one this version can send' };
    const r = await this.deliverer.deliver(idempotencyKey, payload);
    return r.kind === 'failed' ? { result: 'failed', retry: true, error: r.error } : { result: 'acknowledged' };
  }

  /** Once per answered delivery: the case number recorded, or a refusal — and the outbox entry removed. */
  private settle(key: string, app: StoredApplication, r: DeliveryResult): void {
    const s = { localReference: app.localReference, idempotencyKey: key, matterId: app.matterId, savedAt: app.savedAt };
    if (r.kind === 'accepted') this.deps.store.recordAccepted(s, r.case);
    else if (r.kind === 'failed') return;
    else if (this.attended.has(key)) this.deps.store.forget(key, app.localReference);
    else {
      // the resident left with "已保存" and a local reference: the refusal is kept so the reference can tell it
      this.deps.log.warn(
        { localReference: app.localReference, matterId: app.matterId, outcome: r.kind },
        'queued application refused by the platform',
      );
      this.deps.store.recordRefused(s, r.message);
    }
  }
}

/** A stored application as this version writes it (the outbox hands back whatever JSON it kept). */
function looksStored(p: unknown): p is StoredApplication {
  const a = p as Partial<StoredApplication> | null;
  return (
    typeof a?.localReference === 'string' &&
    typeof a.matterId === 'string' &&
    typeof a.formVersion === 'string' &&
    typeof a.applicant?.idNumber === 'string' &&
    Array.isArray(a.materials) &&
    typeof a.values === 'object'
  );
}

/** Zeroes the draft's scans and signature: from now on they exist only sealed in the outbox. */
function wipeDraft(draft: ApplicationDraft): void {
  for (const m of draft.materials) if (m.kind === 'scan') m.pdf.fill(0);
  draft.commitment?.signaturePng.fill(0);
}

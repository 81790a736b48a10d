import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../store/db.js';
import { StoreError, storeFailure } from '../store/errors.js';
import type { PayloadCipher } from '../outbox/cipher.js';
import type { Outbox } from '../outbox/outbox.js';
import type { AcceptedCase, ApplicationDraft, FormValue } from './apply-types.js';

/**
 * An application as the outbox keeps it (sealed with the outbox cipher): the draft with its scans and signature as
 * base64, and the local reference the resident was given. Everything a delivery needs after a restart.
 */
export interface StoredApplication {
  localReference: string;
  savedAt: string;
  matterId: string;
  formVersion: string;
  applicant: { name: string; idNumber: string };
  values: Record<string, FormValue>;
  materials: (
    | { materialId: string; kind: 'scan'; pdfBase64: string; pages: number }
    | { materialId: string; kind: 'licence'; licenceId: string; authorisedAt: string }
    | { materialId: string; kind: 'deferred' }
  )[];
  commitment: { version: string; signedAt: string; signaturePngBase64: string } | null;
}

type Settled = { localReference: string; idempotencyKey: string; matterId: string; savedAt: string };

export type ReferenceState =
  | { outcome: 'queued'; matterId: string; savedAt: string }
  | { outcome: 'accepted'; matterId: string; savedAt: string; caseNumber: string; queryCode: string }
  | { outcome: 'refused'; matterId: string; savedAt: string; message: string };

/** An application this terminal holds for a card holder that the platform's case list cannot show. */
export type HeldApplication = { localReference: string } & Extract<ReferenceState, { outcome: 'queued' | 'refused' }>;

/** How long a reference row stays once delivered or refused (the resident's receipt can be asked about until then). */
export const DEFAULT_REFERENCE_RETENTION_DAYS = 30;

/** The purpose the applicant's ID number is hashed under (see PayloadCipher.lookupHash). */
const HOLDER_PURPOSE = 'application-holder';

/** A local reference as typed: case and spaces do not matter. */
export const normaliseReference = (typed: string) => typed.replace(/\s+/g, '').toUpperCase();

type ReferenceRow = {
  local_reference: string;
  matter_id: string;
  saved_at: string;
  outcome: 'queued' | 'accepted' | 'refused';
  case_number: string | null;
  sealed_detail: Buffer | null;
};

/** The resident's local reference: short, unambiguous to read aloud, derived from the idempotency key. */
export function localReferenceOf(idempotencyKey: string): string {
  const hex = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 10).toUpperCase();
  return `ZD${hex}`;
}

/** A stable idempotency key for one blob of one application (its uploads are found again after a restart). */
export function blobKey(idempotencyKey: string, part: string): string {
  return `ub-${createHash('sha256').update(`${idempotencyKey}\n${part}`).digest('hex').slice(0, 40)}`;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export function toStored(draft: ApplicationDraft, localReference: string, savedAt: string): StoredApplication {
  return {
    localReference,
    savedAt,
    matterId: draft.matterId,
    formVersion: draft.formVersion,
    applicant: { ...draft.applicant },
    values: { ...draft.values },
    materials: draft.materials.map((m) =>
      m.kind === 'scan' ? { materialId: m.materialId, kind: 'scan', pdfBase64: b64(m.pdf), pages: m.pages } : { ...m },
    ),
    commitment: draft.commitment
      ? { version: draft.commitment.version, signedAt: draft.commitment.signedAt, signaturePngBase64: b64(draft.commitment.signaturePng) }
      : null,
  };
}

const referenceColumns = 'local_reference, matter_id, saved_at, outcome, case_number, sealed_detail';

/**
 * Writes applications to the durable outbox together with their reference row (one transaction), and keeps what
 * became of each local reference: the case number (query code sealed) once delivered, or the platform's refusal.
 */
export class ApplicationStore {
  constructor(
    private readonly db: Db,
    private readonly outbox: Outbox,
    private readonly cipher: PayloadCipher,
    private readonly now: () => Date = () => new Date(),
    private readonly retentionDays: number = DEFAULT_REFERENCE_RETENTION_DAYS,
  ) {}

  private holderKey(idNumber: string): string {
    return this.cipher.lookupHash(HOLDER_PURPOSE, idNumber.trim().toUpperCase());
  }

  /** Committed (synchronous=FULL) before this returns; throws a typed StoreError when the disk refuses. */
  save(draft: ApplicationDraft): { idempotencyKey: string; localReference: string; stored: StoredApplication } {
    const idempotencyKey = randomUUID();
    const localReference = localReferenceOf(idempotencyKey);
    const savedAt = this.now().toISOString();
    const stored = toStored(draft, localReference, savedAt);
    try {
      this.db.transaction(() => {
        this.outbox.enqueue('application', stored, idempotencyKey);
        this.db
          .prepare(
            'INSERT INTO application_reference (local_reference, idempotency_key, matter_id, saved_at, holder_key) VALUES (?, ?, ?, ?, ?)',
          )
          .run(localReference, idempotencyKey, draft.matterId, savedAt, this.holderKey(draft.applicant.idNumber));
      })();
    } catch (e) {
      // disk full or failing: a typed error, nothing of it written, and the resident is not told it was saved
      if (e instanceof StoreError) throw e;
      storeFailure(e, this.db.name, 'saving an application');
    }
    return { idempotencyKey, localReference, stored };
  }

  /** The platform accepted it (whenever that was): the case number for the progress query; the entry goes. */
  recordAccepted(s: Settled, c: AcceptedCase): void {
    this.settle(s, 'accepted', c.caseNumber, c.queryCode);
  }

  /** Refused after the resident had left (a queued application): kept so the reference can say so; the entry goes. */
  recordRefused(s: Settled, message: string): void {
    this.settle(s, 'refused', null, message);
  }

  /** Refused while the resident was there: nothing of it stays. */
  forget(idempotencyKey: string, localReference: string): void {
    this.db.transaction(() => {
      this.outbox.removeByKey(idempotencyKey);
      this.db.prepare('DELETE FROM application_reference WHERE local_reference = ?').run(localReference);
    })();
  }

  /** What became of a local reference (typed by the resident: case and spaces ignored); null when this terminal has none. */
  lookup(localReference: string): ReferenceState | null {
    this.removeExpired();
    const r = this.db
      .prepare(`SELECT ${referenceColumns} FROM application_reference WHERE local_reference = ?`)
      .get(normaliseReference(localReference)) as ReferenceRow | undefined;
    return r ? this.stateOf(r) : null;
  }

  /**
   * The card holder's applications this terminal still holds: waiting to be delivered, or refused after the resident
   * left. Delivered ones are left out (the platform's own case list shows them with their case number). Newest first.
   */
  forHolder(idNumber: string): HeldApplication[] {
    this.removeExpired();
    const rows = this.db
      .prepare(
        `SELECT ${referenceColumns} FROM application_reference
          WHERE holder_key = ? AND outcome IN ('queued', 'refused') ORDER BY saved_at DESC, local_reference`,
      )
      .all(this.holderKey(idNumber)) as ReferenceRow[];
    return rows.map((r) => ({
      localReference: r.local_reference,
      ...(this.stateOf(r) as Extract<ReferenceState, { outcome: 'queued' | 'refused' }>),
    }));
  }

  /** Removes reference rows delivered or refused more than the retention period ago; returns how many went. */
  removeExpired(): number {
    const cutoff = new Date(this.now().getTime() - this.retentionDays * 86_400_000).toISOString();
    return this.db.prepare("DELETE FROM application_reference WHERE outcome != 'queued' AND settled_at < ?").run(cutoff).changes;
  }

  private stateOf(r: ReferenceRow): ReferenceState {
    const base = { matterId: r.matter_id, savedAt: r.saved_at };
    const detail = r.sealed_detail ? this.cipher.open(r.sealed_detail) : '';
    if (r.outcome === 'accepted') return { outcome: 'accepted', ...base, caseNumber: r.case_number ?? '', queryCode: detail };
    if (r.outcome === 'refused') return { outcome: 'refused', ...base, message: detail };
    return { outcome: 'queued', ...base };
  }

  private settle(s: Settled, outcome: 'accepted' | 'refused', caseNumber: string | null, detail: string): void {
    // an upsert: a reference row lost with a damaged file (the outbox entry salvaged) must not lose the case number
    const upsert = this.db.prepare(
      `INSERT INTO application_reference (local_reference, idempotency_key, matter_id, saved_at, outcome, case_number, sealed_detail, settled_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(local_reference) DO UPDATE SET outcome = excluded.outcome, case_number = excluded.case_number,
           sealed_detail = excluded.sealed_detail, settled_at = excluded.settled_at`,
    );
    this.db.transaction(() => {
      upsert.run(
        s.localReference,
        s.idempotencyKey,
        s.matterId,
        s.savedAt,
        outcome,
        caseNumber,
        this.cipher.seal(detail),
        this.now().toISOString(),
      );
      this.outbox.removeByKey(s.idempotencyKey);
    })();
  }
}

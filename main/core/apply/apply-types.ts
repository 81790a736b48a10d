/**
 * The contract between the apply flow's steps (main/core/flows/steps/apply-*.ts) and the platform side of applying
 * (main/core/platform/applications*.ts, main/core/apply/submission-service.ts). Plain types; the platform module
 * validates replies with zod schemas that produce exactly these shapes.
 */

export type FormFieldType = 'text' | 'idNumber' | 'phone' | 'date' | 'select' | 'region' | 'address' | 'number' | 'checkbox';

/** Where a field's value can come from without the resident typing it. */
export type PrefillSource =
  | { from: 'card'; field: 'name' | 'idNumber' | 'sex' | 'birthDate' | 'address' | 'nation' }
  | { from: 'licence'; licenceType: string; field: string };

export interface FormField {
  id: string;
  /** Chinese label as the platform sends it (translated by the platform when the request names another language). */
  label: string;
  type: FormFieldType;
  required: boolean;
  help: string | null;
  /** Regular expression (JavaScript syntax, whole value) for text-like fields. */
  pattern: string | null;
  /** Plain-words message for a value that does not match `pattern`. */
  patternMessage: string | null;
  min: number | null;
  max: number | null;
  maxLength: number | null;
  /** For `select`: the choices. For `region`: none (GB/T 2260 codes from the region tree). */
  options: { value: string; label: string }[] | null;
  prefill: PrefillSource | null;
  /** Which keyboard the UI opens: Chinese (pinyin/handwriting), letters+digits, or digits. */
  input: 'chinese' | 'latin' | 'digits';
}

export interface FormGroup {
  id: string;
  title: string;
  fields: FormField[];
}

/** A rule over several fields, checked on the terminal as the resident goes and again by the platform. */
export type CrossFieldRule =
  | { kind: 'requiredIf'; field: string; when: { field: string; equals: string | boolean }; message: string }
  | { kind: 'dateNotBefore'; field: string; other: string; message: string }
  | { kind: 'differs'; field: string; other: string; message: string };

export interface FormMaterial {
  id: string;
  name: string;
  required: boolean;
  /** 容缺: the resident may say "I will bring it later" and the case is accepted pending it. */
  deferrable: boolean;
  /** E-licence types that can replace this material (免证办). */
  licenceTypes: string[];
  /** How many pages a paper copy usually has (2 for an ID card copy front/back, 1 for a form). */
  pagesHint: number;
  /** Feeder for multi-page paper, platen for cards and books, camera (高拍仪) where the terminal has one. */
  sources: ('platen' | 'feeder' | 'camera')[];
}

export interface MatterForm {
  matterId: string;
  version: string;
  groups: FormGroup[];
  rules: CrossFieldRule[];
  materials: FormMaterial[];
  /** 告知承诺: the text the resident signs, and its version (recorded with the signature). */
  commitment: { version: string; text: string } | null;
}

/** One of the resident's electronic licences (电子证照), as the platform lists it; the number arrives masked. */
export interface ELicence {
  id: string;
  type: string;
  name: string;
  maskedNumber: string;
  issuer: string;
  validFrom: string;
  validUntil: string | null;
  /** Values this licence can prefill (field name → value), released only after the resident authorises its use. */
  fields: string[];
}

export type FormValue = string | number | boolean;

/** One material in a submission: an authorised licence, scanned pages, or deferred (容缺). */
export type MaterialChoice =
  | { materialId: string; kind: 'licence'; licenceId: string; authorisedAt: string }
  | { materialId: string; kind: 'scan'; pdf: Uint8Array; pages: number }
  | { materialId: string; kind: 'deferred' };

/** Everything the resident submits. Lives in the run's memory until handed to `SubmissionPort.submit`. */
export interface ApplicationDraft {
  matterId: string;
  formVersion: string;
  applicant: { name: string; idNumber: string };
  values: Record<string, FormValue>;
  materials: MaterialChoice[];
  commitment: { version: string; signedAt: string; signaturePng: Uint8Array } | null;
}

export interface SubmissionProgress {
  /** `saving`: written to the outbox; `uploading`: materials going up; `submitting`: the application itself. */
  phase: 'saving' | 'uploading' | 'submitting';
  bytesDone: number;
  bytesTotal: number;
}

export interface AcceptedCase {
  caseNumber: string;
  queryCode: string;
  status: 'accepted' | 'needsReview';
  promisedDate: string | null;
  delivery: ('window' | 'post' | 'electronic' | 'print')[];
  /** The platform's page for this case (QR on the receipt). */
  queryUrl: string | null;
}

export type SubmissionOutcome =
  /** The platform has it: show and print the case. */
  | { kind: 'accepted'; localReference: string; case: AcceptedCase }
  /** Saved durably but not yet delivered (platform unreachable): "已保存，网络恢复后自动提交" with the local reference. */
  | { kind: 'queued'; localReference: string }
  /** The platform refused a field: take the resident back to it. Nothing stays queued. */
  | { kind: 'fieldRejected'; field: string; message: string }
  /** Refused for a reason the resident cannot fix here (not eligible, matter closed): nothing stays queued. */
  | { kind: 'refused'; message: string };

/** What the apply steps need from the platform side. Every call honours its signal. */
export interface ApplyPort {
  form(matterId: string, signal: AbortSignal): Promise<MatterForm>;
  licences(applicant: { idNumber: string }, signal: AbortSignal): Promise<ELicence[]>;
  /** Licence field values, after the resident authorised this licence on screen (the authorisation is recorded). */
  licenceValues(licenceId: string, applicant: { idNumber: string }, signal: AbortSignal): Promise<Record<string, string>>;
  /**
   * Writes the draft to the durable encrypted outbox (before any network call), then tries to deliver it within
   * `deadlineMs`; past that, or with the platform down, it stays queued and the outbox delivers it later, exactly once.
   */
  submit(
    draft: ApplicationDraft,
    options: { signal: AbortSignal; deadlineMs: number; onProgress?: (p: SubmissionProgress) => void },
  ): Promise<SubmissionOutcome>;
}

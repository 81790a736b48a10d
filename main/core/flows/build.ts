import type { DocumentPrinter, ReceiptPrinter } from '../../../devices/printer/index.js';
import type { ReceiptDocument } from '../../../devices/printer/index.js';
import type { PaymentScanner } from '../../../devices/payment-scanner/index.js';
import type { DocumentScanner } from '../../../devices/scanner/index.js';
import type { ApplyPort } from '../apply/apply-types.js';
import type { Logger } from '../log/logger.js';
import type { Payments } from '../payment/payments.js';
import type { OutboxService } from '../outbox/outbox-service.js';
import type { PlatformCase } from '../platform/cases-schemas.js';
import type { PlatformClient } from '../platform/client.js';
import type { AuditLog } from '../store/audit.js';
import { flowDefinitions } from './definitions/index.js';
import { FlowRegistry } from './registry.js';
import { applyCommitmentStep } from './steps/apply-commitment.js';
import { applyFormStep } from './steps/apply-form.js';
import { applyGuideStep, type MatterNotice } from './steps/apply-guide.js';
import { applyLicencesStep } from './steps/apply-licences.js';
import { applyMaterialsStep } from './steps/apply-materials.js';
import type { CardHolder } from './steps/apply-prefill.js';
import { applyReadinessStep, scannerReady } from './steps/apply-readiness.js';
import { applyReceiptStep } from './steps/apply-receipt.js';
import { applyReviewStep } from './steps/apply-review.js';
import { applySubmitStep } from './steps/apply-submit.js';
import { caseDetailStep } from './steps/case-detail.js';
import type { HeldApplications } from './steps/case-data.js';
import { caseListStep } from './steps/case-list.js';
import { copiesStep } from './steps/copies.js';
import { doneStep } from './steps/done.js';
import { evaluateStep } from './steps/evaluate.js';
import { identifyStep, type IdentityPort } from './steps/identify.js';
import { issueProofStep } from './steps/issue-proof.js';
import { payChargeStep } from './steps/pay-charge.js';
import { payConfirmStep } from './steps/pay-confirm.js';
import { payNoticeStep } from './steps/pay-notice.js';
import { payPaidStep } from './steps/pay-paid.js';
import { previewStep } from './steps/preview.js';
import { printDocumentStep } from './steps/print-document.js';
import { printSlipStep } from './steps/print-slip.js';
import { progressIdentifyStep } from './steps/progress-identify.js';
import { readinessStep } from './steps/readiness.js';
import { receiptStep } from './steps/receipt.js';
import { takeDocumentStep } from './steps/take-document.js';
import type { StepHandler } from './types.js';

/** The services step handlers may use; each handler is given only its part. */
export interface StepServices {
  printer: () => DocumentPrinter | null;
  receiptPrinter: () => ReceiptPrinter | null;
  identity: IdentityPort & { applicant(): { name: string; idNumber: string } | null; cardReader(): boolean };
  platform: PlatformClient | null;
  outbox: Pick<OutboxService, 'submit'>;
  audit: AuditLog;
  terminal: { id: string; hotline: string; timeZone: string };
  documents: { a4Slip: (c: PlatformCase) => Promise<Uint8Array>; receiptSlip: (c: PlatformCase) => ReceiptDocument };
  now: () => Date;
  log: Logger;
  /** Paying at the terminal (absent: the pay flow's steps answer that payment is unavailable). */
  payments?: () => Payments | null;
  paymentScanner?: () => PaymentScanner | null;
  /** Keeps the session from timing out while a payment is not final; returns the release. */
  holdSession?: (reason: string) => () => void;
  /** Applying at the terminal: the platform side (absent: the apply flow's steps say applying is unavailable). */
  apply?: () => ApplyPort | null;
  /** The document scanner (eSCL or SANE) for the apply flow's materials. */
  scanner?: () => DocumentScanner | null;
  /** The document camera (高拍仪, a UVC camera the screen opens): the label of its video device, null for any. */
  documentCamera?: () => { label: string | null } | null;
  /** The apply flow: what the card read in this session says of its holder (core-side only), for the form's prefill. */
  cardHolder?: () => CardHolder | null;
  /** The apply flow: the catalog's guide of a matter (一次告知 repeats its conditions and time limit; the receipt its agency). */
  matterGuide?: (matterId: string) => (MatterNotice & { agency: string }) | null;
  /** The outlet the terminal stands in, printed on the 受理回执. */
  outlet?: string;
  /** The progress query: applications saved at this terminal (waiting, delivered or refused), by holder or local reference. */
  heldApplications?: () => HeldApplications | null;
  /** A matter's name from the catalog (null when the catalog does not have it). */
  matterName?: (matterId: string) => string | null;
}

/** Every step handler the product ships, built with the services it needs. */
export function builtInStepHandlers(s: StepServices): StepHandler<never>[] {
  return [
    readinessStep({ printer: s.printer }),
    identifyStep({ identity: s.identity }),
    issueProofStep({ platform: s.platform, applicant: () => s.identity.applicant(), log: s.log }),
    previewStep(),
    copiesStep(),
    printDocumentStep({ printer: s.printer, audit: s.audit, log: s.log }),
    takeDocumentStep({ receiptPrinter: () => s.receiptPrinter() !== null }),
    receiptStep({ receiptPrinter: s.receiptPrinter, terminal: s.terminal, now: s.now }),
    evaluateStep({ outbox: s.outbox, now: s.now }),
    doneStep(),
    progressIdentifyStep({
      identity: s.identity,
      cardReader: () => s.identity.cardReader(),
      references: () => (s.heldApplications?.() ?? null) !== null,
    }),
    caseListStep({
      platform: s.platform,
      holderIdNumber: () => s.identity.applicant()?.idNumber ?? null,
      held: s.heldApplications,
      matterName: s.matterName,
    }),
    caseDetailStep({ a4: () => s.printer() !== null, receipt: () => s.receiptPrinter() !== null }),
    printSlipStep({ printer: s.printer, receiptPrinter: s.receiptPrinter, ...s.documents }),
    ...paySteps(s),
    applyMaterialsStep({
      scanner: s.scanner ?? (() => null),
      camera: s.documentCamera ?? (() => null),
      apply: s.apply ?? (() => null),
      applicant: () => s.identity.applicant(),
      audit: s.audit,
      log: s.log,
      now: s.now,
    }),
    ...applySteps(s),
  ] as StepHandler<never>[];
}

/** The apply flow's own steps (its materials step is above, with the scanner and the camera). */
function applySteps(s: StepServices): StepHandler<never>[] {
  const apply = s.apply ?? (() => null);
  const applicant = () => s.identity.applicant();
  const cardHolder = s.cardHolder ?? (() => null);
  const guide = s.matterGuide ?? (() => null);
  const scanner = s.scanner;
  return [
    applyGuideStep({ apply, applicant, notice: guide }),
    applyReadinessStep({
      printer: s.printer,
      scanner: scanner ? (signal) => scannerReady(scanner(), signal) : null,
      camera: () => (s.documentCamera?.() ?? null) !== null,
    }),
    applyLicencesStep({ apply, applicant, audit: s.audit, now: s.now }),
    applyFormStep({ cardHolder }),
    applyReviewStep({ cardHolder }),
    applyCommitmentStep({ now: s.now }),
    applySubmitStep({ apply, applicant, holdSession: s.holdSession ?? (() => () => undefined), audit: s.audit, log: s.log }),
    applyReceiptStep({
      printer: s.printer,
      receiptPrinter: s.receiptPrinter,
      applicant,
      agency: (id) => guide(id)?.agency ?? null,
      terminal: { ...s.terminal, outlet: s.outlet ?? '' },
      audit: s.audit,
      now: s.now,
    }),
  ] as StepHandler<never>[];
}

/** The registry of shipped flows on the given handlers (consistency checked as each flow is added). */
export function buildFlowRegistry(handlers: StepHandler<never>[]): FlowRegistry {
  const registry = new FlowRegistry();
  for (const h of handlers) registry.handler(h);
  for (const f of flowDefinitions) registry.flow(f);
  return registry;
}

function paySteps(s: StepServices): StepHandler<never>[] {
  const payments = s.payments ?? (() => null);
  const scanner = s.paymentScanner ?? (() => null);
  return [
    payNoticeStep({ payments, scanner }),
    payConfirmStep({ scanner: () => scanner() !== null }),
    payChargeStep({ payments, scanner, holdSession: s.holdSession ?? (() => () => undefined), now: s.now }),
    payPaidStep({ payments, receiptPrinter: s.receiptPrinter, printer: s.printer, terminal: s.terminal }),
  ] as StepHandler<never>[];
}

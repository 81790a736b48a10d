import { z } from 'zod';
import { CaseSchema } from '../platform/cases-schemas.js';
import { applyStepViews } from './apply-views.js';

/**
 * What each step shows, as the UI receives it in the `flow.state` event. One schema per step handler, joined in a
 * discriminated union on `step`; the bridge contract imports it from here. Views carry no full ID number or address.
 */
export const evaluationReasons = ['wait', 'attitude', 'process', 'information', 'device', 'result'] as const;
export type EvaluationReason = (typeof evaluationReasons)[number];

/** A case as the resident sees it: the platform's reply, whose holder name arrives masked and carries no ID number. */
export const CaseViewSchema = CaseSchema;
export const CaseSummaryViewSchema = CaseSchema.pick({ caseNumber: true, matter: true, submittedAt: true, state: true });
export type CaseSummaryView = z.infer<typeof CaseSummaryViewSchema>;

/**
 * An application saved at this terminal, by its local reference (ZD…): waiting for the platform, delivered (its case
 * number and query code), or refused by the platform after the resident left (the platform's words). No applicant data.
 */
export const HeldApplicationViewSchema = z.object({
  localReference: z.string(),
  matter: z.object({ id: z.string(), name: z.string().nullable() }),
  savedAt: z.string(),
  outcome: z.enum(['queued', 'accepted', 'refused']),
  caseNumber: z.string().nullable(),
  queryCode: z.string().nullable(),
  message: z.string().nullable(),
});
export type HeldApplicationView = z.infer<typeof HeldApplicationViewSchema>;

export const StepViewSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('working'), messageKey: z.string() }),
  z.object({ step: z.literal('identify'), messageKey: z.string().nullable() }),
  z.object({ step: z.literal('preview'), caseId: z.string(), pages: z.number(), masked: z.boolean() }),
  z.object({ step: z.literal('copies'), copies: z.number(), max: z.number() }),
  z.object({ step: z.literal('printing'), pagesDone: z.number(), pages: z.number() }),
  z.object({ step: z.literal('takeDocument'), receiptAvailable: z.boolean() }),
  z.object({ step: z.literal('evaluate'), caseId: z.string(), reasons: z.array(z.enum(evaluationReasons)) }),
  z.object({
    step: z.literal('done'),
    caseId: z.string().nullable(),
    receipt: z.object({ printed: z.boolean(), messageKey: z.string().nullable() }).nullable(),
  }),
  z.object({
    step: z.literal('progressIdentify'),
    cardReader: z.boolean(),
    messageKey: z.string().nullable(),
    /** Whether a local reference from a 受理回执 can be typed (this terminal keeps applications). */
    byReference: z.boolean().default(false),
  }),
  z.object({
    step: z.literal('caseList'),
    cases: z.array(CaseSummaryViewSchema),
    byCode: z.boolean(),
    /** The holder's applications this terminal still holds (waiting, or refused after they left), newest first. */
    held: z.array(HeldApplicationViewSchema).default([]),
    /** The platform could not be asked: `cases` is empty because of that, not because there are none. */
    platformUnavailable: z.boolean().default(false),
  }),
  /** One application found by the local reference typed from its 受理回执. */
  z.object({ step: z.literal('heldApplication'), application: HeldApplicationViewSchema }),
  z.object({
    step: z.literal('caseDetail'),
    case: CaseViewSchema,
    slips: z.object({ a4: z.boolean(), receipt: z.boolean() }),
    slipPrinted: z.enum(['a4', 'receipt']).nullable(),
  }),
  z.object({ step: z.literal('payNotice'), scanner: z.boolean(), messageKey: z.string().nullable() }),
  z.object({
    step: z.literal('payConfirm'),
    notice: z.object({
      noticeNo: z.string(),
      payer: z.string(), // masked by the platform
      item: z.string(),
      agency: z.string(),
      amountFen: z.number(),
      lateFeeFen: z.number(),
      totalFen: z.number(),
      dueDate: z.string(),
    }),
    scanner: z.boolean(),
  }),
  z.object({
    step: z.literal('payAwait'),
    totalFen: z.number(),
    method: z.enum(['code', 'qr']),
    codeUrl: z.string().nullable(),
    messageKey: z.string().nullable(),
  }),
  z.object({
    step: z.literal('payWaiting'),
    totalFen: z.number(),
    passwordAsked: z.boolean(),
    waitingUntil: z.string().nullable(),
    canceling: z.boolean(),
  }),
  z.object({
    step: z.literal('payPaid'),
    item: z.string(),
    totalFen: z.number(),
    invoice: z.object({ invoiceCode: z.string(), invoiceNumber: z.string(), checkCode: z.string() }).nullable(),
    invoicePrintable: z.boolean(),
    printed: z.object({ receipt: z.boolean(), invoice: z.boolean(), messageKey: z.string().nullable() }),
  }),
  z.object({
    step: z.literal('materials'),
    materials: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        required: z.boolean(),
        deferrable: z.boolean(),
        pagesHint: z.number(),
        /** The resident's licences that can replace it (numbers masked by the platform). */
        licences: z.array(
          z.object({ id: z.string(), name: z.string(), maskedNumber: z.string(), issuer: z.string(), validUntil: z.string().nullable() }),
        ),
        /** Ways to capture it on this terminal. */
        sources: z.array(z.enum(['platen', 'feeder', 'camera'])),
        choice: z.enum(['none', 'licence', 'scan', 'deferred']),
        licenceId: z.string().nullable(),
        /** Captured pages; their previews come with `flow.pagePreview`. */
        pages: z.array(
          z.object({
            id: z.string(),
            quality: z.enum(['ok', 'blank', 'tooDark', 'tooLight']),
            rotation: z.number(),
            source: z.enum(['platen', 'feeder', 'camera']),
          }),
        ),
      }),
    ),
    current: z.number(),
    /** A scan under way: pages received so far. */
    scanning: z.object({ materialId: z.string(), source: z.enum(['platen', 'feeder']), pages: z.number() }).nullable(),
    problem: z
      .object({
        materialId: z.string(),
        messageKey: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      })
      .nullable(),
    /** Label (or part of it) of the document camera's video device, for the screen to pick it; null: any camera. */
    cameraLabel: z.string().nullable(),
    /** Every required material has a usable choice and no page waits to be scanned again. */
    ready: z.boolean(),
  }),
  ...applyStepViews,
]);
export type StepView = z.infer<typeof StepViewSchema>;

export const FailureViewSchema = z.object({
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  qrUrl: z.string().nullable().optional(),
  actions: z.array(z.enum(['retry', 'back', 'home', 'skip'])),
});

/** The whole visible state of the running flow: pushed on every change, fetched again after a UI reload. */
export const FlowStateSchema = z.object({
  runId: z.string(),
  flowId: z.string(),
  matter: z.object({ id: z.string(), name: z.string(), guideUrl: z.string().nullable() }).nullable(),
  stepId: z.string(),
  /** 1-based position among the steps the resident sees, and how many there are. */
  position: z.number(),
  count: z.number(),
  status: z.enum(['working', 'waiting', 'failed']),
  view: StepViewSchema,
  failure: FailureViewSchema.nullable(),
  canBack: z.boolean(),
  /** Increases with every change; an answer names the state it answers so a stale one is refused. */
  seq: z.number(),
});
export type FlowState = z.infer<typeof FlowStateSchema>;

import { z } from 'zod';

/**
 * What the apply flow's steps (办事) show, joined into `StepViewSchema` in views.ts. Values are as the screen may show
 * them: ID numbers masked, an address read from the card cut short; a field the resident types keeps its text.
 */

const FieldErrorSchema = z.union([
  z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  z.object({ text: z.string() }),
]);
export type FieldErrorView = z.infer<typeof FieldErrorSchema>;

export const ApplyFieldViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  type: z.enum(['text', 'idNumber', 'phone', 'date', 'select', 'region', 'address', 'number', 'checkbox']),
  input: z.enum(['chinese', 'latin', 'digits']),
  required: z.boolean(),
  help: z.string().nullable(),
  maxLength: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
  /** The value to edit (text, number, checkbox, choice, region code); null when empty or only shown masked. */
  value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  /** The value as shown (masked ID number, a choice's label, a region's name); null when nothing is there. */
  shown: z.string().nullable(),
  /** Filled in without typing: from the card or an authorised e-licence. Such a field is shown, not asked. */
  prefilled: z.enum(['card', 'licence']).nullable(),
  error: FieldErrorSchema.nullable(),
});
export type ApplyFieldView = z.infer<typeof ApplyFieldViewSchema>;

const MaterialHowSchema = z.enum(['licence', 'scan', 'deferred', 'missing']);

export const applyStepViews = [
  z.object({
    step: z.literal('applyGuide'),
    materials: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        required: z.boolean(),
        deferrable: z.boolean(),
        /** The resident's e-licence that can replace it (免证办), or null: paper. */
        licence: z.object({ name: z.string(), issuer: z.string() }).nullable(),
      }),
    ),
    conditions: z.array(z.string()),
    timeLimit: z.object({ instant: z.boolean(), legalDays: z.number().nullable(), promisedDays: z.number().nullable() }).nullable(),
    /** Devices this resident will use: the scanner only when paper remains. */
    needs: z.array(z.enum(['scanner', 'printer'])),
    /** The e-licence library could not be reached (platform down): every material is paper this time. */
    licencesUnavailable: z.boolean(),
  }),
  z.object({
    step: z.literal('applyReadiness'),
    /** What is not ready, and what that means for the resident (keys under apply.readiness). */
    notices: z.array(z.object({ messageKey: z.string(), reasonKey: z.string().nullable() })),
  }),
  z.object({
    step: z.literal('applyLicences'),
    licences: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        maskedNumber: z.string(),
        issuer: z.string(),
        validUntil: z.string().nullable(),
        /** Names of the materials it replaces and labels of the fields it fills. */
        replaces: z.array(z.string()),
        fills: z.array(z.string()),
        authorised: z.boolean(),
      }),
    ),
  }),
  z.object({
    step: z.literal('applyForm'),
    group: z.object({ id: z.string(), title: z.string(), index: z.number(), count: z.number() }),
    fields: z.array(ApplyFieldViewSchema),
    canPrevious: z.boolean(),
    /** Came from the review: "done" goes back to it. */
    editing: z.boolean(),
  }),
  z.object({
    step: z.literal('applyReview'),
    groups: z.array(z.object({ id: z.string(), title: z.string(), editable: z.boolean(), fields: z.array(ApplyFieldViewSchema) })),
    licences: z.array(z.object({ id: z.string(), name: z.string() })),
    canEditLicences: z.boolean(),
    materials: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        required: z.boolean(),
        how: MaterialHowSchema,
        pages: z.number().nullable(),
        licenceName: z.string().nullable(),
      }),
    ),
    messageKey: z.string().nullable(),
  }),
  z.object({
    step: z.literal('applyCommitment'),
    text: z.string(),
    version: z.string(),
    /** Why the last signature was refused (empty, too small, returned by the platform), or null. */
    messageKey: z.string().nullable(),
    /** The platform's own words when it returned the signature. */
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
  z.object({
    step: z.literal('applySubmitting'),
    phase: z.enum(['saving', 'uploading', 'submitting']),
    bytesDone: z.number(),
    bytesTotal: z.number(),
  }),
  z.object({
    step: z.literal('applyReceipt'),
    outcome: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('accepted'),
        caseNumber: z.string(),
        queryCode: z.string(),
        status: z.enum(['accepted', 'needsReview']),
        promisedDate: z.string().nullable(),
      }),
      /** Saved on the terminal, not yet with the platform: never called submitted. */
      z.object({ kind: z.literal('queued'), localReference: z.string() }),
    ]),
    printed: z.object({ a4: z.boolean(), slip: z.boolean(), messageKey: z.string().nullable() }),
    canReprint: z.boolean(),
  }),
] as const;

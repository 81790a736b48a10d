import { z } from 'zod';
import type { AcceptedCase, CrossFieldRule, ELicence, FormField, FormMaterial, MatterForm } from '../apply/apply-types.js';

/**
 * Replies of the applications API (openapi.yaml, tag applications), producing exactly the shapes of
 * main/core/apply/apply-types.ts. A form that could not be shown or checked (a select without choices, a pattern
 * that does not compile, a rule about a field that does not exist) is refused here, naming where.
 */

const label = z.string().min(1).max(200);
const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/);
const words = z.string().max(500);

const PrefillSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('card'), field: z.enum(['name', 'idNumber', 'sex', 'birthDate', 'address', 'nation']) }),
  z.object({ from: z.literal('licence'), licenceType: label, field: id }),
]);

const compiles = (pattern: string) => {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
    return true;
  } catch {
    return false;
  }
};

export const FormFieldSchema: z.ZodType<FormField> = z
  .object({
    id,
    label,
    type: z.enum(['text', 'idNumber', 'phone', 'date', 'select', 'region', 'address', 'number', 'checkbox']),
    required: z.boolean(),
    help: words.nullable(),
    pattern: z.string().max(300).refine(compiles, 'is not a regular expression').nullable(),
    patternMessage: words.nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    maxLength: z.number().int().min(1).max(2000).nullable(),
    options: z
      .array(z.object({ value: z.string().min(1).max(100), label }))
      .max(500)
      .nullable(),
    prefill: PrefillSchema.nullable(),
    input: z.enum(['chinese', 'latin', 'digits']),
  })
  .superRefine((f, ctx) => {
    if (f.type === 'select' && !f.options?.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select needs choices' });
    if (f.min !== null && f.max !== null && f.min > f.max) ctx.addIssue({ code: 'custom', path: ['min'], message: 'min is above max' });
  });

const RuleSchema: z.ZodType<CrossFieldRule> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('requiredIf'),
    field: id,
    when: z.object({ field: id, equals: z.union([z.string().max(100), z.boolean()]) }),
    message: words,
  }),
  z.object({ kind: z.literal('dateNotBefore'), field: id, other: id, message: words }),
  z.object({ kind: z.literal('differs'), field: id, other: id, message: words }),
]);

const MaterialSchema: z.ZodType<FormMaterial> = z.object({
  id,
  name: label,
  required: z.boolean(),
  deferrable: z.boolean(),
  licenceTypes: z.array(label).max(20),
  pagesHint: z.number().int().min(1).max(100),
  sources: z
    .array(z.enum(['platen', 'feeder', 'camera']))
    .min(1)
    .max(3),
});

export const MatterFormSchema: z.ZodType<MatterForm> = z
  .object({
    matterId: z.string().min(1).max(120),
    version: z.string().min(1).max(50),
    groups: z
      .array(z.object({ id, title: label, fields: z.array(FormFieldSchema).min(1).max(100) }))
      .min(1)
      .max(30),
    rules: z.array(RuleSchema).max(100),
    materials: z.array(MaterialSchema).max(50),
    commitment: z.object({ version: z.string().min(1).max(50), text: z.string().min(1).max(10_000) }).nullable(),
  })
  .superRefine((form, ctx) => {
    const ids = new Set<string>();
    form.groups.forEach((g, gi) =>
      g.fields.forEach((f, fi) => {
        if (ids.has(f.id)) ctx.addIssue({ code: 'custom', path: ['groups', gi, 'fields', fi, 'id'], message: `field ${f.id} twice` });
        ids.add(f.id);
      }),
    );
    form.rules.forEach((r, ri) => {
      const named = r.kind === 'requiredIf' ? [r.field, r.when.field] : [r.field, r.other];
      for (const n of named)
        if (!ids.has(n))
          ctx.addIssue({ code: 'custom', path: ['rules', ri], message: `rule names field ${n}, which the form does not have` });
    });
    const materials = new Set<string>();
    form.materials.forEach((m, mi) => {
      if (materials.has(m.id)) ctx.addIssue({ code: 'custom', path: ['materials', mi, 'id'], message: `material ${m.id} twice` });
      materials.add(m.id);
    });
  });

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}/);

export const ELicenceSchema: z.ZodType<ELicence> = z.object({
  id: z.string().min(1).max(64),
  type: label,
  name: label,
  // the list never carries a whole number: at least one masking character
  maskedNumber: z.string().max(64).regex(/\*/, 'must be masked'),
  issuer: label,
  validFrom: date,
  validUntil: date.nullable(),
  fields: z.array(id).max(50),
});

export const LicenceListSchema = z.object({ licences: z.array(ELicenceSchema).max(100) });

export const LicenceAuthorisationSchema = z.object({
  licenceId: z.string(),
  authorisationId: z.string().min(1).max(64),
  values: z.record(id, z.string().max(500)),
});

export const UploadSchema = z
  .object({
    uploadId: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/),
    size: z.number().int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    chunkSize: z
      .number()
      .int()
      .min(1024)
      .max(8 * 1024 * 1024),
    chunkCount: z.number().int().min(1),
    received: z.array(z.number().int().min(0)),
    complete: z.boolean(),
  })
  .superRefine((u, ctx) => {
    if (u.chunkCount !== Math.max(1, Math.ceil(u.size / u.chunkSize)))
      ctx.addIssue({ code: 'custom', path: ['chunkCount'], message: 'does not agree with size and chunkSize' });
    if (u.received.some((n) => n >= u.chunkCount))
      ctx.addIssue({ code: 'custom', path: ['received'], message: 'names a chunk past the end' });
  });
export type UploadState = z.infer<typeof UploadSchema>;

export const SubmissionReplySchema = z.object({
  caseNumber: z.string().min(1).max(64),
  queryCode: z.string().min(4).max(12),
  status: z.enum(['accepted', 'needsReview']),
  promisedDate: date.nullable(),
  delivery: z.array(z.enum(['window', 'post', 'electronic', 'print'])).max(4),
  queryUrl: z
    .string()
    .max(500)
    .regex(/^https?:\/\//)
    .nullable(),
  duplicate: z.boolean(),
});

/** The reply as the apply steps see it (without the platform's duplicate flag). */
export const toAcceptedCase = (r: z.infer<typeof SubmissionReplySchema>): AcceptedCase => ({
  caseNumber: r.caseNumber,
  queryCode: r.queryCode,
  status: r.status,
  promisedDate: r.promisedDate,
  delivery: r.delivery,
  queryUrl: r.queryUrl,
});

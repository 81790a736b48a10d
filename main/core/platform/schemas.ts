import { z } from 'zod';

/** Reply schemas of the platform API (`openapi.yaml` next to this file is the reference; keep both in step). */

export const matterTypeCodes = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20'] as const;
export const terminalFlows = ['query', 'printProof', 'apply', 'pay', 'pickUp'] as const;
export const lifeEvents = [
  'birth',
  'schooling',
  'employment',
  'marriage',
  'retirement',
  'afterDeath',
  'housing',
  'residence',
  'socialSecurity',
  'medical',
  'travel',
  'business',
] as const;

const text = z.string().max(4000);

export const MaterialSchema = z.object({
  name: z.string().min(1).max(500),
  form: z.enum(['original', 'copy', 'originalAndCopy', 'electronic']),
  copies: z.number().int().min(0).nullable(),
  notes: text.nullable(),
  electronicLicence: z.boolean(),
  deferrable: z.boolean(),
});

/**
 * A matter's guide in another language, as the publisher provides it (names, conditions, materials, process, time
 * limit note). Lists line up one to one with the Chinese ones; what it does not carry (hall, legal basis, fees) stays
 * Chinese. Keys of `translations` are language codes (en, ug); Chinese is the matter itself.
 */
export const MatterTranslationSchema = z
  .object({
    name: z.string().min(1).max(300),
    agency: z.string().min(1).max(300).nullable().optional(),
    conditions: z.array(text),
    /** the materials' names, in the order of `materials` */
    materials: z.array(z.string().min(1).max(500)),
    /** the materials' notes, in the order of `materials` (null where the Chinese has none); absent: notes untranslated */
    materialNotes: z.array(text.nullable()).optional(),
    process: z.array(text),
    timeLimitNote: text.nullable(),
    resultName: z.string().max(300).nullable().optional(),
  })
  .strict();
export const translationLanguage = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;

export const MatterSchema = z
  .object({
    id: z.string().min(1).max(120),
    name: z.string().min(1).max(200),
    aliases: z.array(z.string().min(1).max(200)),
    basicCode: z.string().max(200).nullable(),
    implementationCode: z.string().max(200).nullable(),
    localCode: z.string().max(200).nullable(),
    typeCode: z.enum(matterTypeCodes).nullable(),
    audience: z.array(z.enum(['person', 'legal'])).min(1),
    agency: z.string().max(300),
    department: z.string().max(300).nullable(),
    region: z.string().max(300).nullable(),
    /** GB/T 2260 code of the implementing region; older platforms omit it. */
    regionCode: z
      .string()
      .regex(/^\d{6}(\d{6})?$/)
      .nullable()
      .optional(),
    legalBasis: text.nullable(),
    conditions: z.array(text),
    materials: z.array(MaterialSchema),
    timeLimit: z.object({
      legalDays: z.number().int().min(0).nullable(),
      promisedDays: z.number().int().min(0).nullable(),
      instant: z.boolean(),
      note: text.nullable(),
    }),
    fee: z.object({ free: z.boolean(), amount: z.string().max(200).nullable(), basis: text.nullable() }),
    result: z.object({
      type: z.enum(['certificate', 'licence', 'approval', 'proof', 'record', 'none']),
      name: z.string().max(300).nullable(),
      sampleUrl: z.string().max(1000).nullable(),
      delivery: z.array(z.enum(['print', 'window', 'post', 'electronic'])),
    }),
    process: z.array(text),
    channels: z.object({
      window: z.boolean(),
      online: z.boolean(),
      terminal: z.object({ flows: z.array(z.enum(terminalFlows)).min(1) }).nullable(),
    }),
    tongban: z.enum(['local', 'city', 'province', 'crossProvince']),
    lifeEvents: z.array(z.enum(lifeEvents)),
    hall: z
      .object({ name: z.string().max(300), address: z.string().max(500), hours: z.string().max(300), phone: z.string().max(50).nullable() })
      .nullable(),
    guideUrl: z.string().max(1000).nullable(),
    popularity: z.number().int().min(0).max(100),
    source: z.string().max(1000),
    synthetic: z.array(z.string().max(64)),
    /** The guide in other languages (platforms without translations omit it). */
    translations: z
      .record(z.string().regex(translationLanguage), MatterTranslationSchema)
      .refine((r) => Object.keys(r).length <= 10, { message: 'at most 10 translations' })
      .optional(),
  })
  .superRefine((m, ctx) => {
    // a translation that does not line up with the Chinese guide would put a condition or material against the wrong one
    for (const [lang, tr] of Object.entries(m.translations ?? {})) {
      for (const field of ['conditions', 'materials', 'process'] as const)
        if (tr[field].length !== m[field].length)
          ctx.addIssue({
            code: 'custom',
            path: ['translations', lang, field],
            message: `${tr[field].length} ${field} in ${lang}, ${m[field].length} in Chinese`,
          });
      if (tr.materialNotes && tr.materialNotes.length !== m.materials.length)
        ctx.addIssue({
          code: 'custom',
          path: ['translations', lang, 'materialNotes'],
          message: `${tr.materialNotes.length} material notes in ${lang}, ${m.materials.length} materials in Chinese`,
        });
      if ((tr.timeLimitNote === null) !== (m.timeLimit.note === null))
        ctx.addIssue({
          code: 'custom',
          path: ['translations', lang, 'timeLimitNote'],
          message: 'time limit note does not match the Chinese one',
        });
    }
  });

export const ChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), matter: MatterSchema }).strict(),
  z.object({ op: z.literal('delete'), id: z.string().min(1).max(120) }).strict(),
]);

export const CatalogPageSchema = z.object({
  since: z.number().int().min(0),
  version: z.number().int().min(1),
  total: z.number().int().min(0),
  nextCursor: z.string().max(200).nullable(),
  changes: z.array(ChangeSchema),
});

export const EvaluationSchema = z
  .object({
    idempotencyKey: z.string().min(8).max(64),
    caseId: z.string().min(1).max(100),
    matterId: z.string().min(1).max(120),
    level: z.number().int().min(1).max(5),
    reasons: z.array(z.string().min(1).max(100)).max(10),
    comment: z.string().max(500).nullable(),
    evaluatedAt: z.string(),
  })
  .refine((e) => e.level > 2 || e.reasons.length > 0, { message: 'a dissatisfied evaluation names its reasons', path: ['reasons'] });
export const EvaluationAckSchema = z.object({ accepted: z.literal(true), duplicate: z.boolean(), evaluationId: z.string() });
export type Evaluation = z.infer<typeof EvaluationSchema>;

const PdfDocumentSchema = z.object({
  contentType: z.literal('application/pdf'),
  pages: z.number().int().min(1).max(200),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  base64: z.string().max(30_000_000),
});

export const ProofSchema = z.object({
  caseId: z.string().min(1).max(100),
  verificationCode: z.string().min(1).max(64),
  /** Where anyone checks the proof (its QR code): the platform's address, never one the terminal makes up. */
  verifyUrl: z.url({ protocol: /^https?$/ }).max(1000),
  issuedAt: z.string(),
  /** The proof as printed: the full ID number. */
  document: PdfDocumentSchema,
  /** The same proof for the screen, the ID number (and name) masked: what a public screen may show. */
  preview: PdfDocumentSchema,
});

export const HealthSchema = z.object({ status: z.literal('ok'), time: z.string(), catalogVersion: z.number().int().min(1) });

export const PlatformErrorBodySchema = z.object({
  // `field`: which field of the request the platform refused (422 fieldRejected on applications)
  error: z.object({ code: z.string().max(100), message: z.string().max(2000), field: z.string().max(200).optional() }),
});

export type Matter = z.infer<typeof MatterSchema>;
export type MatterMaterial = z.infer<typeof MaterialSchema>;
export type MatterTranslation = z.infer<typeof MatterTranslationSchema>;
export type CatalogChange = z.infer<typeof ChangeSchema>;
export type CatalogPage = z.infer<typeof CatalogPageSchema>;
export type TerminalFlow = (typeof terminalFlows)[number];
export type LifeEvent = (typeof lifeEvents)[number];

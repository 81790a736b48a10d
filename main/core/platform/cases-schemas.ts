import { z } from 'zod';

/**
 * Reply schemas of the progress query (查询办件进度): `POST /api/v1/cases/search` and `POST /api/v1/cases/lookup` in
 * `openapi.yaml` next to this file (keep both in step).
 */

/** 受理 · 审查 · 决定 · 办结 · 不予受理 · 补正 */
export const caseStates = ['accepted', 'reviewing', 'decided', 'completed', 'rejected', 'needsSupplement'] as const;
/** 窗口 · 网上 · 自助终端 · 移动端 */
export const caseChannels = ['window', 'online', 'terminal', 'mobile'] as const;

const isoTime = z.iso.datetime({ offset: true });
const platformText = z.string().min(1).max(500);

export const CaseEventSchema = z.object({
  at: isoTime,
  /** The case's state once this event happened (draws the progress line). */
  state: z.enum(caseStates),
  /** The platform's name of the step, e.g. 窗口受理, 科室审查, 制证, 邮件寄出. */
  title: platformText,
  note: platformText.nullable(),
});

export const DeliverySchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('window'),
    status: z.enum(['preparing', 'ready', 'collected']),
    place: platformText,
    hours: platformText.nullable(),
  }),
  z.object({
    method: z.literal('post'),
    status: z.enum(['preparing', 'sent', 'delivered']),
    carrier: platformText,
    trackingNumber: z.string().min(1).max(40).nullable(),
  }),
  z.object({
    /** 自助取件: a pick-up cabinet or terminal, opened with the resident's card. */
    method: z.literal('selfService'),
    status: z.enum(['preparing', 'ready', 'collected']),
    place: platformText,
    hours: platformText.nullable(),
  }),
  z.object({
    /** 电子证照: the result is in the resident's electronic licence wallet. */
    method: z.literal('electronic'),
    status: z.enum(['preparing', 'issued']),
  }),
]);

export const CaseResultSchema = z.object({
  /** granted: the result is issued; refused: 不予许可/不予批准; notAccepted: 不予受理 (notice instead of a result). */
  outcome: z.enum(['granted', 'refused', 'notAccepted']),
  /** What the resident receives, e.g. 普通护照, 不予受理通知书. */
  name: platformText,
  note: platformText.nullable(),
  delivery: DeliverySchema,
});

export const NextStepSchema = z.discriminatedUnion('kind', [
  z.object({
    /** 补正材料: hand in what is listed, by the deadline, where said. */
    kind: z.literal('supplement'),
    materials: z.array(z.object({ name: platformText, reason: platformText.nullable() })).min(1),
    deadline: isoTime.nullable(),
    where: platformText,
  }),
  z.object({
    /** Collect the result (window or self-service pick-up). */
    kind: z.literal('collect'),
    where: platformText,
    until: isoTime.nullable(),
  }),
]);

export const CaseSchema = z.object({
  caseNumber: z.string().min(1).max(64),
  matter: z.object({ id: z.string().min(1).max(120), name: z.string().min(1).max(200) }),
  agency: z.string().min(1).max(300),
  /** Masked by the platform (张**); a reply with a name that is not masked is refused. */
  holderName: z.string().min(1).max(100).regex(/\*/, 'the holder name must arrive masked'),
  submittedAt: isoTime,
  channel: z.enum(caseChannels),
  state: z.enum(caseStates),
  /** 承诺办结时间, when the matter has a promised time limit. */
  promisedBy: isoTime.nullable(),
  /** Oldest first; at least the submission. */
  timeline: z.array(CaseEventSchema).min(1).max(100),
  result: CaseResultSchema.nullable(),
  nextStep: NextStepSchema.nullable(),
  /** Where the resident checks this case later (printed as a QR code); the platform's own address. */
  queryUrl: z.url({ protocol: /^https?$/ }).max(1000),
});

export const CaseListSchema = z.object({ cases: z.array(CaseSchema).max(200) });
export const CaseLookupSchema = z.object({ case: CaseSchema });

export type CaseState = (typeof caseStates)[number];
export type CaseChannel = (typeof caseChannels)[number];
export type CaseEvent = z.infer<typeof CaseEventSchema>;
export type CaseDelivery = z.infer<typeof DeliverySchema>;
export type CaseResult = z.infer<typeof CaseResultSchema>;
export type CaseNextStep = z.infer<typeof NextStepSchema>;
export type PlatformCase = z.infer<typeof CaseSchema>;

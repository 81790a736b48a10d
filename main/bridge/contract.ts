import { z } from 'zod';
import { DeviceStatusSchema, SelfTestResultSchema } from '../../devices/core/status.js';
import { CatalogStatusSchema, coreEvents, IdentitySnapshotSchema, SessionSnapshotSchema } from '../core/events.js';
import { FlowStateSchema } from '../core/flows/views.js';
import { LockdownAttemptSchema } from '../core/lockdown/attempts.js';

export { blockedShortcut, lockdownAttemptKinds, type KeyPress, type LockdownAttemptKind } from '../core/lockdown/attempts.js';
import { FleetDisplaySchema } from '../core/fleet/display.js';

export { CatalogStatusSchema, IdentitySnapshotSchema, SessionSnapshotSchema };
import { lifeEvents, MatterSchema, terminalFlows } from '../core/platform/schemas.js';
import { promptIds } from '../core/speech/prompts.js';
import { paymentStates } from '../core/payment/states.js';
import { gatewayOrderStates } from '../core/platform/payments-schemas.js';

/** The spoken prompt of each screen and step (voice guidance; texts in main/core/speech/prompts.ts). */
export { promptIds };
export type PromptId = (typeof promptIds)[number];

/**
 * The one bridge contract between the kiosk core and the touch UI. Both transports (Electron IPC and the
 * browser-mode WebSocket) carry exactly these messages and validate them on arrival. `Api` is derived from
 * this object; adding a call means adding it here, one handler, and the UI that uses it.
 */

export const TerminalInfoSchema = z.object({
  terminalId: z.string(),
  terminalName: z.string(),
  outlet: z.string(),
  hotline: z.string(),
  /** IANA zone every time on screen is written in (config `terminal.timeZone`). */
  timeZone: z.string(),
  version: z.string(),
  runtime: z.enum(['electron', 'browser']),
  startedAt: z.string(),
  uptimeSeconds: z.number(),
  languages: z.array(z.string()),
  defaultLanguage: z.string(),
  devices: z.array(DeviceStatusSchema),
});

/** One order of a 对账 day as the journal and the platform each see it (no payer data: the journal holds none). */
const ReconciliationRowSchema = z.object({
  orderId: z.string(),
  noticeNo: z.string(),
  item: z.string(),
  amountFen: z.number().int(),
  journalState: z.enum(paymentStates).nullable(),
  platformState: z.enum(gatewayOrderStates).nullable(),
  agree: z.boolean(),
});

export const PaymentsReconciliationSchema = z.object({
  date: z.string(),
  /** False when the platform's statement could not be fetched: platform states and disagreements are unknown. */
  statementAvailable: z.boolean(),
  rows: z.array(ReconciliationRowSchema),
  totals: z.object({ orders: z.number(), paid: z.number(), paidFen: z.number(), platformPaidFen: z.number().nullable() }),
  disagreements: z.array(ReconciliationRowSchema),
  unfinished: z.array(
    z.object({
      orderId: z.string(),
      noticeNo: z.string(),
      item: z.string(),
      amountFen: z.number().int(),
      state: z.enum(paymentStates),
      updatedAt: z.string(),
    }),
  ),
});
export type PaymentsReconciliation = z.infer<typeof PaymentsReconciliationSchema>;

export const PaymentRequeryResultSchema = z.object({
  orderId: z.string(),
  state: z.enum(paymentStates),
  /** False when the order was still not final when the call answered (it goes on settling in the background). */
  final: z.boolean(),
  failure: z.string().nullable(),
  moneyReturned: z.boolean().nullable(),
});

export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  type: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

export const MatterSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  popularity: z.number(),
  terminal: z.boolean(),
  /** The name in other languages (language code → name) where the publisher translated it. */
  names: z.record(z.string(), z.string()).optional(),
});

export const SearchHitSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The name in other languages (language code → name) where the publisher translated it. */
  names: z.record(z.string(), z.string()).optional(),
  department: z.string().nullable(),
  terminal: z.boolean(),
  score: z.number(),
  kind: z.enum(['exact', 'prefix', 'substring', 'pinyin', 'initials', 'gapped', 'partial', 'fuzzy']),
  viaAlias: z.string().nullable(),
  otherImplementations: z.number(),
  /** The implementing region's name when the matter is implemented outside this terminal's region. */
  region: z.string().nullable(),
});

const empty = z.object({}).strict();

export const contract = {
  requests: {
    /** Everything the UI needs on (re)connect: terminal info and the current session. */
    'kiosk.snapshot': {
      params: empty,
      result: z.object({
        terminal: TerminalInfoSchema,
        session: SessionSnapshotSchema,
        identity: IdentitySnapshotSchema,
        catalog: CatalogStatusSchema,
        flow: FlowStateSchema.nullable(),
      }),
    },
    'terminal.info': { params: empty, result: TerminalInfoSchema },
    /** The resident's identity in this session (name and masked number only). */
    'identity.current': { params: empty, result: IdentitySnapshotSchema },
    'session.start': { params: z.object({ trigger: z.enum(['touch', 'card']) }).strict(), result: SessionSnapshotSchema },
    /** A touch or key press inside a session: resets the idle clock, dismisses the countdown. */
    'session.activity': { params: empty, result: z.null() },
    'session.end': { params: z.object({ reason: z.enum(['completed', 'canceled']) }).strict(), result: SessionSnapshotSchema },
    'session.preferences': {
      params: z.object({ elderly: z.boolean().optional(), language: z.string().max(16).optional() }).strict(),
      result: SessionSnapshotSchema,
    },
    'catalog.status': { params: empty, result: CatalogStatusSchema },
    /** Instant results as the resident types (one call per keystroke). */
    'catalog.search': {
      params: z.object({ query: z.string().max(64), limit: z.number().int().min(1).max(20).default(8) }).strict(),
      result: z.object({ hits: z.array(SearchHitSchema) }),
    },
    /** When a search found nothing: matters on the same topic (sharing a word with the query), as a way forward. */
    'catalog.nearby': {
      params: z.object({ query: z.string().max(64), limit: z.number().int().min(1).max(20).default(4) }).strict(),
      result: z.object({ hits: z.array(SearchHitSchema) }),
    },
    'catalog.browse': {
      params: z
        .object({
          audience: z.enum(['person', 'legal']).optional(),
          lifeEvent: z.enum(lifeEvents).optional(),
          department: z.string().max(300).optional(),
          terminalOnly: z.boolean().optional(),
          flow: z.enum(terminalFlows).optional(),
          sort: z.enum(['hereFirst', 'popular']).default('hereFirst'),
          page: z.number().int().min(0).max(100_000).default(0),
          pageSize: z.number().int().min(1).max(24).default(6),
        })
        .strict(),
      result: z.object({ items: z.array(MatterSummarySchema), total: z.number(), page: z.number(), pageSize: z.number() }),
    },
    'catalog.facets': {
      params: empty,
      result: z.object({
        lifeEvents: z.array(z.object({ key: z.enum(lifeEvents), count: z.number() })),
        departments: z.array(z.object({ name: z.string(), count: z.number() })),
        audience: z.object({ person: z.number(), legal: z.number() }),
      }),
    },
    /** The full guide (一次告知) of one matter; null when the catalog no longer has it. */
    'catalog.matter': {
      params: z.object({ id: z.string().min(1).max(120) }).strict(),
      /** `flow`: the flow this terminal runs for the matter ("在本机办理"), or null when it cannot do it here. */
      result: z.object({ matter: MatterSchema.nullable(), flow: z.string().nullable() }),
    },
    /**
     * Voice guidance: a screen's or step's fixed prompt, or any text, spoken in the session's language (slower in
     * 长辈模式) as a complete WAV, base64; `spoken` is the text after normalisation (numbers and dates in words).
     */
    'speech.prompt': {
      params: z.object({ id: z.enum(promptIds) }).strict(),
      result: z.object({ spoken: z.string(), audio: z.string() }),
    },
    /** The keypad's keys (config `keypad`): for each action, the KeyboardEvent codes or keys that trigger it. */
    'keypad.map': {
      params: empty,
      result: z.object({
        up: z.array(z.string()),
        down: z.array(z.string()),
        left: z.array(z.string()),
        right: z.array(z.string()),
        enter: z.array(z.string()),
        back: z.array(z.string()),
        help: z.array(z.string()),
        volumeUp: z.array(z.string()),
        volumeDown: z.array(z.string()),
      }),
    },
    'speech.say': {
      /**
       * `language`: the language the text is written in when it is not the session's (a guide only in Chinese on an
       * English screen). Text in Chinese characters is read with the Chinese voice whatever is asked.
       */
      params: z.object({ text: z.string().min(1).max(600), language: z.enum(['zh-CN', 'en', 'ug']).optional() }).strict(),
      result: z.object({ spoken: z.string(), audio: z.string() }),
    },
    /** Pinyin → Chinese candidates for the on-screen keyboard, best first; `consumed` letters each one uses up. */
    'ime.candidates': {
      params: z
        .object({
          letters: z.string().regex(/^[a-zA-Z']{1,40}$/),
          /** The characters just before the cursor (words they continue rank higher). */
          context: z.string().max(16).optional(),
          page: z.number().int().min(0).max(50).default(0),
          pageSize: z.number().int().min(1).max(12).default(8),
        })
        .strict(),
      result: z.object({
        candidates: z.array(z.object({ text: z.string(), consumed: z.number().int() })),
        page: z.number(),
        more: z.boolean(),
      }),
    },
    /** Handwritten strokes (pad pixels, y downwards) → characters, best first. */
    'handwriting.recognize': {
      params: z
        .object({
          width: z.number().positive().max(4096),
          height: z.number().positive().max(4096),
          strokes: z
            .array(
              z
                .array(z.tuple([z.number().finite().min(-4096).max(8192), z.number().finite().min(-4096).max(8192)]))
                .min(1)
                .max(400),
            )
            .min(1)
            .max(40),
          context: z.string().max(16).optional(),
          limit: z.number().int().min(1).max(20).default(10),
        })
        .strict(),
      result: z.object({ candidates: z.array(z.string()) }),
    },
    /** Starts a flow (for a matter that names it, or a matter-free one such as the progress query). */
    'flow.start': {
      params: z.object({ flowId: z.string().min(1).max(40), matterId: z.string().min(1).max(120).nullable() }).strict(),
      result: FlowStateSchema,
    },
    /** The running flow, after a UI reload (null when none). */
    'flow.current': { params: empty, result: FlowStateSchema.nullable() },
    /** The resident's answer to the waiting step; `seq` names the state it answers (stale answers are refused). */
    'flow.answer': {
      params: z.object({ runId: z.string().max(64), seq: z.number().int().min(0), answer: z.unknown() }).strict(),
      result: FlowStateSchema,
    },
    /** A way forward after a failure (retry, skip), or back to the previous step. */
    'flow.act': {
      params: z.object({ runId: z.string().max(64), action: z.enum(['retry', 'back', 'home', 'skip']) }).strict(),
      result: FlowStateSchema.nullable(),
    },
    /** Leaves the journey: the run and its data are dropped. */
    'flow.leave': { params: z.object({ runId: z.string().max(64) }).strict(), result: z.null() },
    /** The masked preview of the run's document (base64 PDF). */
    'flow.document': { params: z.object({ runId: z.string().max(64) }).strict(), result: z.object({ base64: z.string() }) },
    /** The preview of one captured page of a material in the apply flow (base64 JPEG, turned as it will be sent). */
    'flow.pagePreview': {
      params: z.object({ runId: z.string().max(64), materialId: z.string().max(80), pageId: z.string().max(80) }).strict(),
      result: z.object({ base64: z.string() }),
    },
    'maintenance.unlock': {
      params: z.object({ pin: z.string().regex(/^\d{4,12}$/) }).strict(),
      result: z.discriminatedUnion('result', [
        z.object({ result: z.literal('unlocked') }),
        z.object({ result: z.literal('rejected'), remainingAttempts: z.number() }),
        z.object({ result: z.literal('lockedOut'), retryAt: z.string() }),
      ]),
    },
    'maintenance.overview': {
      params: empty,
      result: z.object({
        devices: z.array(
          z.object({
            id: z.string(),
            kind: z.string(),
            driver: z.string(),
            transport: z.string(),
            info: z.record(z.string(), z.string()),
            status: DeviceStatusSchema,
          }),
        ),
        audit: z.array(AuditEntrySchema),
        /** Messages to the platform not yet acknowledged (evaluations, later submissions). */
        outboxDepth: z.number(),
      }),
    },
    /** Technicians: sync the catalog now; answers with the status after the attempt. */
    'maintenance.catalogSync': { params: empty, result: CatalogStatusSchema },
    /** Technicians: print the print log (recent jobs, case numbers only) on the A4 printer. */
    'maintenance.printLog': {
      params: empty,
      result: z.object({ result: z.enum(['printed', 'failed']), messageKey: z.string().nullable() }),
    },
    'maintenance.selfTest': { params: z.object({ deviceId: z.string().max(64) }).strict(), result: SelfTestResultSchema },
    /** Technicians: 对账 of one day (default today in the terminal's zone) against the platform's statement. */
    'maintenance.payments': {
      params: z
        .object({
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
        })
        .strict(),
      result: PaymentsReconciliationSchema,
    },
    /** Technicians: query the platform again about one unfinished order (never a manual "mark paid"). */
    'maintenance.paymentRequery': {
      params: z.object({ orderId: z.string().min(1).max(64) }).strict(),
      result: PaymentRequeryResultSchema,
    },
    /** Technicians: print one day's 对账单 on the A4 printer. */
    'maintenance.reconciliationPrint': {
      params: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
      result: z.object({ result: z.enum(['printed', 'failed']), messageKey: z.string().nullable() }),
    },
    'maintenance.restart': { params: empty, result: z.null() },
    'maintenance.exit': { params: empty, result: SessionSnapshotSchema },
    /** The UI blocked an escape attempt (a shortcut, a context menu, a link out, ...): the core audits them aggregated. */
    'lockdown.blocked': { params: LockdownAttemptSchema, result: z.null() },
    /** The fleet's lock screen and attract notice now (then `fleet.display` events). */
    'fleet.display': { params: empty, result: FleetDisplaySchema },
  },
  events: coreEvents,
} as const;

type Requests = typeof contract.requests;
type Events = typeof contract.events;
export type Method = keyof Requests;
export type EventName = keyof Events;
export type Params<M extends Method> = z.input<Requests[M]['params']>;
export type ParsedParams<M extends Method> = z.output<Requests[M]['params']>;
export type Reply<M extends Method> = z.output<Requests[M]['result']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export type Api = { [M in Method]: (params: Params<M>) => Promise<Reply<M>> };

export const bridgeErrorCodes = ['badMessage', 'unknownMethod', 'badParams', 'forbidden', 'unavailable', 'internal'] as const;
export const BridgeErrorSchema = z.object({
  code: z.enum(bridgeErrorCodes),
  messageKey: z.string(),
  detail: z.string(),
});
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

/** Wire envelopes. */
export const RequestMessageSchema = z
  .object({ kind: z.literal('request'), id: z.number().int().nonnegative(), method: z.string().max(64), params: z.unknown() })
  .strict();
export const ResponseMessageSchema = z.discriminatedUnion('ok', [
  z.object({ kind: z.literal('response'), id: z.number(), ok: z.literal(true), result: z.unknown() }).strict(),
  z.object({ kind: z.literal('response'), id: z.number(), ok: z.literal(false), error: BridgeErrorSchema }).strict(),
]);
export const EventMessageSchema = z.object({ kind: z.literal('event'), name: z.string(), payload: z.unknown() }).strict();

export type RequestMessage = z.infer<typeof RequestMessageSchema>;
export type ResponseMessage = z.infer<typeof ResponseMessageSchema>;
export type EventMessage = z.infer<typeof EventMessageSchema>;

export const isMethod = (m: string): m is Method => Object.hasOwn(contract.requests, m);
export const isEventName = (e: string): e is EventName => Object.hasOwn(contract.events, e);

/** Validates an event on arrival (used by the UI side of both transports). */
export function parseEvent(raw: unknown): { ok: true; name: EventName; payload: unknown } | { ok: false; detail: string } {
  const env = EventMessageSchema.safeParse(raw);
  if (!env.success) return { ok: false, detail: 'not an event envelope' };
  if (!isEventName(env.data.name)) return { ok: false, detail: `unknown event "${env.data.name}"` };
  const payload = contract.events[env.data.name].safeParse(env.data.payload);
  if (!payload.success) return { ok: false, detail: `event ${env.data.name}: ${payload.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, name: env.data.name, payload: payload.data };
}

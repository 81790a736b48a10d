import { z } from 'zod';

/**
 * The fleet wire protocol: topic names and message shapes shared by the terminal agent (main/core/fleet) and the
 * fleet service (fleet/). Nothing here may carry personal data: states, alarms and results describe the machine.
 */

export const TOPIC_ROOT = 'zwkiosk/v1';
/** Group command topics live under a segment no terminal id can take (ids are letters, digits and dashes). */
export const GROUP_SEGMENT = '_groups';
export const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export const topics = {
  state: (terminalId: string) => `${TOPIC_ROOT}/${terminalId}/state`,
  events: (terminalId: string) => `${TOPIC_ROOT}/${terminalId}/events`,
  results: (terminalId: string) => `${TOPIC_ROOT}/${terminalId}/result`,
  cmd: (terminalId: string) => `${TOPIC_ROOT}/${terminalId}/cmd`,
  groupCmd: (group: string) => `${TOPIC_ROOT}/${GROUP_SEGMENT}/${group}/cmd`,
};

/** Splits `zwkiosk/v1/<id>/<kind>` (null for group topics and anything else). */
export function parseTerminalTopic(topic: string): { terminalId: string; kind: 'state' | 'events' | 'result' | 'cmd' } | null {
  const parts = topic.split('/');
  if (parts.length !== 4 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[2] === GROUP_SEGMENT) return null;
  const kind = parts[3];
  if (kind !== 'state' && kind !== 'events' && kind !== 'result' && kind !== 'cmd') return null;
  return { terminalId: parts[2]!, kind };
}

export const DevicePresenceSchema = z.object({ kind: z.string(), status: z.string(), media: z.array(z.string()) });

export const PresenceSchema = z.object({
  online: z.boolean(),
  version: z.string(),
  catalogVersion: z.number(),
  outboxDepth: z.number(),
  unfinishedPayments: z.number(),
  inSession: z.boolean(),
  locked: z.boolean(),
  region: z.string(),
  outlet: z.string(),
  groups: z.array(z.string()),
  devices: z.record(z.string(), DevicePresenceSchema),
  /** Keys of the alarms holding now: the service clears any open alarm not listed (a clearing lost in a crash). */
  alarms: z.array(z.string()),
  /** When this terminal (process) came up. */
  since: z.string(),
  /** When this message was written. */
  at: z.string(),
});
export type Presence = z.infer<typeof PresenceSchema>;

export const alarmKinds = [
  'paperLow',
  'paperOut',
  'paperJam',
  'deviceOffline',
  'deviceError',
  'outboxBacklog',
  'paymentUnresolved',
  'diskLow',
] as const;
export type AlarmKind = (typeof alarmKinds)[number];
export const severities = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof severities)[number];

export const AlarmEventSchema = z.object({
  type: z.enum(['alarm.raised', 'alarm.cleared']),
  /** Stable per condition, e.g. `paperOut:printer-a4`: the raise and its clearing share it. */
  key: z.string(),
  kind: z.enum(alarmKinds),
  severity: z.enum(severities),
  deviceId: z.string().nullable(),
  detail: z.string(),
  at: z.string(),
});
export type AlarmEvent = z.infer<typeof AlarmEventSchema>;

export const UpdateEventSchema = z.object({
  type: z.enum(['update.committed', 'update.rolledBack']),
  from: z.string(),
  to: z.string(),
  detail: z.string(),
  at: z.string(),
});
export const FleetEventSchema = z.union([AlarmEventSchema, UpdateEventSchema]);
export type FleetEvent = z.infer<typeof FleetEventSchema>;

export const NoticeSchema = z.object({ text: z.string().max(200) }).nullable();

export const CommandBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('restart') }),
  z.object({ type: z.literal('syncCatalog') }),
  z.object({ type: z.literal('lock'), message: z.string().max(200), alternative: z.string().max(200) }),
  z.object({ type: z.literal('unlock') }),
  z.object({ type: z.literal('notice'), text: z.string().max(200).nullable() }),
  z.object({ type: z.literal('collectLogs'), uploadUrl: z.string().url() }),
  z.object({
    type: z.literal('update'),
    version: z.string().max(40),
    url: z.string().url(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Ed25519 over `releaseSigningText(version, sha256)`, base64. */
    signature: z.string(),
  }),
  /** Back to `version`, the one that ran before the last update (the halt of a rollout); only if it is the previous one. */
  z.object({ type: z.literal('rollback'), version: z.string().max(40) }),
]);
export type CommandBody = z.infer<typeof CommandBodySchema>;
export type CommandType = CommandBody['type'];

export const CommandSchema = z.object({
  id: z.string().min(8).max(64),
  /** A terminal id or `group:<name>`: a command is valid only on the topic it was addressed to. */
  target: z.string().max(80),
  issuedAt: z.string(),
  expiresAt: z.string(),
  body: CommandBodySchema,
});
export type Command = z.infer<typeof CommandSchema>;

/** What travels on a cmd topic: the command's exact JSON bytes (base64) and the console's signature over them. */
export const SignedCommandSchema = z.object({ payload: z.string(), sig: z.string() });
export type SignedCommand = z.infer<typeof SignedCommandSchema>;

export const resultStatuses = ['queued', 'done', 'failed', 'refused'] as const;
export const CommandResultSchema = z.object({
  id: z.string(),
  type: z.string().nullable(),
  status: z.enum(resultStatuses),
  /** Why it failed or was refused (closed set below). */
  code: z.string().nullable(),
  detail: z.string(),
  at: z.string(),
});
export type CommandResult = z.infer<typeof CommandResultSchema>;

export const commandRefusals = ['badSignature', 'badMessage', 'expired', 'replayed', 'wrongTarget', 'unsupported'] as const;
export type CommandRefusal = (typeof commandRefusals)[number];

export function releaseSigningText(version: string, sha256: string): string {
  return `zwkiosk-release\n${version}\n${sha256}`;
}

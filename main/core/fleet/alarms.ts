import type { AlarmKind, Presence, Severity } from './protocol.js';

export interface AlarmCondition {
  key: string;
  kind: AlarmKind;
  severity: Severity;
  deviceId: string | null;
  detail: string;
}

export interface AlarmInputs {
  presence: Presence;
  /** Outbox depth samples, oldest first, over the backlog window. */
  outboxTrend: number[];
  diskFreeBytes: number | null;
}

export const DISK_LOW_BYTES = 512 * 1024 * 1024;
/** The outbox is "backing up" when it grew over the whole window and holds at least this many messages. */
export const OUTBOX_BACKLOG_MIN = 5;

/** The alarms that hold for a terminal's current condition. Pure: the agent diffs successive results. */
export function activeAlarms(input: AlarmInputs): AlarmCondition[] {
  const out: AlarmCondition[] = [];
  for (const [id, d] of Object.entries(input.presence.devices)) {
    if (d.status === 'offline')
      out.push({ key: `deviceOffline:${id}`, kind: 'deviceOffline', severity: 'critical', deviceId: id, detail: `${d.kind} offline` });
    else if (d.status === 'hardwareError')
      out.push({ key: `deviceError:${id}`, kind: 'deviceError', severity: 'critical', deviceId: id, detail: `${d.kind} hardware error` });
    if (d.media.includes('paperOut'))
      out.push({ key: `paperOut:${id}`, kind: 'paperOut', severity: 'critical', deviceId: id, detail: `${d.kind} out of paper` });
    else if (d.media.includes('paperLow'))
      out.push({ key: `paperLow:${id}`, kind: 'paperLow', severity: 'warning', deviceId: id, detail: `${d.kind} paper low` });
    if (d.media.includes('paperJam'))
      out.push({ key: `paperJam:${id}`, kind: 'paperJam', severity: 'critical', deviceId: id, detail: `${d.kind} jammed` });
  }
  const t = input.outboxTrend;
  const growing = t.length >= 3 && t.every((v, i) => i === 0 || v >= t[i - 1]!) && t[t.length - 1]! > t[0]!;
  if (growing && input.presence.outboxDepth >= OUTBOX_BACKLOG_MIN)
    out.push({
      key: 'outboxBacklog',
      kind: 'outboxBacklog',
      severity: 'warning',
      deviceId: null,
      detail: `${input.presence.outboxDepth} messages waiting`,
    });
  if (input.presence.unfinishedPayments > 0)
    out.push({
      key: 'paymentUnresolved',
      kind: 'paymentUnresolved',
      severity: 'critical',
      deviceId: null,
      detail: `${input.presence.unfinishedPayments} unresolved`,
    });
  if (input.diskFreeBytes !== null && input.diskFreeBytes < DISK_LOW_BYTES)
    out.push({
      key: 'diskLow',
      kind: 'diskLow',
      severity: 'warning',
      deviceId: null,
      detail: `${Math.round(input.diskFreeBytes / 1048576)} MiB free`,
    });
  return out;
}

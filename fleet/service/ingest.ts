import { EventEmitter } from 'node:events';
import {
  AlarmEventSchema,
  CommandResultSchema,
  PresenceSchema,
  UpdateEventSchema,
  parseTerminalTopic,
  type CommandResult,
  type Presence,
} from '../../main/core/fleet/protocol.js';
import type { FleetStore } from './store.js';

export const OFFLINE_ALARM = 'terminalOffline';

export interface IngestEvents {
  state: [terminalId: string, presence: Presence];
  result: [terminalId: string, result: CommandResult];
  update: [terminalId: string, type: 'update.committed' | 'update.rolledBack'];
  alarm: [terminalId: string, key: string, raised: boolean];
}

/**
 * Turns what terminals publish into stored state: current presence, device history (on change), alarms raised
 * and cleared (also reconciled against the presence's alarm list, so a clearing lost in a crash still clears),
 * an offline alarm from the last will, command results, update outcomes.
 */
export class Ingest extends EventEmitter<IngestEvents> {
  private readonly lastDevices = new Map<string, string>();
  private readonly lastAlarms = new Map<string, string>();
  private readonly lastOnline = new Map<string, boolean>();
  invalid = 0;

  constructor(
    private readonly store: FleetStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  async handle(topic: string, payload: Buffer): Promise<void> {
    const t = parseTerminalTopic(topic);
    if (!t) return;
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      this.invalid++;
      return;
    }
    if (t.kind === 'state') await this.onState(t.terminalId, json);
    else if (t.kind === 'events') await this.onEvent(t.terminalId, json);
    else if (t.kind === 'result') await this.onResult(t.terminalId, json);
  }

  private async onState(id: string, json: unknown): Promise<void> {
    const parsed = PresenceSchema.safeParse(json);
    if (!parsed.success) return void this.invalid++;
    const p = parsed.data;
    const at = this.now().toISOString();
    if (!(await this.store.upsertTerminal(id, p, at))) return;
    // device history on change (the first presence a replica sees is written whole)
    const devices = JSON.stringify(p.devices);
    const previous = this.lastDevices.get(id);
    if (previous !== devices) {
      const before = previous ? (JSON.parse(previous) as Presence['devices']) : {};
      for (const [devId, d] of Object.entries(p.devices)) {
        const old = before[devId];
        if (!old || old.status !== d.status || old.media.join() !== d.media.join())
          await this.store.addDeviceHistory(id, devId, d.status, d.media, p.at);
      }
      this.lastDevices.set(id, devices);
    }
    if (this.lastOnline.get(id) !== p.online) {
      this.lastOnline.set(id, p.online);
      if (!p.online) {
        if (
          await this.store.raiseAlarm({
            terminalId: id,
            key: OFFLINE_ALARM,
            kind: OFFLINE_ALARM,
            severity: 'critical',
            deviceId: null,
            detail: 'terminal offline',
            raisedAt: at,
          })
        )
          this.emit('alarm', id, OFFLINE_ALARM, true);
      } else if (await this.store.clearAlarm(id, OFFLINE_ALARM, at)) this.emit('alarm', id, OFFLINE_ALARM, false);
    }
    const alarms = p.alarms.join();
    if (p.online && this.lastAlarms.get(id) !== alarms) {
      this.lastAlarms.set(id, alarms);
      for (const key of await this.store.openAlarmKeys(id))
        if (key !== OFFLINE_ALARM && !p.alarms.includes(key) && (await this.store.clearAlarm(id, key, at, p.at)))
          this.emit('alarm', id, key, false);
    }
    this.emit('state', id, p);
  }

  private async onEvent(id: string, json: unknown): Promise<void> {
    const alarm = AlarmEventSchema.safeParse(json);
    if (alarm.success) {
      const a = alarm.data;
      if (a.type === 'alarm.raised') {
        if (
          await this.store.raiseAlarm({
            terminalId: id,
            key: a.key,
            kind: a.kind,
            severity: a.severity,
            deviceId: a.deviceId,
            detail: a.detail,
            raisedAt: a.at,
          })
        )
          this.emit('alarm', id, a.key, true);
      } else if (await this.store.clearAlarm(id, a.key, a.at)) this.emit('alarm', id, a.key, false);
      return;
    }
    const update = UpdateEventSchema.safeParse(json);
    if (update.success) {
      await this.store.addTerminalEvent(id, update.data.type, update.data, update.data.at);
      this.emit('update', id, update.data.type);
      return;
    }
    this.invalid++;
  }

  private async onResult(id: string, json: unknown): Promise<void> {
    const r = CommandResultSchema.safeParse(json);
    if (!r.success) return void this.invalid++;
    await this.store.putResult({
      commandId: r.data.id,
      terminalId: id,
      status: r.data.status,
      code: r.data.code,
      detail: r.data.detail,
      at: r.data.at,
    });
    this.emit('result', id, r.data);
  }
}

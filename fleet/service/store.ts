import { randomUUID } from 'node:crypto';
import type { Presence } from '../../main/core/fleet/protocol.js';
import type { Sql } from './sql.js';

export interface TerminalRow {
  id: string;
  online: boolean;
  version: string;
  catalogVersion: number;
  outboxDepth: number;
  unfinishedPayments: number;
  inSession: boolean;
  locked: boolean;
  region: string;
  outlet: string;
  groups: string[];
  devices: Presence['devices'];
  alarms: string[];
  since: string;
  at: string;
  receivedAt: string;
}

export interface AlarmRow {
  id: string;
  terminalId: string;
  key: string;
  kind: string;
  severity: string;
  deviceId: string | null;
  detail: string;
  raisedAt: string;
  clearedAt: string | null;
  ackedBy: string | null;
  ackedAt: string | null;
}

export interface CommandRow {
  id: string;
  target: string;
  type: string;
  body: unknown;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  rolloutId: string | null;
}

export interface ResultRow {
  commandId: string;
  terminalId: string;
  status: string;
  code: string | null;
  detail: string;
  at: string;
}

export interface TerminalFilter {
  region?: string;
  outlet?: string;
  group?: string;
  offline?: boolean;
  paperOut?: boolean;
  backlog?: boolean;
  /** Terminals not on this version. */
  oldVersion?: string;
}

type Raw = Record<string, string | number | null>;
const b = (v: unknown) => v === 1 || v === true || v === '1';

function terminalFrom(r: Raw): TerminalRow {
  return {
    id: String(r.id),
    online: b(r.online),
    version: String(r.version),
    catalogVersion: Number(r.catalog_version),
    outboxDepth: Number(r.outbox_depth),
    unfinishedPayments: Number(r.unfinished_payments),
    inSession: b(r.in_session),
    locked: b(r.locked),
    region: String(r.region),
    outlet: String(r.outlet),
    groups: JSON.parse(String(r.groups_json)) as string[],
    devices: JSON.parse(String(r.devices_json)) as Presence['devices'],
    alarms: JSON.parse(String(r.alarms_json)) as string[],
    since: String(r.since),
    at: String(r.at),
    receivedAt: String(r.received_at),
  };
}

function alarmFrom(r: Raw): AlarmRow {
  return {
    id: String(r.id),
    terminalId: String(r.terminal_id),
    key: String(r.alarm_key),
    kind: String(r.kind),
    severity: String(r.severity),
    deviceId: (r.device_id as string | null) ?? null,
    detail: String(r.detail),
    raisedAt: String(r.raised_at),
    clearedAt: (r.cleared_at as string | null) ?? null,
    ackedBy: (r.acked_by as string | null) ?? null,
    ackedAt: (r.acked_at as string | null) ?? null,
  };
}

/** Current state and history of the fleet, alarms, commands and their results, users and the audit trail. */
export class FleetStore {
  constructor(readonly sql: Sql) {}

  /**
   * Stores a presence unless a newer one is already stored (replicas may handle one terminal's messages out of
   * order): newer = a later process start (`since`), or in the same process a later `at`; an offline message
   * (the last will, written at connect time) ends its process's run.
   * Returns false for a stale message.
   */
  async upsertTerminal(id: string, p: Presence, receivedAt: string): Promise<boolean> {
    const changed = await this.sql.run(
      `INSERT INTO terminals (id, online, version, catalog_version, outbox_depth, unfinished_payments, in_session, locked, region, outlet,
        groups_json, devices_json, alarms_json, since, at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET online = excluded.online, version = excluded.version, catalog_version = excluded.catalog_version,
        outbox_depth = excluded.outbox_depth, unfinished_payments = excluded.unfinished_payments, in_session = excluded.in_session,
        locked = excluded.locked, region = excluded.region, outlet = excluded.outlet, groups_json = excluded.groups_json,
        devices_json = excluded.devices_json, alarms_json = excluded.alarms_json, since = excluded.since, at = excluded.at,
        received_at = excluded.received_at
       WHERE excluded.since > terminals.since OR (excluded.since = terminals.since AND (excluded.online = 0 OR (terminals.online = 1 AND excluded.at >= terminals.at)))`,
      [
        id,
        p.online ? 1 : 0,
        p.version,
        p.catalogVersion,
        p.outboxDepth,
        p.unfinishedPayments,
        p.inSession ? 1 : 0,
        p.locked ? 1 : 0,
        p.region,
        p.outlet,
        JSON.stringify(p.groups),
        JSON.stringify(p.devices),
        JSON.stringify(p.alarms),
        p.since,
        p.at,
        receivedAt,
      ],
    );
    return changed > 0;
  }

  async terminal(id: string): Promise<TerminalRow | null> {
    const r = await this.sql.get<Raw>('SELECT * FROM terminals WHERE id = ?', [id]);
    return r ? terminalFrom(r) : null;
  }

  async terminals(f: TerminalFilter = {}, limit = 100_000): Promise<TerminalRow[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (f.region) {
      where.push('region = ?');
      params.push(f.region);
    }
    if (f.outlet) {
      where.push('outlet = ?');
      params.push(f.outlet);
    }
    if (f.offline) where.push('online = 0');
    if (f.paperOut) where.push("alarms_json LIKE '%paperOut:%'");
    if (f.backlog) where.push("alarms_json LIKE '%outboxBacklog%'");
    if (f.oldVersion) {
      where.push('version <> ?');
      params.push(f.oldVersion);
    }
    if (f.group) {
      where.push('groups_json LIKE ?');
      params.push(`%"${f.group}"%`);
    }
    const rows = await this.sql.all<Raw>(
      `SELECT * FROM terminals${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY region, outlet, id LIMIT ${Math.floor(limit)}`,
      params,
    );
    return rows.map(terminalFrom);
  }

  async counts(): Promise<{ total: number; online: number; versions: Record<string, number> }> {
    const rows = await this.sql.all<{ version: string; online: number | string; n: number | string }>(
      'SELECT version, online, COUNT(*) AS n FROM terminals GROUP BY version, online',
    );
    const versions: Record<string, number> = {};
    let total = 0;
    let online = 0;
    for (const r of rows) {
      total += Number(r.n);
      if (b(Number(r.online))) online += Number(r.n);
      versions[r.version] = (versions[r.version] ?? 0) + Number(r.n);
    }
    return { total, online, versions };
  }

  async addDeviceHistory(terminalId: string, deviceId: string, status: string, media: string[], at: string): Promise<void> {
    await this.sql.run('INSERT INTO device_history (terminal_id, device_id, status, media, at) VALUES (?, ?, ?, ?, ?)', [
      terminalId,
      deviceId,
      status,
      media.join(','),
      at,
    ]);
  }

  async deviceHistory(terminalId: string, limit = 200): Promise<{ deviceId: string; status: string; media: string[]; at: string }[]> {
    const rows = await this.sql.all<Raw>(
      `SELECT device_id, status, media, at FROM device_history WHERE terminal_id = ? ORDER BY at DESC LIMIT ${Math.floor(limit)}`,
      [terminalId],
    );
    return rows.map((r) => ({
      deviceId: String(r.device_id),
      status: String(r.status),
      media: r.media ? String(r.media).split(',') : [],
      at: String(r.at),
    }));
  }

  async openAlarm(terminalId: string, key: string): Promise<AlarmRow | null> {
    const r = await this.sql.get<Raw>('SELECT * FROM alarms WHERE terminal_id = ? AND alarm_key = ? AND cleared_at IS NULL', [
      terminalId,
      key,
    ]);
    return r ? alarmFrom(r) : null;
  }

  /** Raises an alarm unless the same one is already open; true when it was new. */
  async raiseAlarm(a: Omit<AlarmRow, 'id' | 'clearedAt' | 'ackedBy' | 'ackedAt'>): Promise<boolean> {
    if (await this.openAlarm(a.terminalId, a.key)) return false;
    await this.sql.run(
      'INSERT INTO alarms (id, terminal_id, alarm_key, kind, severity, device_id, detail, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [randomUUID(), a.terminalId, a.key, a.kind, a.severity, a.deviceId, a.detail, a.raisedAt],
    );
    return true;
  }

  /** Clears an open alarm; with `raisedBefore`, only one raised no later than that (a presence cannot clear a newer alarm). */
  async clearAlarm(terminalId: string, key: string, at: string, raisedBefore?: string): Promise<boolean> {
    return (
      (await this.sql.run(
        `UPDATE alarms SET cleared_at = ? WHERE terminal_id = ? AND alarm_key = ? AND cleared_at IS NULL${raisedBefore ? ' AND raised_at <= ?' : ''}`,
        raisedBefore ? [at, terminalId, key, raisedBefore] : [at, terminalId, key],
      )) > 0
    );
  }

  async openAlarmKeys(terminalId: string): Promise<string[]> {
    const rows = await this.sql.all<{ alarm_key: string }>('SELECT alarm_key FROM alarms WHERE terminal_id = ? AND cleared_at IS NULL', [
      terminalId,
    ]);
    return rows.map((r) => r.alarm_key);
  }

  async alarms(opts: { open?: boolean; terminalId?: string; limit?: number } = {}): Promise<AlarmRow[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (opts.open) where.push('cleared_at IS NULL');
    if (opts.terminalId) {
      where.push('terminal_id = ?');
      params.push(opts.terminalId);
    }
    const rows = await this.sql.all<Raw>(
      `SELECT * FROM alarms${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY raised_at DESC LIMIT ${Math.floor(opts.limit ?? 500)}`,
      params,
    );
    return rows.map(alarmFrom);
  }

  async ackAlarm(id: string, user: string, at: string): Promise<boolean> {
    return (await this.sql.run('UPDATE alarms SET acked_by = ?, acked_at = ? WHERE id = ? AND acked_by IS NULL', [user, at, id])) > 0;
  }

  async addCommand(c: CommandRow): Promise<void> {
    await this.sql.run(
      'INSERT INTO commands (id, target, type, body_json, issued_by, issued_at, expires_at, rollout_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [c.id, c.target, c.type, JSON.stringify(c.body), c.issuedBy, c.issuedAt, c.expiresAt, c.rolloutId],
    );
  }

  async commands(limit = 200): Promise<(CommandRow & { results: Record<string, number> })[]> {
    const rows = await this.sql.all<Raw>(`SELECT * FROM commands ORDER BY issued_at DESC LIMIT ${Math.floor(limit)}`);
    const out = [];
    for (const r of rows) {
      const counts = await this.sql.all<{ status: string; n: number | string }>(
        'SELECT status, COUNT(*) AS n FROM command_results WHERE command_id = ? GROUP BY status',
        [String(r.id)],
      );
      out.push({
        id: String(r.id),
        target: String(r.target),
        type: String(r.type),
        body: JSON.parse(String(r.body_json)) as unknown,
        issuedBy: String(r.issued_by),
        issuedAt: String(r.issued_at),
        expiresAt: String(r.expires_at),
        rolloutId: (r.rollout_id as string | null) ?? null,
        results: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
      });
    }
    return out;
  }

  async putResult(r: ResultRow): Promise<void> {
    await this.sql.run(
      `INSERT INTO command_results (command_id, terminal_id, status, code, detail, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (command_id, terminal_id) DO UPDATE SET status = excluded.status, code = excluded.code, detail = excluded.detail, at = excluded.at`,
      [r.commandId, r.terminalId, r.status, r.code, r.detail, r.at],
    );
  }

  async results(commandId: string): Promise<ResultRow[]> {
    const rows = await this.sql.all<Raw>('SELECT * FROM command_results WHERE command_id = ? ORDER BY terminal_id', [commandId]);
    return rows.map((r) => ({
      commandId: String(r.command_id),
      terminalId: String(r.terminal_id),
      status: String(r.status),
      code: (r.code as string | null) ?? null,
      detail: String(r.detail),
      at: String(r.at),
    }));
  }

  async addTerminalEvent(terminalId: string, type: string, detail: unknown, at: string): Promise<void> {
    await this.sql.run('INSERT INTO terminal_events (terminal_id, type, detail_json, at) VALUES (?, ?, ?, ?)', [
      terminalId,
      type,
      JSON.stringify(detail),
      at,
    ]);
  }

  async terminalEvents(terminalId: string, type?: string): Promise<{ type: string; detail: unknown; at: string }[]> {
    const rows = await this.sql.all<Raw>(
      `SELECT type, detail_json, at FROM terminal_events WHERE terminal_id = ?${type ? ' AND type = ?' : ''} ORDER BY at DESC LIMIT 200`,
      type ? [terminalId, type] : [terminalId],
    );
    return rows.map((r) => ({ type: String(r.type), detail: JSON.parse(String(r.detail_json)) as unknown, at: String(r.at) }));
  }

  async audit(actor: string, action: string, detail: Record<string, unknown>): Promise<void> {
    await this.sql.run('INSERT INTO audit (id, at, actor, action, detail_json) VALUES (?, ?, ?, ?, ?)', [
      randomUUID(),
      new Date().toISOString(),
      actor,
      action,
      JSON.stringify(detail),
    ]);
  }

  async auditLog(limit = 300): Promise<{ at: string; actor: string; action: string; detail: Record<string, unknown> }[]> {
    const rows = await this.sql.all<Raw>(`SELECT at, actor, action, detail_json FROM audit ORDER BY at DESC LIMIT ${Math.floor(limit)}`);
    return rows.map((r) => ({
      at: String(r.at),
      actor: String(r.actor),
      action: String(r.action),
      detail: JSON.parse(String(r.detail_json)) as Record<string, unknown>,
    }));
  }

  async putUser(name: string, role: string, passwordHash: string): Promise<void> {
    await this.sql.run(
      `INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash`,
      [name, role, passwordHash, new Date().toISOString()],
    );
  }

  async user(name: string): Promise<{ name: string; role: string; passwordHash: string } | null> {
    const r = await this.sql.get<Raw>('SELECT name, role, password_hash FROM users WHERE name = ?', [name]);
    return r ? { name: String(r.name), role: String(r.role), passwordHash: String(r.password_hash) } : null;
  }

  async users(): Promise<{ name: string; role: string }[]> {
    return this.sql.all<{ name: string; role: string }>('SELECT name, role FROM users ORDER BY name');
  }
}

import type { Sql } from './sql.js';

/** Tables of the fleet service; the same DDL runs on SQLite and PostgreSQL. Times are ISO-8601 text (sortable). */
const tables = [
  `CREATE TABLE IF NOT EXISTS terminals (
    id TEXT PRIMARY KEY, online INTEGER NOT NULL, version TEXT NOT NULL, catalog_version INTEGER NOT NULL,
    outbox_depth INTEGER NOT NULL, unfinished_payments INTEGER NOT NULL, in_session INTEGER NOT NULL, locked INTEGER NOT NULL,
    region TEXT NOT NULL, outlet TEXT NOT NULL, groups_json TEXT NOT NULL, devices_json TEXT NOT NULL, alarms_json TEXT NOT NULL,
    since TEXT NOT NULL, at TEXT NOT NULL, received_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS device_history (
    terminal_id TEXT NOT NULL, device_id TEXT NOT NULL, status TEXT NOT NULL, media TEXT NOT NULL, at TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS device_history_terminal ON device_history (terminal_id, at)`,
  `CREATE TABLE IF NOT EXISTS alarms (
    id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, alarm_key TEXT NOT NULL, kind TEXT NOT NULL, severity TEXT NOT NULL,
    device_id TEXT, detail TEXT NOT NULL, raised_at TEXT NOT NULL, cleared_at TEXT, acked_by TEXT, acked_at TEXT)`,
  `CREATE INDEX IF NOT EXISTS alarms_open ON alarms (terminal_id, alarm_key, cleared_at)`,
  `CREATE TABLE IF NOT EXISTS commands (
    id TEXT PRIMARY KEY, target TEXT NOT NULL, type TEXT NOT NULL, body_json TEXT NOT NULL, issued_by TEXT NOT NULL,
    issued_at TEXT NOT NULL, expires_at TEXT NOT NULL, rollout_id TEXT)`,
  `CREATE TABLE IF NOT EXISTS command_results (
    command_id TEXT NOT NULL, terminal_id TEXT NOT NULL, status TEXT NOT NULL, code TEXT, detail TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (command_id, terminal_id))`,
  `CREATE TABLE IF NOT EXISTS terminal_events (terminal_id TEXT NOT NULL, type TEXT NOT NULL, detail_json TEXT NOT NULL, at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS console_sessions (token_hash TEXT PRIMARY KEY, user_name TEXT NOT NULL, role TEXT NOT NULL, expires_at BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS audit (id TEXT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail_json TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS rollouts (
    id TEXT PRIMARY KEY, version TEXT NOT NULL, group_name TEXT NOT NULL, stages_json TEXT NOT NULL, gate REAL NOT NULL,
    package_json TEXT NOT NULL, state TEXT NOT NULL, stage_index INTEGER NOT NULL, stage_started_at TEXT, detail TEXT NOT NULL,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS rollout_members (
    rollout_id TEXT NOT NULL, terminal_id TEXT NOT NULL, stage INTEGER NOT NULL, from_version TEXT NOT NULL, command_id TEXT NOT NULL,
    PRIMARY KEY (rollout_id, terminal_id))`,
];

export async function migrate(sql: Sql): Promise<void> {
  for (const t of tables) await sql.run(t);
}

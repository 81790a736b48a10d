import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { isCorruption } from './errors.js';
import { migrations as defaultMigrations, type Migration } from './migrations.js';
import { quarantine } from './quarantine.js';

export type Db = Database.Database;

/**
 * One database file of the kiosk. `durable` files hold promises made to a resident (the outbox; a payment journal
 * when there is one): they run with synchronous=FULL, so a commit is on the disk before the call returns and a
 * power cut right after cannot take it back. Others (catalog, settings, audit) use NORMAL: after a power cut they
 * may lose their last commits, never their consistency. The rule: a table whose row the UI reports as "saved" to
 * a resident belongs in a durable file.
 */
export interface StoreSpec {
  file: string;
  migrations: Migration[];
  durable: boolean;
}

export const kioskStore: StoreSpec = { file: 'kiosk.sqlite', migrations: defaultMigrations, durable: false };

/** A file found damaged at start: moved aside (kept for analysis) and started afresh. */
export interface Recovery {
  file: string;
  quarantinedAs: string;
  reason: string;
}

export interface OpenedStore {
  db: Db;
  file: string;
  recovery: Recovery | null;
}

/**
 * Opens (creating if needed) a database in `dataDir` with WAL, checks it (quick_check) and applies pending
 * migrations. A damaged file (not a database, failed check) is quarantined with a timestamp and rebuilt empty;
 * the caller says what that means (the catalog re-syncs; the outbox salvages what it can read).
 * The data dir is made 0700 and the database files 0600: they hold the outbox, the audit log and keys.
 */
export function openStore(dataDir: string, spec: StoreSpec, now: () => Date = () => new Date()): OpenedStore {
  const file = path.join(dataDir, spec.file);
  try {
    return { db: openChecked(dataDir, file, spec), file, recovery: null };
  } catch (e) {
    if (!(e instanceof DamagedDatabase) && !isCorruption(e)) throw e;
    const reason = e instanceof DamagedDatabase ? e.message : `${(e as { code: string }).code}: ${(e as Error).message}`;
    const quarantinedAs = quarantine(file, now());
    return { db: openChecked(dataDir, file, spec), file, recovery: { file, quarantinedAs, reason } };
  }
}

/** The kiosk database (catalog, settings, audit), as before: throws nothing for damage, rebuilds instead. */
export function openDatabase(dataDir: string, migrations = defaultMigrations): Db {
  return openStore(dataDir, { ...kioskStore, migrations }).db;
}

class DamagedDatabase extends Error {}

function openChecked(dataDir: string, file: string, spec: StoreSpec): Db {
  restrictToOwner(dataDir, file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${spec.durable ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DamagedDatabase(`integrity check failed: ${String(check).slice(0, 200)}`);
    migrate(db, spec.migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function migrate(db: Db, migrations = defaultMigrations): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known)
    throw new Error(`database schema version ${newest} is newer than this software knows (${known}); install the newer version`);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
  return known;
}

/**
 * Owner-only permissions whatever the umask. SQLite creates the -wal and -shm files with the main file's mode,
 * so the main file is created (or tightened) at 0600 before SQLite opens it.
 */
function restrictToOwner(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

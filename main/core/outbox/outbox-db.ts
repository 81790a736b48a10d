import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openStore, type Db, type OpenedStore, type StoreSpec } from '../store/db.js';
import type { Migration } from '../store/migrations.js';

/**
 * The outbox lives in its own durable file (synchronous=FULL), apart from kiosk.sqlite: a damaged catalog is
 * rebuilt without touching what residents were told is saved, and the outbox's every commit reaches the disk
 * before the kiosk says "saved". A future payment journal goes in a durable file too (see db.ts).
 */
export const outboxMigrations: Migration[] = [
  {
    version: 1,
    name: 'outbox',
    sql: `
      -- messages to the platform, written before sending and deleted once acknowledged; payload encrypted at rest
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload BLOB NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT
      );
      CREATE INDEX outbox_due ON outbox(next_attempt_at);
    `,
  },
  {
    version: 2,
    name: 'application references',
    sql: `
      -- an application saved at the terminal, by the local reference the resident was given, and what became of it:
      -- the case number once the platform accepted it (query code sealed), or the platform's refusal (sealed)
      CREATE TABLE application_reference (
        local_reference TEXT PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        matter_id TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        outcome TEXT NOT NULL DEFAULT 'queued' CHECK (outcome IN ('queued', 'accepted', 'refused')),
        case_number TEXT,
        sealed_detail BLOB,
        settled_at TEXT
      );
    `,
  },
  {
    version: 3,
    name: 'application reference holder',
    sql: `
      -- the applicant, as a keyed hash of the ID number (never the number or name in clear), so the progress query by
      -- card finds the applications this terminal still holds; settled rows are found by age for their removal
      ALTER TABLE application_reference ADD COLUMN holder_key TEXT;
      CREATE INDEX application_reference_holder ON application_reference(holder_key);
      CREATE INDEX application_reference_settled ON application_reference(settled_at);
    `,
  },
];

export const outboxStore: StoreSpec = { file: 'outbox.sqlite', migrations: outboxMigrations, durable: true };

const columns = 'kind, idempotency_key, payload, created_at, attempts, next_attempt_at, last_error';

export interface OpenedOutbox extends OpenedStore {
  /** Entries read back from a quarantined file, or moved from kiosk.sqlite where older versions kept them. */
  salvaged: number;
}

/** Opens outbox.sqlite; after a rebuild, copies back every entry still readable from the quarantined file. */
export function openOutboxDatabase(dataDir: string, kioskDb?: Db, now?: () => Date): OpenedOutbox {
  const opened = openStore(dataDir, outboxStore, now);
  let salvaged = 0;
  if (opened.recovery) salvaged += salvage(opened.db, opened.recovery.quarantinedAs);
  if (kioskDb) salvaged += moveLegacy(opened.db, kioskDb);
  return { ...opened, salvaged };
}

type Row = Record<'kind' | 'idempotency_key' | 'created_at' | 'next_attempt_at', string> & {
  payload: Buffer;
  attempts: number;
  last_error: string | null;
};

function insertAll(db: Db, rows: Row[]): number {
  const put = db.prepare(`INSERT OR IGNORE INTO outbox (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  let n = 0;
  db.transaction(() => {
    for (const r of rows)
      n += put.run(r.kind, r.idempotency_key, r.payload, r.created_at, r.attempts, r.next_attempt_at, r.last_error).changes;
  })();
  return n;
}

/** Reads row by row from a damaged file, keeping what SQLite can still read. */
function salvage(db: Db, quarantined: string): number {
  if (!existsSync(quarantined)) return 0;
  let damaged: Database.Database | null = null;
  const rows: Row[] = [];
  try {
    damaged = new Database(quarantined, { readonly: true, fileMustExist: true });
    // ids from the sequence table, then each row on its own: a damaged page costs the rows on it, not the rest
    const last = Number(damaged.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").pluck().get() ?? 0);
    const one = damaged.prepare(`SELECT ${columns} FROM outbox WHERE id = ?`);
    for (let id = 1; id <= Math.min(last, 10_000_000); id++) {
      try {
        const r = one.get(id) as Row | undefined;
        if (r) rows.push(r);
      } catch {
        // this row's page is unreadable: the rest may not be
      }
    }
  } catch {
    // not even the table list can be read: nothing to salvage
  } finally {
    damaged?.close();
  }
  return insertAll(db, rows);
}

/** Versions before the split kept the outbox in kiosk.sqlite: move its entries (copy, commit, then delete). */
function moveLegacy(db: Db, kioskDb: Db): number {
  const has = kioskDb.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get();
  if (!has) return 0;
  const rows = kioskDb.prepare(`SELECT ${columns} FROM outbox ORDER BY id`).all() as Row[];
  if (rows.length === 0) return 0;
  const n = insertAll(db, rows);
  kioskDb.prepare('DELETE FROM outbox').run();
  return n;
}

export const outboxFile = (dataDir: string) => path.join(dataDir, outboxStore.file);

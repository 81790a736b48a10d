import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { migrate, type Db } from '../store/db.js';

/**
 * The payment journal's own file, `payments.sqlite`, with synchronous=FULL: a state written before a gateway call is
 * on the disk before the call leaves, so a power cut cannot make the terminal forget that it asked for money. Kept
 * apart from kiosk.sqlite (synchronous=NORMAL) so its writes pay the fsync cost and nothing else's do.
 */
export const journalMigrations = [
  {
    version: 1,
    name: 'payment journal',
    sql: `
      CREATE TABLE payment_order (
        order_id TEXT PRIMARY KEY,
        notice_no TEXT NOT NULL,
        item TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        method TEXT NOT NULL CHECK (method IN ('code', 'qr')),
        state TEXT NOT NULL,
        failure TEXT,
        money_returned INTEGER,
        pay_called_at TEXT,
        refund_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE INDEX payment_order_state ON payment_order(state);
      CREATE INDEX payment_order_created ON payment_order(created_at);
      -- every transition, append-only: what reconciliation and a technician read back
      CREATE TABLE payment_event (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        order_id TEXT NOT NULL REFERENCES payment_order(order_id),
        at TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        detail TEXT
      );
      CREATE INDEX payment_event_order ON payment_event(order_id);
      CREATE TRIGGER payment_event_no_update BEFORE UPDATE ON payment_event BEGIN SELECT RAISE(ABORT, 'append-only'); END;
      CREATE TRIGGER payment_event_no_delete BEFORE DELETE ON payment_event BEGIN SELECT RAISE(ABORT, 'append-only'); END;
    `,
  },
];

export const JOURNAL_FILE = 'payments.sqlite';

export function openJournalDb(dataDir: string): Db {
  const file = path.join(dataDir, JOURNAL_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, journalMigrations);
  return db;
}

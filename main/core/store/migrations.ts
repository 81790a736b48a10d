export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Versioned schema migrations, applied in order, each once, inside a transaction. Append only: never edit a shipped one. */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'audit and settings',
    sql: `
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        type TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX audit_at ON audit(at);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
      CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'matter catalog',
    sql: `
      CREATE TABLE catalog_matter (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL,
        department TEXT,
        audience TEXT NOT NULL,
        life_events TEXT NOT NULL,
        popularity INTEGER NOT NULL,
        terminal INTEGER NOT NULL,
        flows TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX catalog_matter_department ON catalog_matter(department);
      CREATE INDEX catalog_matter_rank ON catalog_matter(terminal DESC, popularity DESC);
      -- changes received in an unfinished sync; applied in one transaction once the last page is in
      CREATE TABLE catalog_pending (seq INTEGER PRIMARY KEY AUTOINCREMENT, op TEXT NOT NULL, id TEXT NOT NULL, json TEXT);
    `,
  },
  {
    version: 3,
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
    version: 4,
    name: 'audit hash chain',
    sql: `
      -- '<sha256|sm3>:<hex>' of the previous row's hash and this row (see audit-chain.ts); NULL for older rows
      ALTER TABLE audit ADD COLUMN hash TEXT;
    `,
  },
  {
    version: 5,
    name: 'catalog translations',
    sql: `
      -- the matter's name in each language its publisher translated it to ({"en": "...", "ug": "..."}): lists and search
      ALTER TABLE catalog_matter ADD COLUMN names TEXT NOT NULL DEFAULT '{}';
      -- matters stored before this version lost their translations on the way in: fetch the whole catalog once more
      -- (the stored one keeps serving until the new one is complete)
      DELETE FROM catalog_pending;
      UPDATE kv SET value = json_set(value, '$.version', 0, '$.pending', json('null')) WHERE key = 'catalog.state';
    `,
  },
  {
    version: 6,
    name: 'apply form cache',
    sql: `
      -- the last form (一表申请) fetched for each apply matter, shown when the platform cannot be reached; no personal data
      CREATE TABLE apply_form_cache (
        matter_id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        form TEXT NOT NULL,
        fetched_at TEXT NOT NULL
      );
    `,
  },
];

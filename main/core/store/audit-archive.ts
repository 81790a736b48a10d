import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { GENESIS, verifyChain, type ChainReport, type ChainRow } from './audit-chain.js';
import type { AuditLog, ChainTail } from './audit.js';
import type { Db } from './db.js';

/**
 * Audit retention: rows older than `liveDays` move from the live table to archive files
 * (`<dataDir>/audit-archive/audit-<firstId>-<lastId>.sqlite`, the chain continuing across them); archives whose
 * newest row is older than `retentionDays` are deleted, and the deletion is itself an audit row (`audit.pruned`,
 * with the last hash it removed) so the chain still verifies from the oldest row left. 400 days by default: more
 * than the six months 网络安全法 art. 21 asks logs to be kept.
 */
export const auditRetention = { liveDays: 30, retentionDays: 400 };

const DAY = 86_400_000;
const archiveDir = (dataDir: string) => path.join(dataDir, 'audit-archive');
const pad = (n: number) => String(n).padStart(12, '0');
const archiveName = /^audit-(\d{12})-(\d{12})\.sqlite$/;

interface ArchiveFile {
  file: string;
  firstId: number;
  lastId: number;
}

export function listArchives(dataDir: string): ArchiveFile[] {
  const dir = archiveDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => ({ f, m: archiveName.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .map(({ f, m }) => ({ file: path.join(dir, f), firstId: Number(m[1]), lastId: Number(m[2]) }))
    .sort((a, b) => a.firstId - b.firstId);
}

function readRows(file: string): ChainRow[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const chained = (db.prepare('PRAGMA table_info(audit)').all() as { name: string }[]).some((c) => c.name === 'hash');
    // a database the kiosk has not opened since the chain was introduced: its rows are all unchained
    return db.prepare(`SELECT id, at, type, detail, ${chained ? 'hash' : 'NULL AS hash'} FROM audit ORDER BY id`).all() as ChainRow[];
  } finally {
    db.close();
  }
}

/** The chain's tail in the newest archive: where the live table continues from when it is empty (after a rebuild). */
export function archivedTail(dataDir: string): ChainTail | null {
  const newest = listArchives(dataDir).at(-1);
  if (!newest) return null;
  const db = new Database(newest.file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as ChainTail | undefined) ?? null;
  } finally {
    db.close();
  }
}

export class AuditArchiver {
  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
    private readonly policy = auditRetention,
  ) {}

  /** Moves old rows to an archive and deletes expired archives; returns what it did. */
  rotate(): { archived: number; pruned: number } {
    return { archived: this.archiveOld(), pruned: this.pruneExpired() };
  }

  private archiveOld(): number {
    const cutoff = new Date(this.now().getTime() - this.policy.liveDays * DAY).toISOString();
    // the newest row always stays, so the live table holds the chain's tail
    const r = this.db
      .prepare('SELECT max(id) AS last FROM audit WHERE at < ? AND id < (SELECT max(id) FROM audit) AND hash IS NOT NULL')
      .get(cutoff) as { last: number | null };
    if (r.last === null) return 0;
    const rows = this.db.prepare('SELECT id, at, type, detail, hash FROM audit WHERE id <= ? ORDER BY id').all(r.last) as ChainRow[];
    const first = rows[0]!.id;
    mkdirSync(archiveDir(this.dataDir), { recursive: true, mode: 0o700 });
    const file = path.join(archiveDir(this.dataDir), `audit-${pad(first)}-${pad(r.last)}.sqlite`);
    const archive = new Database(file);
    try {
      archive.pragma('synchronous = FULL');
      archive.exec(
        'CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, type TEXT NOT NULL, detail TEXT NOT NULL, hash TEXT)',
      );
      const put = archive.prepare('INSERT OR REPLACE INTO audit (id, at, type, detail, hash) VALUES (?, ?, ?, ?, ?)');
      archive.transaction(() => rows.forEach((x) => put.run(x.id, x.at, x.type, x.detail, x.hash)))();
    } finally {
      archive.close();
    }
    // the archive is on disk before the rows leave the table; a crash between leaves them in both (verify skips the copy)
    this.db.transaction(() => {
      this.db.exec('DROP TRIGGER audit_no_delete');
      this.db.prepare('DELETE FROM audit WHERE id <= ?').run(r.last);
      this.db.exec("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END");
    })();
    this.audit.append('audit.archived', { file: path.basename(file), firstId: first, lastId: r.last, rows: rows.length });
    return rows.length;
  }

  private pruneExpired(): number {
    const cutoff = new Date(this.now().getTime() - this.policy.retentionDays * DAY).toISOString();
    let pruned = 0;
    for (const a of listArchives(this.dataDir)) {
      const rows = readRows(a.file);
      const last = rows.at(-1);
      if (last && last.at >= cutoff) break; // oldest first: stop at the first archive still kept
      rmSync(a.file, { force: true });
      this.audit.append('audit.pruned', { file: path.basename(a.file), throughId: a.lastId, lastHash: last?.hash ?? null });
      pruned++;
    }
    return pruned;
  }
}

/** Verifies the whole chain: archives oldest first, then the live table of `kiosk.sqlite`. */
export function verifyAudit(dataDir: string): ChainReport {
  const archives = listArchives(dataDir);
  const liveFile = path.join(dataDir, 'kiosk.sqlite');
  const live = existsSync(liveFile) ? readRows(liveFile) : [];
  const pruned = new Map<number, string>();
  const all: (ChainRow & { where: string })[] = [];
  let lastArchived = 0;
  for (const a of archives) {
    for (const row of readRows(a.file)) if (row.id > lastArchived) all.push({ ...row, where: path.basename(a.file) });
    lastArchived = Math.max(lastArchived, a.lastId);
  }
  for (const row of live) if (row.id > lastArchived) all.push({ ...row, where: 'kiosk.sqlite' });
  for (const row of all)
    if (row.type === 'audit.pruned') {
      const d = JSON.parse(row.detail) as { throughId?: number; lastHash?: string };
      if (typeof d.throughId === 'number' && typeof d.lastHash === 'string') pruned.set(d.throughId, d.lastHash);
    }
  return verifyChain(all, (firstId) => (firstId === 1 ? GENESIS : (pruned.get(firstId - 1) ?? null)));
}

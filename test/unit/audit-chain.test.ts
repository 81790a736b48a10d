import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { GENESIS, rowHash } from '../../main/core/store/audit-chain.js';
import { AuditAggregator } from '../../main/core/store/audit-aggregate.js';
import { archivedTail, AuditArchiver, listArchives, verifyAudit } from '../../main/core/store/audit-archive.js';
import { AuditLog } from '../../main/core/store/audit.js';
import { openDatabase, type Db } from '../../main/core/store/db.js';

const DAY = 86_400_000;

function setup(algorithm: 'sha256' | 'sm3' = 'sha256') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'audit-'));
  const db = openDatabase(dir);
  let now = new Date('2026-01-01T00:00:00Z');
  const clock = () => now;
  const audit = new AuditLog(db, clock, algorithm, () => archivedTail(dir));
  const archiver = new AuditArchiver(db, dir, audit, clock);
  return { dir, db, audit, archiver, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

/** What someone with the database file and the sqlite3 tool could do: lift the triggers and change history. */
function tamper(db: Db, sql: string, ...args: unknown[]) {
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  db.prepare(sql).run(...args);
}

describe('tamper-evident audit log', () => {
  it('chains every row; an intact chain verifies and reports its head', () => {
    const { dir, audit } = setup();
    for (let i = 0; i < 5; i++) audit.append('session.started', { trigger: 'touch', i });
    const r = verifyAudit(dir);
    expect(r).toMatchObject({ ok: true, rows: 5, firstId: 1, lastId: 5, problem: null });
    expect(r.head).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('names an edited row', () => {
    const { dir, db, audit } = setup();
    for (let i = 0; i < 5; i++) audit.append('maintenance.pinRejected', { remaining: 5 - i });
    tamper(db, 'UPDATE audit SET detail = ? WHERE id = 3', '{"remaining":5}');
    expect(verifyAudit(dir).problem).toMatchObject({ id: 3, where: 'kiosk.sqlite', reason: expect.stringMatching(/edited/) });
  });

  it('names the row after a deleted one, and a deleted newest-but-one', () => {
    const { dir, db, audit } = setup();
    for (let i = 0; i < 6; i++) audit.append('session.ended', { i });
    tamper(db, 'DELETE FROM audit WHERE id IN (3, 4)');
    expect(verifyAudit(dir).problem).toMatchObject({ id: 5, reason: expect.stringMatching(/rows 3–4 missing/) });
  });

  it('notices the oldest rows deleted (the chain no longer starts at its beginning)', () => {
    const { dir, db, audit } = setup();
    for (let i = 0; i < 4; i++) audit.append('session.ended', { i });
    tamper(db, 'DELETE FROM audit WHERE id = 1');
    expect(verifyAudit(dir).problem).toMatchObject({ id: 2, reason: expect.stringMatching(/oldest row left/) });
  });

  it('a rewritten row with a recomputed hash still breaks the next one', () => {
    const { dir, db, audit } = setup();
    for (let i = 0; i < 3; i++) audit.append('session.ended', { i });
    const row = db.prepare('SELECT * FROM audit WHERE id = 1').get() as { at: string };
    const forged = rowHash('sha256', GENESIS, { id: 1, at: row.at, type: 'session.ended', detail: '{"i":99}' });
    tamper(db, 'UPDATE audit SET detail = ?, hash = ? WHERE id = 1', '{"i":99}', forged);
    expect(verifyAudit(dir).problem).toMatchObject({ id: 2 });
  });

  it('uses SM3 under the national suite, and a chain that changes algorithm still verifies', () => {
    const { dir, db, audit } = setup('sm3');
    audit.append('kiosk.started', {});
    expect((db.prepare('SELECT hash FROM audit').get() as { hash: string }).hash).toMatch(/^sm3:[0-9a-f]{64}$/);
    new AuditLog(db, () => new Date(), 'sha256').append('kiosk.started', {});
    expect(verifyAudit(dir).ok).toBe(true);
  });

  it('rotation moves old rows to archive files and the chain verifies across them', () => {
    const { dir, db, audit, archiver, advance } = setup();
    for (let i = 0; i < 4; i++) audit.append('session.ended', { i });
    advance(40 * DAY);
    audit.append('session.ended', { i: 4 });
    expect(archiver.rotate()).toEqual({ archived: 4, pruned: 0 });
    expect(listArchives(dir)).toHaveLength(1);
    expect((db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n).toBe(2); // row 5 and audit.archived
    expect(verifyAudit(dir)).toMatchObject({ ok: true, rows: 6, firstId: 1, lastId: 6 });
    // the live table still refuses deletes after a rotation
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
  });

  it('an edited archived row is named with its archive file', () => {
    const { dir, audit, archiver, advance } = setup();
    for (let i = 0; i < 3; i++) audit.append('session.ended', { i });
    advance(40 * DAY);
    audit.append('session.ended', {});
    archiver.rotate();
    const [a] = listArchives(dir);
    const adb = new Database(a!.file);
    adb.prepare("UPDATE audit SET type = 'kiosk.started' WHERE id = 2").run();
    adb.close();
    expect(verifyAudit(dir).problem).toMatchObject({ id: 2, where: path.basename(a!.file) });
  });

  it('retention deletes expired archives and records it, so the chain verifies from the oldest row left', () => {
    const { dir, audit, archiver, advance } = setup();
    for (let i = 0; i < 3; i++) audit.append('session.ended', { i });
    advance(40 * DAY);
    audit.append('session.ended', {});
    archiver.rotate();
    const [first] = listArchives(dir);
    advance(400 * DAY);
    audit.append('session.ended', {});
    expect(archiver.rotate().pruned).toBe(1);
    expect(existsSync(first!.file)).toBe(false);
    expect(audit.ofTypes(['audit.pruned'], 1)[0]!.detail).toMatchObject({ throughId: 3, lastHash: expect.stringMatching(/^sha256:/) });
    expect(verifyAudit(dir)).toMatchObject({ ok: true, firstId: 4 });
  });

  it('an archive deleted by hand (no audit.pruned row) is detected', () => {
    const { dir, audit, archiver, advance } = setup();
    for (let i = 0; i < 3; i++) audit.append('session.ended', { i });
    advance(40 * DAY);
    audit.append('session.ended', {});
    archiver.rotate();
    rmSync(listArchives(dir)[0]!.file);
    expect(verifyAudit(dir).problem).toMatchObject({ id: 4, reason: expect.stringMatching(/oldest row left/) });
  });

  it('a rebuilt (empty) live table continues the chain from the newest archive', () => {
    const { dir, db, audit, archiver, advance } = setup();
    for (let i = 0; i < 3; i++) audit.append('session.ended', { i });
    advance(40 * DAY);
    audit.append('session.ended', {});
    archiver.rotate();
    tamper(db, 'DELETE FROM audit');
    audit.append('store.recovered', { file: 'kiosk.sqlite' });
    expect(verifyAudit(dir)).toMatchObject({ ok: true, lastId: 4 });
  });
});

describe('aggregated audit rows', () => {
  it('one row per kind per minute with a count, instead of one row each', () => {
    const { db, audit } = setup();
    let t = Date.parse('2026-01-01T00:00:05Z');
    const agg = new AuditAggregator(audit, 'bridge.rejected', () => t);
    const firsts = Array.from({ length: 500 }, () => agg.count('invalidParams', { code: 'invalidParams' })).filter(Boolean).length;
    agg.count('unknownMethod', { code: 'unknownMethod' });
    t += 60_000;
    expect(agg.count('invalidParams', { code: 'invalidParams' })).toBe(true); // a new minute: its own row
    agg.stop();
    expect(firsts).toBe(1);
    const rows = db.prepare("SELECT detail FROM audit WHERE type = 'bridge.rejected' ORDER BY id").all() as { detail: string }[];
    expect(rows.map((r) => JSON.parse(r.detail) as { kind: string; count: number })).toEqual([
      expect.objectContaining({ kind: 'invalidParams', count: 500 }),
      expect.objectContaining({ kind: 'unknownMethod', count: 1 }),
      expect.objectContaining({ kind: 'invalidParams', count: 1 }),
    ]);
  });
});

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../main/core/store/audit.js';
import { migrate, openDatabase } from '../../main/core/store/db.js';
import { migrations } from '../../main/core/store/migrations.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'store-'));

describe('SQLite store', () => {
  it('opens in WAL mode and applies each migration once', () => {
    const dir = tmp();
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(db)).toBe(migrations.length);
    const rows = db.prepare('SELECT version FROM schema_migrations').all();
    expect(rows).toHaveLength(migrations.length);
    db.close();
    openDatabase(dir).close();
  });

  it('refuses a database from a newer version instead of corrupting it', () => {
    const db = openDatabase(tmp());
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();
    expect(() => migrate(db)).toThrow(/newer/);
  });

  it('keeps the audit log append-only and masked', () => {
    const db = openDatabase(tmp());
    const audit = new AuditLog(db);
    audit.append('session.started', { trigger: 'card', idNumber: '11010519491231002X', name: '张三' });
    const [entry] = audit.latest(5);
    expect(entry!.type).toBe('session.started');
    expect(entry!.detail).toEqual({ trigger: 'card', idNumber: '1101**********002X', name: '张*' });
    expect(() => db.prepare('UPDATE audit SET type = ?').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
  });
});

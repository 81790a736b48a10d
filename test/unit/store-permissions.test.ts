import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/store/db.js';

const mode = (p: string) => statSync(p).mode & 0o777;
let previousUmask: number;

beforeEach(() => {
  previousUmask = process.umask(0o022); // the usual default: new files world-readable
});
afterEach(() => void process.umask(previousUmask));

describe('the data dir and database are for the kiosk user only', () => {
  it('a new data dir is 0700 and the database with its WAL files 0600', () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'perm-')), 'data');
    const db = openDatabase(dataDir);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    expect(mode(dataDir)).toBe(0o700);
    for (const f of ['kiosk.sqlite', 'kiosk.sqlite-wal', 'kiosk.sqlite-shm']) expect(mode(path.join(dataDir, f)), f).toBe(0o600);
    db.close();
  });

  it('tightens a data dir and database left readable by an older version', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'perm-'));
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
    openDatabase(dataDir).close();
    chmodSync(path.join(dataDir, 'kiosk.sqlite'), 0o644);
    writeFileSync(path.join(dataDir, 'kiosk.sqlite-wal'), '');
    chmodSync(path.join(dataDir, 'kiosk.sqlite-wal'), 0o644);
    const db = openDatabase(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'kiosk.sqlite'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'kiosk.sqlite-shm'))).toBe(0o600);
    db.close();
  });
});

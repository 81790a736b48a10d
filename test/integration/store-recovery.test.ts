import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../main/core/config/load.js';
import { DriverRegistry } from '../../main/core/devices/driver-registry.js';
import { Kiosk } from '../../main/core/kiosk.js';
import { createLogger } from '../../main/core/log/logger.js';
import { KeyFile, PayloadCipher } from '../../main/core/outbox/cipher.js';
import { openOutboxDatabase } from '../../main/core/outbox/outbox-db.js';
import { Outbox } from '../../main/core/outbox/outbox.js';
import { StoreError } from '../../main/core/store/errors.js';
import { root, testConfig } from '../support/kiosk-process.js';

function kioskIn(dataDir: string, overrides: Record<string, unknown> = {}) {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _e, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const kiosk = new Kiosk({
    config: parseConfig(stringify(testConfig(overrides)), 'test.yaml'),
    dataDir,
    runtime: 'browser',
    logger: createLogger({ destination: sink, level: 'debug' }),
    drivers: new DriverRegistry(),
    requestRestart: () => undefined,
  });
  return { kiosk, logs };
}

const evaluation = (i: number) => ({
  caseId: `CASE-${i}`,
  matterId: 'm',
  level: 5,
  reasons: [],
  comment: null,
  evaluatedAt: new Date().toISOString(),
});

function overwrite(file: string, offset: number, bytes: Buffer) {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

describe('a damaged database at start', () => {
  it('kiosk.sqlite damaged: quarantined with a timestamp, rebuilt, said in the audit log; the outbox is untouched', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'store-corrupt-'));
    const first = kioskIn(dir);
    first.kiosk.outbox.submit('evaluation', evaluation(1));
    first.kiosk.outbox.submit('evaluation', evaluation(2));
    await first.kiosk.stop();
    overwrite(path.join(dir, 'kiosk.sqlite'), 0, randomBytes(100));

    const { kiosk, logs } = kioskIn(dir);
    expect(readdirSync(path.join(dir, 'quarantine'))).toEqual([expect.stringMatching(/^kiosk\.sqlite\.\d{4}-\d\d-\d\dT[\d-]+Z$/)]);
    expect(kiosk.audit.ofTypes(['store.recovered'], 5)).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({ file: 'kiosk.sqlite', consequence: expect.stringContaining('re-synced from the platform') }),
      }),
    ]);
    expect(logs.join('')).toMatch(/MAINTENANCE: kiosk\.sqlite was damaged and has been rebuilt/);
    expect(kiosk.outbox.depth()).toBe(2);
    await kiosk.stop();
  });

  it('outbox.sqlite with a damaged page: quarantined, and every entry still readable is kept', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-corrupt-'));
    const cipher = new PayloadCipher(new KeyFile(path.join(dir, 'outbox.key')));
    const { db } = openOutboxDatabase(dir);
    const outbox = new Outbox(db, cipher);
    for (let i = 0; i < 40; i++) outbox.enqueue('evaluation', { ...evaluation(i), comment: randomBytes(1500).toString('hex') });
    db.close();
    overwrite(path.join(dir, 'outbox.sqlite'), 4096 * 20, Buffer.alloc(4096, 0x55));

    const reopened = openOutboxDatabase(dir);
    expect(reopened.recovery?.reason).toMatch(/integrity check failed/);
    expect(reopened.salvaged).toBeGreaterThanOrEqual(38);
    const kept = new Outbox(reopened.db, cipher);
    expect(kept.depth()).toBe(reopened.salvaged);
    expect(kept.entries().every((e) => e.kind === 'evaluation')).toBe(true);
    reopened.db.close();
  });
});

describe('disk full', () => {
  it('queueing fails with a clear typed error, nothing accepted before is lost, and it works again once there is room', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'disk-full-'));
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir]);
    if (mount.status !== 0) throw new Error(`this test mounts a 512 KiB tmpfs and needs root: ${mount.stderr.toString()}`);
    try {
      const cipher = new PayloadCipher(new KeyFile(path.join(dir, 'outbox.key')));
      const { db } = openOutboxDatabase(dir);
      const outbox = new Outbox(db, cipher);
      const accepted = [0, 1, 2, 3, 4].map((i) => outbox.enqueue('evaluation', evaluation(i)).idempotencyKey);
      // fill the disk
      const fd = openSync(path.join(dir, 'filler'), 'w');
      try {
        for (;;) writeSync(fd, Buffer.alloc(4096));
      } catch (e) {
        expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }
      let error: unknown;
      try {
        outbox.enqueue('evaluation', evaluation(99));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'diskFull', messageKey: 'maintenance.store.diskFull' });
      expect((error as Error).message).toMatch(/disk holding .*outbox\.sqlite is full; nothing was written/);
      db.close();

      const again = openOutboxDatabase(dir);
      const kept = new Outbox(again.db, cipher);
      expect(again.recovery).toBeNull();
      expect(kept.entries().map((e) => e.idempotencyKey)).toEqual(accepted);
      execFileSync('mount', ['-o', 'remount,size=2m', dir]);
      kept.enqueue('evaluation', evaluation(5));
      expect(kept.depth()).toBe(6);
      again.db.close();
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});

describe('diag audit verify', () => {
  it('exit 0 on an intact chain; exit 1 naming the first edited row', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'audit-verify-'));
    const { kiosk } = kioskIn(dir);
    await kiosk.start();
    for (let i = 0; i < 3; i++) kiosk.audit.append('session.started', { trigger: 'touch' });
    await kiosk.stop();
    const diag = () =>
      spawnSync(
        path.join(root, 'node_modules', '.bin', 'tsx'),
        [path.join(root, 'main', 'diag', 'cli.ts'), 'audit', 'verify', '--data-dir', dir],
        { encoding: 'utf8' },
      );
    const ok = diag();
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, head: expect.stringMatching(/^sha256:/) });

    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dir, 'kiosk.sqlite'));
    db.exec('DROP TRIGGER audit_no_update; UPDATE audit SET detail = \'{"trigger":"card"}\' WHERE id = 3;');
    db.close();
    const bad = diag();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/audit chain broken: row 3 \(kiosk\.sqlite\) does not match its hash/);
  });
});

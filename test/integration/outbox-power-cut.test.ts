import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { KeyFile, PayloadCipher } from '../../main/core/outbox/cipher.js';
import { openOutboxDatabase } from '../../main/core/outbox/outbox-db.js';
import { Outbox } from '../../main/core/outbox/outbox.js';
import { root } from '../support/kiosk-process.js';
import { requirePeer } from '../support/peers.js';

/**
 * A power cut loses what the kernel had not yet written to the disk. SIGKILL alone does not show that (the page
 * cache survives a killed process), so this test proves the two halves separately on a real child process:
 * 1. the commit is in the database files at the moment `enqueue` returns: a copy of the files taken then, before
 *    anything else runs, holds the entry;
 * 2. it is on stable storage by then: strace shows an fsync of outbox.sqlite-wal after the commit's last write and
 *    before the child acknowledges (with synchronous=NORMAL, WAL commits are not synced and this fails);
 * then the child is killed with SIGKILL and the entry is there after restart.
 */
describe('an acknowledged outbox write survives a power cut', () => {
  // an evaluation, and an application with its scans and signature (saved with its reference row in one transaction)
  it.each(['evaluation', 'application'])(
    '%s: is in the files and fsynced before the save returns, and is there after SIGKILL',
    async (kind) => {
      requirePeer('strace', 'strace');
      const dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-power-'));
      const trace = path.join(dir, 'trace.txt');
      const tracer = spawn(
        'strace',
        [
          '-f',
          '-y',
          '-e',
          'trace=write,pwrite64,pwritev,fsync,fdatasync',
          '-o',
          trace,
          process.execPath,
          '--import',
          'tsx',
          path.join(root, 'test', 'support', 'outbox-child.ts'),
          dir,
          kind,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'], cwd: root },
      );
      const key = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: tracer.stdout! }).on('line', (l) => {
          const m = /^QUEUED (\S+)$/.exec(l);
          if (m) resolve(m[1]!);
        });
        tracer.once('exit', (c) => reject(new Error(`child exited ${c} before queueing`)));
      });
      // the moment of the cut: copy the files as they are now
      const snapshot = mkdtempSync(path.join(os.tmpdir(), 'outbox-snapshot-'));
      for (const f of ['outbox.sqlite', 'outbox.sqlite-wal', 'outbox.key'])
        if (existsSync(path.join(dir, f))) copyFileSync(path.join(dir, f), path.join(snapshot, f));
      const child = Number(readFileSync(`/proc/${tracer.pid}/task/${tracer.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
      const exited = new Promise((r) => tracer.once('exit', r));
      process.kill(child, 'SIGKILL');
      await exited;

      const keysIn = (d: string) => {
        const { db } = openOutboxDatabase(d);
        try {
          return new Outbox(db, new PayloadCipher(new KeyFile(path.join(d, 'outbox.key')))).entries().map((e) => e.idempotencyKey);
        } finally {
          db.close();
        }
      };
      expect(keysIn(snapshot)).toEqual([key]);
      expect(keysIn(dir)).toEqual([key]);

      const lines = readFileSync(trace, 'utf8').split('\n');
      const ack = lines.findIndex((l) => /write\(1<[^>]*>, "QUEUED /.test(l));
      expect(ack).toBeGreaterThan(0);
      const lastWalWrite = lines.slice(0, ack).findLastIndex((l) => /pwrite(64|v)?\(\d+<[^>]*outbox\.sqlite-wal>/.test(l));
      expect(lastWalWrite, 'the commit wrote to the WAL').toBeGreaterThan(0);
      const synced = lines.slice(lastWalWrite, ack).some((l) => /f(data)?sync\(\d+<[^>]*outbox\.sqlite-wal>\) = 0/.test(l));
      expect(synced, 'the WAL was fsynced after the commit and before the acknowledgement').toBe(true);
    },
  );
});

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { KeyFile, PayloadCipher } from '../../main/core/outbox/cipher.js';
import { Outbox } from '../../main/core/outbox/outbox.js';
import { platformSender } from '../../main/core/outbox/platform-sender.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import { openOutboxDatabase } from '../../main/core/outbox/outbox-db.js';
import type { Db } from '../../main/core/store/db.js';
import { root } from '../support/kiosk-process.js';

let emu: EmulatorHandle;
beforeEach(async () => {
  emu = await platformEmulator.start({ argv: [] });
});
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
  await emu.close();
});

const evaluations = () => emu.state().evaluations as { idempotencyKey: string; caseId: string; level: number }[];
const sender = () =>
  platformSender(
    new PlatformClient({ baseUrl: emu.address, terminalId: 'TEST-0001', secret: 'emulated-terminal-secret', timeoutMs: 3000 }),
  );
const dbs: Db[] = [];
const openOutbox = (dir: string, now?: () => Date) => {
  const { db } = openOutboxDatabase(dir);
  dbs.push(db);
  return new Outbox(db, new PayloadCipher(new KeyFile(path.join(dir, 'outbox.key'))), now, { firstMs: 1000, maxMs: 60_000 });
};

describe('durable outbox against the platform emulator', () => {
  it('an evaluation queued by a process killed with SIGKILL before sending is delivered after restart, once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-kill-'));
    // node with the tsx loader, not the tsx wrapper: SIGKILL must hit the very process that wrote the database
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'support', 'outbox-child.ts'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const key = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).on('line', (l) => {
        const m = /^QUEUED (\S+)$/.exec(l);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (c) => reject(new Error(`child exited ${c} before queueing`)));
    });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect(evaluations()).toHaveLength(0);

    const outbox = openOutbox(dir);
    expect(outbox.depth()).toBe(1);
    expect(await outbox.deliverDue(sender())).toEqual({ acknowledged: 1, failed: 0 });
    expect(outbox.depth()).toBe(0);
    expect(evaluations()).toEqual([expect.objectContaining({ idempotencyKey: key, caseId: 'CASE-KILL9', level: 5 })]);
  });

  it('a lost acknowledgement is retried with the same key and the platform keeps one evaluation', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-ack-'));
    let now = new Date();
    const outbox = openOutbox(dir, () => now);
    outbox.enqueue('evaluation', {
      caseId: 'CASE-ACK',
      matterId: 'm',
      level: 1,
      reasons: ['态度不好'],
      comment: '窗口人员不耐烦',
      evaluatedAt: now.toISOString(),
    });
    emu.setFault('dropAck', true);
    expect(await outbox.deliverDue(sender())).toEqual({ acknowledged: 0, failed: 1 });
    expect(evaluations()).toHaveLength(1);
    expect(outbox.entries()[0]!.lastError).toMatch(/unreachable/);

    emu.setFault('dropAck', false);
    now = new Date(now.getTime() + 1000);
    expect(await outbox.deliverDue(sender())).toEqual({ acknowledged: 1, failed: 0 });
    expect(evaluations()).toHaveLength(1);
    expect(outbox.depth()).toBe(0);
  });

  it('while the platform is unreachable nothing is lost; it goes out when the platform is back', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-down-'));
    let now = new Date();
    const outbox = openOutbox(dir, () => now);
    outbox.enqueue('evaluation', {
      caseId: 'CASE-DOWN',
      matterId: 'm',
      level: 4,
      reasons: [],
      comment: null,
      evaluatedAt: now.toISOString(),
    });
    emu.setFault('offline', true);
    await outbox.deliverDue(sender());
    await outbox.deliverDue(sender());
    expect(outbox.depth()).toBe(1);
    emu.setFault('offline', false);
    now = new Date(now.getTime() + 60_000);
    await outbox.deliverDue(sender());
    expect(outbox.depth()).toBe(0);
    expect(evaluations().map((e) => e.caseId)).toEqual(['CASE-DOWN']);
  });
});

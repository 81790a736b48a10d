import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirectoryInstaller } from '../../main/core/fleet/directory-installer.js';
import { releaseSigningText } from '../../main/core/fleet/protocol.js';
import { generateSigningKeys, privateKeyFrom, publicKeyFrom, signBytes } from '../../main/core/fleet/signing.js';
import { Updater, type UpdateEvent } from '../../main/core/fleet/updater.js';

const keys = generateSigningKeys();

/** A release package (.tar.gz) made in a temp dir, served by a fake fetch. */
function release(version: string) {
  const src = mkdtempSync(path.join(os.tmpdir(), 'rel-'));
  writeFileSync(path.join(src, 'VERSION'), version);
  const file = path.join(src, '..', `${path.basename(src)}.tgz`);
  execFileSync('tar', ['-czf', file, '-C', src, 'VERSION']);
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    body: {
      type: 'update' as const,
      version,
      url: `https://updates.example/${version}.tgz`,
      sha256,
      signature: signBytes(privateKeyFrom(keys.privateKey), Buffer.from(releaseSigningText(version, sha256))),
    },
    fetch: (async () => new Response(bytes)) as unknown as typeof fetch,
  };
}

/** One terminal's install root and a process "running" `version` on it. */
function machine(root: string, version: string, events: UpdateEvent[], restarts: string[]) {
  const installer = new DirectoryInstaller(root, version);
  return (fetchImpl?: typeof fetch) =>
    new Updater({
      installer,
      dir: path.join(root, 'state'),
      releaseKey: publicKeyFrom(keys.publicKey),
      healthDeadlineMs: 300,
      restart: () => restarts.push(version),
      devicesOnline: () => ['printer-a4', 'id-reader'],
      report: (e) => events.push(e),
      fetch: fetchImpl,
    });
}

function freshRoot(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'install-'));
  mkdirSync(path.join(root, 'versions', '1.0.0'), { recursive: true });
  return root;
}

describe('updates side by side', () => {
  it('installs next to the running version, switches, and commits once the new version is healthy', async () => {
    const root = freshRoot();
    const events: UpdateEvent[] = [];
    const restarts: string[] = [];
    const rel = release('1.1.0');
    const outcome = await machine(root, '1.0.0', events, restarts)(rel.fetch).update(rel.body);
    expect(outcome).toEqual({ ok: true, detail: 'installed 1.1.0, restarting' });
    expect(readFileSync(path.join(root, 'versions', '1.1.0', 'VERSION'), 'utf8')).toBe('1.1.0');
    expect(readlinkSync(path.join(root, 'current'))).toBe(path.join('versions', '1.1.0'));
    expect(existsSync(path.join(root, 'versions', '1.0.0'))).toBe(true);
    // the new process starts on 1.1.0: ready, and both devices back
    const result = await machine(root, '1.1.0', events, restarts)().confirmOnStart({
      ready: () => true,
      onlineDevices: () => ['printer-a4', 'id-reader'],
      pollMs: 10,
    });
    expect(result).toBe('committed');
    expect(events).toEqual([{ type: 'update.committed', from: '1.0.0', to: '1.1.0', detail: 'healthy' }]);
    expect(readlinkSync(path.join(root, 'current'))).toBe(path.join('versions', '1.1.0'));
  });

  it('rolls back to the previous version by itself when a device does not come back within the deadline', async () => {
    const root = freshRoot();
    const events: UpdateEvent[] = [];
    const restarts: string[] = [];
    const rel = release('1.1.0');
    await machine(root, '1.0.0', events, restarts)(rel.fetch).update(rel.body);
    const result = await machine(root, '1.1.0', events, restarts)().confirmOnStart({
      ready: () => true,
      onlineDevices: () => ['printer-a4'],
      pollMs: 10,
    });
    expect(result).toBe('rolledBack');
    expect(events).toEqual([{ type: 'update.rolledBack', from: '1.0.0', to: '1.1.0', detail: 'devices not back online: id-reader' }]);
    expect(readlinkSync(path.join(root, 'current'))).toBe(path.join('versions', '1.0.0'));
    // and the next start (on 1.0.0) has nothing pending
    expect(
      await machine(root, '1.0.0', events, restarts)().confirmOnStart({ ready: () => true, onlineDevices: () => [], pollMs: 10 }),
    ).toBe('none');
  });

  it('refuses a package whose hash or release signature does not match, installing nothing', async () => {
    const root = freshRoot();
    const rel = release('1.2.0');
    const m = machine(root, '1.0.0', [], []);
    expect(
      await m(rel.fetch).update({
        ...rel.body,
        sha256: 'f'.repeat(64),
        signature: signBytes(privateKeyFrom(keys.privateKey), Buffer.from(releaseSigningText('1.2.0', 'f'.repeat(64)))),
      }),
    ).toMatchObject({ ok: false, code: 'hashMismatch' });
    const rogue = signBytes(privateKeyFrom(generateSigningKeys().privateKey), Buffer.from(releaseSigningText('1.2.0', rel.body.sha256)));
    expect(await m(rel.fetch).update({ ...rel.body, signature: rogue })).toMatchObject({ ok: false, code: 'badReleaseSignature' });
    expect(existsSync(path.join(root, 'versions', '1.2.0'))).toBe(false);
    expect(existsSync(path.join(root, 'current'))).toBe(false);
  });
});

import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { root } from '../support/kiosk-process.js';
import { block } from '../support/text-blocks.js';

const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const diag = (...args: string[]) => {
  const r = spawnSync(tsx, [path.join(root, 'main/diag/cli.ts'), ...args], { encoding: 'utf8' });
  return { status: r.status, json: JSON.parse(r.stdout || 'null') as Record<string, unknown> };
};

/** A read reply frame built here from the spec (not with the codec under test). */
function readReply(text: Uint8Array, sw3 = 0x90): string {
  const data = Buffer.concat([Buffer.from([0x01, 0x00, 0x04, 0x00]), text, Buffer.alloc(1024, 7)]);
  const body = Buffer.concat([Buffer.from([0, 0, sw3]), data]);
  const len = Buffer.from([(body.length + 1) >> 8, (body.length + 1) & 0xff]);
  const chk = [...len, ...body].reduce((a, b) => a ^ b, 0);
  return Buffer.concat([Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]), len, body, Buffer.from([chk])]).toString('hex');
}

const resident = block(' ', [
  [0, '张三'],
  [30, '2'],
  [32, '03'],
  [36, '19491231'],
  [52, '北京市东城区某街1号'],
  [122, '11010519491231002X'],
  [158, '北京市公安局东城分局'],
  [188, '20150101'],
  [204, '20350101'],
]);

describe('diag idcard decode', () => {
  it('decodes a read reply frame into the documented JSON', () => {
    const r = diag('idcard', 'decode', readReply(resident));
    expect(r.status).toBe(0);
    expect(r.json).toEqual({
      ok: true,
      cardType: 'resident',
      name: '张三',
      englishName: null,
      gender: 'female',
      nationCode: '03',
      nation: '回',
      birthDate: '1949-12-31',
      address: '北京市东城区某街1号',
      idNumber: '11010519491231002X',
      idNumberValid: true,
      issuer: '北京市公安局东城分局',
      validFrom: '2015-01-01',
      validTo: '2035-01-01',
      passNumber: null,
      nationality: null,
      hasPhoto: true,
      fingerprintBytes: 0,
    });
  });

  it('decodes a bare 256-byte text block', () => {
    const r = diag('idcard', 'decode', Buffer.from(resident).toString('hex'));
    expect(r.json).toMatchObject({ ok: true, name: '张三', hasPhoto: false });
  });

  it('reads the first frame of a real capture with junk before the preamble and a byte after, and says what it skipped', () => {
    const r = diag('idcard', 'decode', '00ff13aa' + readReply(resident) + '90');
    expect(r.status).toBe(0);
    expect(r.json).toMatchObject({ ok: true, name: '张三', idNumber: '11010519491231002X', skipped: { beforeFrame: 4, afterFrame: 1 } });
  });

  it('fails with exit 1 and a code for bad frames', () => {
    const good = readReply(resident);
    const flipped = good.slice(0, -2) + (parseInt(good.slice(-2), 16) ^ 1).toString(16).padStart(2, '0');
    expect(diag('idcard', 'decode', flipped)).toMatchObject({ status: 1, json: { ok: false, error: 'badChecksum' } });
    expect(diag('idcard', 'decode', good.slice(0, 200))).toMatchObject({ status: 1, json: { ok: false, error: 'truncated' } });
    expect(diag('idcard', 'decode', 'bb' + good.slice(2))).toMatchObject({ status: 1, json: { ok: false, error: 'badPreamble' } });
    expect(diag('idcard', 'decode', 'aaaaaa96690004000041' + '45')).toMatchObject({ status: 1, json: { ok: false, error: 'badStatus' } });
    expect(diag('idcard', 'decode', 'zz')).toMatchObject({ status: 1, json: { ok: false, error: 'badHex' } });
  });
});

describe('idcard emulator CLI and diag idcard read', () => {
  it('prints READY idcard <pty>, and diag reads the placed persona through it (masked by default)', async () => {
    const child = spawn(tsx, [path.join(root, 'emulators/cli.ts'), 'idcard', '--persona', 'adult'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pty = await new Promise<string>((resolve) =>
      readline.createInterface({ input: child.stdout }).on('line', (l) => {
        const m = /^READY idcard (\S+)$/.exec(l);
        if (m) resolve(m[1]!);
      }),
    );
    try {
      const masked = diag('idcard', 'read', '--port', pty, '--wait', '3');
      expect(masked.status).toBe(0);
      expect(masked.json).toMatchObject({
        ok: true,
        cardType: 'resident',
        name: '张**',
        idNumberValid: true,
        samId: expect.stringMatching(/^\d\d\.\d\d-/),
      });
      expect(String(masked.json.idNumber)).toMatch(/^1101\*{10}\d{3}[\dX]$/);
      const full = diag('idcard', 'read', '--port', pty, '--show-personal-data');
      expect(full.json).toMatchObject({ name: '张伟民' });
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });
});

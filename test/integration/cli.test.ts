import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { root, testConfig } from '../support/kiosk-process.js';

const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const run = (script: string, args: string[]) => spawnSync(tsx, [path.join(root, script), ...args], { encoding: 'utf8' });

describe('diag CLI', () => {
  it('diag info prints terminal id, version and configured devices as JSON', () => {
    const r = run('main/diag/cli.ts', ['info']);
    expect(r.status).toBe(0);
    const info = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(info).toMatchObject({ terminalId: 'KIOSK-0001', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(Array.isArray(info.devices)).toBe(true);
  });

  it('names the bad field of a broken config and exits 2', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'terminal: { id: "!", name: x, outlet: y }\nmaintenance: { pinHash: nope }\n');
    const r = run('main/diag/cli.ts', ['config-check', '--config', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('terminal.id');
    expect(r.stderr).toContain('maintenance.pinHash');
  });

  it('makes a PIN hash that the config accepts', () => {
    const r = run('main/diag/cli.ts', ['pin-hash', '135790']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^scrypt\$\d+\$/);
    expect(run('main/diag/cli.ts', ['pin-hash', 'abc']).status).toBe(2);
  });

  it('refuses a new PIN shorter than 6 digits, or the shipped default', () => {
    const short = run('main/diag/cli.ts', ['pin-hash', '1357']);
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('6–12 digits');
    expect(run('main/diag/cli.ts', ['pin-hash', '246810']).stderr).toContain('default');
  });

  it('config-check refuses what used to pass and then failed later, naming each field', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    const file = path.join(dir, 'mistakes.yaml');
    writeFileSync(
      file,
      [
        'terminal: { id: K1-01, name: x, outlet: y }',
        'maintenance: { pinHash: "scrypt$3$HF+aWqjonaLKvVXjTS29sA==$J4cYG2Zvue8aUYlTCo52InXawmGMhjrPwV99ATVlBmw=" }',
        'timeout: { idleSeconds: 30 }',
        'platform: { url: "ftp://platform.example/", emulator: platform, secret: long-enough-secret }',
        'devices:',
        '  - { id: idcard, kind: idCardReader, driver: ga476, transport: { type: tcp, port: 9000 } }',
        '  - { id: receipt, kind: receiptPrinter, driver: escpos, transport: { type: tcp, port: 9100 }, pollIntervalMS: 300 }',
      ].join('\n'),
    );
    const r = run('main/diag/cli.ts', ['config-check', '--config', file]);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout) as { ok: boolean; problems: { field: string; message: string }[] };
    expect(out.ok).toBe(false);
    expect(out.problems.map((p) => p.field).sort()).toEqual([
      'devices[0].driver',
      'devices[1].pollIntervalMS',
      'maintenance.pinHash',
      'platform.emulator',
      'platform.url',
      'timeout',
    ]);
    expect(r.stderr).toContain('use https');
    expect(r.stderr).toContain('did you mean "timeouts"');
  });

  it('config-check passes the shipped config but warns that its maintenance PIN is the default', () => {
    const r = run('main/diag/cli.ts', ['config-check']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, warnings: [{ field: 'maintenance.pinHash' }] });
    expect(r.stderr).toContain('default maintenance PIN');
  });

  it('diag drivers lists every driver with its kind, transports and options', () => {
    const r = run('main/diag/cli.ts', ['drivers']);
    expect(r.status).toBe(0);
    const drivers = JSON.parse(r.stdout) as { name: string; kind: string; options: { properties: Record<string, unknown> } }[];
    expect(drivers.map((d) => d.name)).toEqual(['escl', 'escpos', 'ga467', 'ipp', 'payment-scanner', 'sane', 'ssse-pcsc']);
    expect(Object.keys(drivers.find((d) => d.name === 'ga467')!.options.properties)).toContain('withFingerprint');
  });
});

describe('kiosk start-up', () => {
  it('refuses to start on a bad config, naming the field', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'terminal: { id: K1, name: x, outlet: y }\nmaintenance: { pinHash: nope }\ntimeouts: { idleSeconds: -1 }\n');
    const r = spawnSync(tsx, [path.join(root, 'main/start.ts'), '--headless', '--config', file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('timeouts.idleSeconds');
    expect(r.stdout).not.toContain('KIOSK_URL');
  });

  it('refuses to start with an unknown driver instead of crash-looping, naming the field', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    const file = path.join(dir, 'bad-driver.yaml');
    writeFileSync(
      file,
      stringify({
        ...testConfig(),
        devices: [{ id: 'idcard', kind: 'idCardReader', driver: 'ga476', transport: { type: 'tcp', port: 9000 } }],
      }),
    );
    const r = spawnSync(tsx, [path.join(root, 'main/start.ts'), '--headless', '--no-emulators', '--config', file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('devices[0].driver: unknown driver "ga476"');
    expect(r.stdout).not.toContain('KIOSK_URL');
  });
});

describe('emulator CLI', () => {
  it('lists emulators with --help', () => {
    const r = run('emulators/cli.ts', ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: npm run -s emulators');
  });

  it('refuses an unknown emulator name with the list', () => {
    const r = run('emulators/cli.ts', ['toaster']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown emulator "toaster"');
  });

  it('run starts the control panel and reports READY', async () => {
    const child = spawn(tsx, [path.join(root, 'emulators/cli.ts'), 'run'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve) =>
      readline.createInterface({ input: child.stdout }).on('line', (l) => {
        const m = /^READY control-panel (\S+)$/.exec(l);
        if (m) resolve(m[1]!);
      }),
    );
    const page = await fetch(url);
    expect(await page.text()).toContain('Emulator control panel');
    expect(await (await fetch(`${url}api/emulators`)).json()).toEqual([]);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  });
});

describe('diag catalog search', () => {
  it('syncs from a platform, then ranks from the local catalog, as JSON', async () => {
    const emu = spawn(tsx, [path.join(root, 'emulators', 'cli.ts'), 'platform', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: emu.stdout! }).on('line', (l) => {
          const m = /^READY platform (\S+)$/.exec(l);
          if (m) resolve(m[1]!);
        });
        emu.once('exit', (c) => reject(new Error(`platform emulator exited ${c}`)));
      });
      expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'diag-catalog-'));
      const r = run('main/diag/cli.ts', [
        'catalog',
        'search',
        'hjzm',
        '--json',
        '--limit',
        '3',
        '--platform',
        address,
        '--data-dir',
        dataDir,
      ]);
      expect(r.status, r.stderr).toBe(0);
      const hits = JSON.parse(r.stdout) as { id: string; name: string; code: string | null; score: number }[];
      expect(hits[0]).toMatchObject({ name: '户籍证明开具', id: expect.any(String), score: expect.any(Number) });
      expect(Object.keys(hits[0]!).sort()).toEqual(['code', 'id', 'name', 'score']);
      expect(hits.length).toBeLessThanOrEqual(3);
      expect(r.stderr).toContain('updated to version 1');

      // offline afterwards: the local catalog still answers, in readable form
      const local = run('main/diag/cli.ts', ['catalog', 'search', 'wufanzui', '--data-dir', dataDir]);
      expect(local.status).toBe(0);
      expect(local.stdout.split('\n')[0]).toContain('开具有无违法犯罪记录证明');
      expect(local.stdout).toContain('无犯罪证明');
    } finally {
      emu.kill();
    }
  });

  it('says so when the platform cannot be reached (exit 1) and when the usage is wrong (exit 2)', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'diag-catalog-'));
    const r = run('main/diag/cli.ts', ['catalog', 'search', 'x', '--platform', 'http://127.0.0.1:9/', '--data-dir', dataDir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unreachable');
    expect(run('main/diag/cli.ts', ['catalog', 'search']).status).toBe(2);
  });
});

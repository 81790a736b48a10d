import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { root } from '../support/kiosk-process.js';

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

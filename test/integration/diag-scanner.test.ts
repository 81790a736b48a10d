import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatedScanner } from '../../emulators/scanner-escl/scanner.js';
import { EsclServer } from '../../emulators/scanner-escl/server.js';
import { privateSaneConfig } from '../support/sane-config.js';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** The diag CLI as a technician runs it (a child process: the emulator answers in this one, so never spawnSync). */
const diag = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(tsx, [path.join(root, 'main/diag/cli.ts'), 'scanner', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });

describe('diag scanner', () => {
  let emu: EmulatedScanner;
  let server: EsclServer;
  let uri: string;
  let out: string;
  let sane: ReturnType<typeof privateSaneConfig>;
  beforeAll(async () => {
    emu = new EmulatedScanner(2000);
    server = new EsclServer(emu);
    uri = await server.listen();
    out = mkdtempSync(path.join(os.tmpdir(), 'diag-scan-'));
    sane = privateSaneConfig(['test']);
  });
  afterAll(async () => {
    await server.close();
    rmSync(out, { recursive: true, force: true });
    sane.close();
  });

  it('status prints the state, the feeder and the reasons; a jammed feeder says so', async () => {
    const ok = await diag(['status', '--uri', uri]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ state: 'idle', adf: 'loaded', reasons: [] });
    emu.setFault('jam', true);
    const jam = await diag(['status', '--uri', uri]);
    emu.setFault('jam', false);
    expect(JSON.parse(jam.stdout)).toEqual({ state: 'stopped', adf: 'jam', reasons: ['scanner stopped', 'adf jam'] });
  });

  it('scan writes the platen page as PNG at the resolution and mode asked', async () => {
    const file = path.join(out, 'platen.png');
    const r = await diag(['scan', '--uri', uri, '--out', file, '--resolution', '100', '--mode', 'gray']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, pages: 1, files: [file] });
    const meta = await sharp(readFileSync(file)).metadata();
    expect([meta.format, meta.width, meta.height, meta.channels]).toEqual(['png', 827, 1169, 1]);
  });

  it('scan from the feeder into a .pdf writes one PDF with every sheet', async () => {
    const file = path.join(out, 'feeder.pdf');
    const r = await diag(['scan', '--uri', uri, '--out', file, '--source', 'feeder', '--resolution', '75']);
    expect(r.code, r.stderr).toBe(0);
    const pdf = await PDFDocument.load(readFileSync(file));
    expect(pdf.getPageCount()).toBe(2);
    expect(Math.round(pdf.getPage(0).getWidth())).toBe(595); // A4 in points
  });

  it('exits 1 with the typed error when the scan fails (feeder empty), 2 for an address that is no scanner', async () => {
    emu.setFault('feederEmpty', true);
    const r = await diag(['scan', '--uri', uri, '--out', path.join(out, 'x.pdf'), '--source', 'feeder']);
    emu.setFault('feederEmpty', false);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: 'noMedia', messageKey: 'scanner.error.feederEmpty' });
    expect((await diag(['status', '--uri', 'ftp://nowhere'])).code).toBe(2);
  });

  it('sane:test scans through scanimage and reports the device idle', async () => {
    const file = path.join(out, 'sane.jpg');
    const r = await diag(['scan', '--uri', 'sane:test', '--out', file, '--resolution', '75'], { SANE_CONFIG_DIR: sane.dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect((await sharp(readFileSync(file)).metadata()).format).toBe('jpeg');
    const status = await diag(['status', '--uri', 'sane:test'], { SANE_CONFIG_DIR: sane.dir });
    expect(JSON.parse(status.stdout)).toEqual({ state: 'idle', adf: null, reasons: [] });
  });
});

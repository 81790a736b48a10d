import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SaneScanner } from '../../devices/scanner/sane-scanner.js';
import { EmulatedScanner } from '../../emulators/scanner-escl/scanner.js';
import { EsclServer } from '../../emulators/scanner-escl/server.js';
import { privateSaneConfig } from '../support/sane-config.js';

const run = (cmd: string, args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; stderr: string }>((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });

describe("Debian's eSCL client (sane-airscan + scanimage) against the scanner-escl emulator", () => {
  let emu: EmulatedScanner;
  let server: EsclServer;
  let sane: ReturnType<typeof privateSaneConfig>;
  let out: string;
  beforeAll(async () => {
    emu = new EmulatedScanner(2000);
    server = new EsclServer(emu);
    sane = privateSaneConfig(['airscan'], await server.listen());
    out = mkdtempSync(path.join(os.tmpdir(), 'airscan-out-'));
  });
  afterAll(async () => {
    await server.close();
    sane.close();
    rmSync(out, { recursive: true, force: true });
  });
  afterEach(() => {
    for (const f of [...emu.faults]) emu.setFault(f, false);
  });
  const env = () => ({ SANE_CONFIG_DIR: sane.dir });

  it('scans an A4 page from the platen at 300 dpi in colour', async () => {
    const file = path.join(out, 'page.png');
    const r = await run('scanimage', ['-d', sane.device, '--resolution', '300', '--mode', 'Color', '--format=png', '-o', file], env());
    expect(r.code, r.stderr).toBe(0);
    const meta = await sharp(readFileSync(file)).metadata();
    expect([meta.width, meta.height, meta.channels]).toEqual([2480, 3508, 3]);
    expect(emu.jobs.at(-1)).toMatchObject({ state: 'Completed', delivered: 1 });
  });

  it('scans both sheets of the feeder in a batch, which ends when NextDocument says 404', async () => {
    const r = await run(
      'scanimage',
      [
        '-d',
        sane.device,
        '--source',
        'ADF',
        '--resolution',
        '75',
        '--mode',
        'Gray',
        '--format=png',
        `--batch=${path.join(out, 'adf%d.png')}`,
      ],
      env(),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Batch terminated, 2 pages scanned');
  });

  it.each([
    ['jam', 6, 'Document feeder jammed'],
    ['feederEmpty', 7, 'Document feeder out of documents'],
    ['coverOpen', 8, 'Scanner cover is open'],
  ] as const)('reads the %s fault from ScannerStatus as SANE status %i', async (fault, code, words) => {
    emu.setFault(fault, true);
    const r = await run(
      'scanimage',
      ['-d', sane.device, '--source', 'ADF', '--resolution', '75', '--format=png', '-o', path.join(out, 'x.png')],
      env(),
    );
    expect(r.stderr).toContain(words);
    expect(r.code).toBe(code);
  });

  it("the kiosk's SANE driver scans the emulator through airscan, and a jam there is the same mediaJam as over eSCL", async () => {
    const scanner = new SaneScanner({ id: 'sane-airscan', device: sane.device, saneConfigDir: sane.dir });
    const pages: number[] = [];
    const r = await scanner.scan(
      { source: 'feeder', resolution: 75, mode: 'gray', format: 'image/jpeg' },
      { onPage: (n) => pages.push(n) },
    );
    expect(r.ok && r.value.map((p) => p.mime)).toEqual(['image/jpeg', 'image/jpeg']);
    expect(pages).toEqual([1, 2]);
    emu.setFault('jam', true);
    const jammed = await scanner.scan({ source: 'feeder', resolution: 75, mode: 'gray', format: 'image/jpeg' });
    expect(jammed).toMatchObject({ ok: false, error: { code: 'mediaJam', messageKey: 'scanner.error.jam' } });
  });
});

describe("the SANE driver against scanimage's test backend", () => {
  let sane: ReturnType<typeof privateSaneConfig>;
  let scanner: SaneScanner;
  const make = (extraArgs: string[] = [], device?: string) =>
    new SaneScanner({ id: 'sane', device: device ?? sane.device, saneConfigDir: sane.dir, extraArgs, busyRetries: 1, retryBaseMs: 10 });
  beforeAll(() => {
    sane = privateSaneConfig(['test']);
  });
  afterAll(() => sane.close());
  beforeEach(async () => {
    scanner = make();
    await scanner.start();
  });
  afterEach(() => scanner.stop());

  it('is online with the capabilities scanimage -A lists', async () => {
    expect(scanner.status().state).toBe('online');
    expect(await scanner.scannerCapabilities()).toMatchObject({
      ok: true,
      value: { sources: ['platen', 'feeder'], colorModes: ['color', 'gray'] },
    });
  });

  it('scans the platen as PNG or JPEG at the resolution asked, and leaves no file behind', async () => {
    const scanDirs = () => readdirSync(os.tmpdir()).filter((f) => f.startsWith('kiosk-scan-')).length;
    const before = scanDirs();
    const png = await scanner.scan({ source: 'platen', resolution: 75, mode: 'gray', format: 'image/png' });
    if (!png.ok) throw new Error(png.error.detail);
    const meta = await sharp(png.value[0]!.bytes).metadata();
    expect([meta.format, meta.width, meta.channels]).toEqual(['png', 590, 1]); // 200 mm (the test backend's widest) at 75 dpi
    const jpeg = await scanner.scan({ source: 'platen', resolution: 75, mode: 'color', format: 'image/jpeg' });
    expect(jpeg.ok && jpeg.value[0]!.mime).toBe('image/jpeg');
    expect(scanDirs()).toBe(before); // scans are residents' documents: scanimage's files are removed at once
  });

  it('scans the feeder in a batch until it is empty (the test backend holds ten sheets), page by page', async () => {
    const pages: number[] = [];
    const r = await scanner.scan({ source: 'feeder', resolution: 75, mode: 'gray', format: 'image/png' }, { onPage: (n) => pages.push(n) });
    expect(r.ok && r.value.length).toBe(10);
    expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'mediaJam', 'scanner.error.jam'],
    ['SANE_STATUS_NO_DOCS', 'noMedia', 'scanner.error.feederEmpty'],
    ['SANE_STATUS_COVER_OPEN', 'deviceNotReady', 'scanner.error.coverOpen'],
    ['SANE_STATUS_IO_ERROR', 'hardwareError', 'scanner.error.hardware'],
    ['SANE_STATUS_DEVICE_BUSY', 'deviceNotReady', 'scanner.error.busy'],
  ])('the backend injecting %s is %s (%s), platen and feeder alike', async (status, code, messageKey) => {
    const faulty = make(['--read-return-value', status]);
    for (const source of ['platen', 'feeder'] as const) {
      const r = await faulty.scan({ source, resolution: 75, mode: 'gray', format: 'image/png' });
      expect(r).toMatchObject({ ok: false, error: { code, messageKey } });
      if (!r.ok) expect(r.error.detail).toMatch(/scanimage: sane_(read|start): /);
    }
  });

  it('a device that is not there is disconnected and shows offline', async () => {
    const gone = make([], 'test:9');
    await gone.start();
    expect(gone.status()).toMatchObject({ state: 'offline', reasonKey: 'scanner.reason.offline' });
    expect(await gone.scan({ source: 'platen', resolution: 75, mode: 'gray', format: 'image/png' })).toMatchObject({
      ok: false,
      error: { code: 'disconnected', messageKey: 'scanner.error.offline' },
    });
    await gone.stop();
  });

  it('cancel and timeout stop scanimage mid-page', async () => {
    // the backend slowed to ~200 ms per 1 KB: an A4 page takes minutes
    const slow = make(['--read-limit=yes', '--read-limit-size', '1024', '--read-delay=yes', '--read-delay-duration', '200000']);
    const timedOut = await slow.scan({ source: 'platen', resolution: 150, mode: 'gray', format: 'image/png' }, { timeoutMs: 400 });
    expect(timedOut).toMatchObject({ ok: false, error: { code: 'timeout', messageKey: 'scanner.error.timeout' } });
    const ac = new AbortController();
    const scan = slow.scan({ source: 'platen', resolution: 150, mode: 'gray', format: 'image/png' }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 200); // no event to wait for: scanimage is reading its slowed backend
    expect(await scan).toMatchObject({ ok: false, error: { code: 'canceled', messageKey: 'scanner.error.canceled' } });
  });
});

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IppPrinter, type PrintProgress } from '../../devices/printer/ipp-printer.js';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { printerIppEmulator } from '../../emulators/printer-ipp/emulator.js';
import { requirePeer } from '../support/peers.js';
import { minimalPdf } from '../support/pdf.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ipp-test-'));
const pdfFile = path.join(dir, 'two-pages.pdf');
const pdf = minimalPdf(2, 'kiosk-ipp-test');
writeFileSync(pdfFile, pdf);

interface EmuJob {
  id: number;
  state: number;
  pagesDone: number;
  file: string;
}
const jobsOf = (emu: EmulatorHandle) => emu.state().jobs as EmuJob[];

describe('IPP emulator conforms to CUPS ipptool', () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    requirePeer('ipptool', 'cups-ipp-utils');
    emu = await printerIppEmulator.start({ argv: ['--page-ms', '20'] });
  });
  afterAll(() => emu.close());

  // ipptool runs as a child process while the emulator answers in this one: spawn, never spawnSync
  it.each(['get-printer-attributes.test', 'validate-job.test', 'print-job.test', 'ipp-1.1.test'])('%s passes', async (test) => {
    const r = await run('ipptool', ['-t', '-T', '20', '-f', pdfFile, emu.address, path.join('/usr/share/cups/ipptool', test)]);
    expect(r.stdout, r.stdout).not.toContain('[FAIL]');
    expect(r.code, r.stdout).toBe(0);
  });
});

describe('the certificate printer driver against the IPP emulator', () => {
  let emu: EmulatorHandle;
  let printer: IppPrinter;
  beforeEach(async () => {
    emu = await printerIppEmulator.start({ argv: ['--page-ms', '50'] });
    printer = new IppPrinter({ id: 'a4', uri: emu.address, pollIntervalMs: 60_000 });
    await printer.start();
  });
  afterEach(async () => {
    await printer.stop();
    await emu.close();
  });

  it('prints a PDF to completion with page-by-page progress; the printer spools exactly the bytes sent', async () => {
    expect(printer.status().state).toBe('online');
    const progress: PrintProgress[] = [];
    const r = await printer.print(pdf, { jobName: 'proof', onProgress: (p) => progress.push(p), pollMs: 20 });
    expect(r).toMatchObject({ ok: true, value: { pages: 2 } });
    expect(progress.at(-1)).toMatchObject({ pagesDone: 2, pages: 2 });
    const job = jobsOf(emu)[0]!;
    expect(job.state).toBe(9);
    expect(Buffer.compare(readFileSync(job.file), Buffer.from(pdf))).toBe(0);
  });

  it('says "out of paper" before sending anything', async () => {
    emu.setFault('outOfPaper', true);
    const r = await printer.print(pdf, { jobName: 'proof' });
    expect(r).toMatchObject({ ok: false, error: { code: 'noMedia', messageKey: 'printer.error.paperOut' } });
    expect(jobsOf(emu)).toHaveLength(0);
    expect(printer.status()).toMatchObject({ state: 'userError', media: ['paperOut'] });
  });

  it('a jam mid-job ends as mediaJam, the job is taken back, and after clearing a reprint completes', async () => {
    emu.setFault('jamMidJob', true);
    const r = await printer.print(pdf, { jobName: 'proof', pollMs: 20 });
    expect(r).toMatchObject({ ok: false, error: { code: 'mediaJam' } });
    expect(jobsOf(emu)[0]!.state).toBe(7);
    expect(printer.status().media).toContain('paperJam');
    await emu.act('clear');
    const again = await printer.print(pdf, { jobName: 'proof (reprint)', pollMs: 20 });
    expect(again.ok).toBe(true);
    expect(jobsOf(emu)[1]!.state).toBe(9);
  });

  it('a job that takes too long is canceled at the printer and reported as a timeout', async () => {
    emu.setFault('slow', true);
    const r = await printer.print(pdf, { jobName: 'proof', timeoutMs: 500, pollMs: 50 });
    expect(r).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(jobsOf(emu)[0]!.state).toBe(7);
  });

  it('toner low is a warning that still prints; an unreachable printer shows offline', async () => {
    emu.setFault('tonerLow', true);
    const snap = await printer.readiness();
    expect(snap).toMatchObject({ ok: true, value: { reasons: ['toner-low'], supplies: [{ name: 'Black Toner', level: 5 }] } });
    expect(printer.status().media).toContain('tonerLow');
    emu.setFault('offline', true);
    expect((await printer.readiness()).ok).toBe(false);
    expect(printer.status()).toMatchObject({ state: 'offline', reasonKey: 'device.reason.unreachable' });
  });
});

describe('diag printer status', () => {
  it('prints the state, reasons, supplies and whether jobs are accepted, as JSON', async () => {
    const emu = await printerIppEmulator.start({ argv: [] });
    try {
      emu.setFault('tonerLow', true);
      const tsx = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
      const cli = path.join(import.meta.dirname, '..', '..', 'main', 'diag', 'cli.ts');
      const r = await run(tsx, [cli, 'printer', 'status', '--uri', emu.address]);
      expect(r.code, r.stdout).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        state: 'idle',
        reasons: ['toner-low'],
        supplies: [{ name: 'Black Toner', level: 5 }],
        acceptingJobs: true,
      });
      emu.setFault('offline', true);
      const down = await run(tsx, [cli, 'printer', 'status', '--uri', emu.address]);
      expect(down.code).toBe(1);
      expect(down.stdout).toContain('disconnected');
    } finally {
      await emu.close();
    }
  });
});

describe('diag printer test-page', () => {
  it('prints an A4 page with the terminal id, time, the Chinese sample line and a QR; exit 0 only when completed', async () => {
    const emu = await printerIppEmulator.start({ argv: ['--page-ms', '20'] });
    const tsx = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const cli = path.join(import.meta.dirname, '..', '..', 'main', 'diag', 'cli.ts');
    try {
      const r = await run(tsx, [cli, 'printer', 'test-page', '--uri', emu.address]);
      expect(r.code, r.stdout).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, pages: 1 });
      const job = jobsOf(emu)[0]!;
      expect(job.state).toBe(9);
      const text = await run('pdftotext', [job.file, '-']);
      expect(text.code, text.stdout).toBe(0);
      expect(text.stdout).toContain('政务服务自助终端打印测试');
      expect(text.stdout).toContain('KIOSK-0001');
      // the terminal's zone, the Chinese way (config terminal.timeZone)
      expect(text.stdout).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2} \(Asia\/Shanghai\)/);

      emu.setFault('outOfPaper', true);
      const empty = await run(tsx, [cli, 'printer', 'test-page', '--uri', emu.address]);
      expect(empty.code).toBe(1);
      expect(JSON.parse(empty.stdout.trim().split('\n').at(-1)!)).toMatchObject({ ok: false, error: 'noMedia' });
    } finally {
      await emu.close();
    }
  });
});

describe('the driver against CUPS ippeveprinter', () => {
  let eve: ChildProcess;
  let spool: string;
  const port = 18000 + Math.floor(Math.random() * 1000);
  const uri = `ipp://localhost:${port}/ipp/print`;

  beforeAll(async () => {
    requirePeer('ippeveprinter', 'cups-ipp-utils');
    requirePeer('dbus-run-session', 'dbus-daemon');
    spool = mkdtempSync(path.join(os.tmpdir(), 'ippeve-'));
    eve = spawn(
      'dbus-run-session',
      [
        '--',
        'sh',
        '-c',
        `DBUS_SYSTEM_BUS_ADDRESS=$DBUS_SESSION_BUS_ADDRESS exec ippeveprinter -n localhost -p ${port} -r off -d ${spool} -k -f application/pdf -c /bin/true KioskTest`,
      ],
      { stdio: 'ignore' },
    );
    const printer = new IppPrinter({ id: 'eve', uri });
    for (let i = 0; i < 100 && !(await printer.snapshot()).ok; i++) await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => eve?.kill());

  it('prints; the job completes and the spooled file is the PDF that was sent', async () => {
    const printer = new IppPrinter({ id: 'eve', uri });
    const r = await printer.print(pdf, { jobName: 'kiosk-proof', pollMs: 100, timeoutMs: 30_000 });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const files = listFiles(spool).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBe(1);
    expect(Buffer.compare(readFileSync(files[0]!), Buffer.from(pdf))).toBe(0);
  });

  it('with its paper emptied, the kiosk reports out-of-paper before printing', async () => {
    const res = await fetch(`http://localhost:${port}/media?size1=iso_a4_210x297mm&type1=stationery&level1=0`);
    expect(res.status).toBeLessThan(400);
    const printer = new IppPrinter({ id: 'eve', uri });
    const before = listFiles(spool).length;
    const r = await printer.print(pdf, { jobName: 'kiosk-proof' });
    expect(r).toMatchObject({ ok: false, error: { code: 'noMedia' } });
    expect(listFiles(spool).length).toBe(before);
  });
});

function listFiles(root: string): string[] {
  return readdirSync(root).flatMap((f) => {
    const p = path.join(root, f);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: stdout + stderr }),
    );
  });
}

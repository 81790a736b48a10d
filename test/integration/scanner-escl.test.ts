import { once } from 'node:events';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../devices/core/status.js';
import { EsclScanner } from '../../devices/scanner/escl-scanner.js';
import { EsclServer } from '../../emulators/scanner-escl/server.js';
import { EmulatedScanner } from '../../emulators/scanner-escl/scanner.js';

/** The status the scanner pushes next that satisfies `want` (no sleeping: the poll's own event). */
const nextStatus = (s: EsclScanner, want: (x: DeviceStatus) => boolean) =>
  new Promise<DeviceStatus>((resolve) => {
    if (want(s.status())) return resolve(s.status());
    const off = s.onStatus((x) => {
      if (want(x)) {
        off();
        resolve(x);
      }
    });
  });

const platenColour = { source: 'platen', resolution: 150, mode: 'color', format: 'image/jpeg' } as const;
const feederGray = { source: 'feeder', resolution: 75, mode: 'gray', format: 'image/png' } as const;

describe('the eSCL scanner driver against the scanner-escl emulator', () => {
  let emu: EmulatedScanner;
  let server: EsclServer;
  let scanner: EsclScanner;
  const jobs = () => emu.jobs.map((j) => ({ source: j.settings.source, state: j.state, delivered: j.delivered }));

  beforeEach(async () => {
    emu = new EmulatedScanner(2000);
    server = new EsclServer(emu);
    scanner = new EsclScanner({ id: 'scanner', url: await server.listen(), pollIntervalMs: 50, busyRetries: 3, retryBaseMs: 20 });
    await scanner.start();
  });
  afterEach(async () => {
    await scanner.stop();
    await server.close();
  });

  it('reads the capabilities and scans an A4 form from the platen at the resolution and colour asked', async () => {
    expect(scanner.status().state).toBe('online');
    const caps = await scanner.scannerCapabilities();
    expect(caps).toMatchObject({
      ok: true,
      value: { sources: ['platen', 'feeder'], colorModes: ['color', 'gray'], maxWidthMm: 210, maxHeightMm: 297 },
    });
    const pages: number[] = [];
    const r = await scanner.scan(platenColour, { onPage: (n) => pages.push(n) });
    if (!r.ok) throw new Error(r.error.detail);
    expect(r.value).toHaveLength(1);
    expect(r.value[0]!.mime).toBe('image/jpeg');
    const meta = await sharp(r.value[0]!.bytes).metadata();
    expect([meta.width, meta.height, meta.channels]).toEqual([1240, 1754, 3]); // A4 at 150 dpi, RGB
    expect(pages).toEqual([1]);
    // the form has ink on it: far from a white page
    const stats = await sharp(r.value[0]!.bytes).greyscale().stats();
    expect(stats.channels[0]!.min).toBeLessThan(80);
    expect(jobs()[0]).toMatchObject({ source: 'Platen', state: 'Completed', delivered: 1 });
  });

  it('scans every sheet in the feeder in grey PNG, page by page, and the job ends with NextDocument 404', async () => {
    const pages: number[] = [];
    const r = await scanner.scan(feederGray, { onPage: (n) => pages.push(n) });
    if (!r.ok) throw new Error(r.error.detail);
    expect(r.value.map((p) => p.mime)).toEqual(['image/png', 'image/png']);
    const meta = await sharp(r.value[1]!.bytes).metadata();
    expect([meta.width, meta.height, meta.channels]).toEqual([620, 877, 1]);
    expect(pages).toEqual([1, 2]);
    expect(jobs()[0]).toMatchObject({ source: 'Feeder', state: 'Completed', delivered: 2 });
  });

  it('delivers PDF when asked', async () => {
    const r = await scanner.scan({ ...platenColour, resolution: 75, format: 'application/pdf' });
    expect(r.ok && r.value[0]!.mime).toBe('application/pdf');
    expect(r.ok && Buffer.from(r.value[0]!.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('an empty feeder is noMedia, told before any job is made; the status shows feederEmpty while the scanner stays online', async () => {
    emu.setFault('feederEmpty', true);
    const r = await scanner.scan(feederGray);
    expect(r).toMatchObject({ ok: false, error: { code: 'noMedia', messageKey: 'scanner.error.feederEmpty' } });
    expect(jobs()).toHaveLength(0);
    const s = await nextStatus(scanner, (x) => x.media.includes('feederEmpty'));
    expect(s.state).toBe('online');
    // the platen still works
    expect((await scanner.scan(platenColour)).ok).toBe(true);
  });

  it('a jam is mediaJam and pushed as a userError status; a jam in the middle of a feeder job gives no partial pages', async () => {
    emu.setFault('jam', true);
    expect(await scanner.scan(feederGray)).toMatchObject({ ok: false, error: { code: 'mediaJam', messageKey: 'scanner.error.jam' } });
    const s = await nextStatus(scanner, (x) => x.state === 'userError');
    expect(s).toMatchObject({ reasonKey: 'scanner.reason.jam', media: ['paperJam'] });
    emu.setFault('jam', false);
    await nextStatus(scanner, (x) => x.state === 'online');

    const r = await scanner.scan(feederGray, { onPage: (n) => n === 1 && emu.setFault('jam', true) });
    expect(r).toMatchObject({ ok: false, error: { code: 'mediaJam' } });
    expect(jobs().at(-1)).toMatchObject({ state: 'Aborted', delivered: 1 });
  });

  it('an open feeder cover is deviceNotReady with the coverOpen message', async () => {
    emu.setFault('coverOpen', true);
    expect(await scanner.scan(feederGray)).toMatchObject({
      ok: false,
      error: { code: 'deviceNotReady', messageKey: 'scanner.error.coverOpen' },
    });
    expect(await nextStatus(scanner, (x) => x.state === 'userError')).toMatchObject({ reasonKey: 'scanner.reason.coverOpen' });
  });

  it('a busy scanner (503) is asked again with backoff and the scan goes through once it is free', async () => {
    emu.setFault('busy', true);
    emu.on('busyRefused', (n: number) => n === 2 && emu.setFault('busy', false));
    expect((await scanner.scan(platenColour)).ok).toBe(true);
    expect(emu.busyRefusals).toBe(2);
    emu.removeAllListeners('busyRefused');

    emu.setFault('busy', true);
    const busy = await scanner.scan(platenColour);
    expect(busy).toMatchObject({ ok: false, error: { code: 'deviceNotReady', messageKey: 'scanner.error.busy' } });
    expect(emu.busyRefusals).toBe(2 + 4); // the first try and three retries
  });

  it('offline is disconnected and pushed as offline; replugged, the status comes back online by itself', async () => {
    emu.setFault('offline', true);
    expect(await scanner.scan(platenColour)).toMatchObject({
      ok: false,
      error: { code: 'disconnected', messageKey: 'scanner.error.offline' },
    });
    expect(await nextStatus(scanner, (x) => x.state === 'offline')).toMatchObject({ reasonKey: 'scanner.reason.offline' });
    emu.setFault('offline', false);
    await nextStatus(scanner, (x) => x.state === 'online');
    expect((await scanner.scan(platenColour)).ok).toBe(true);
  });

  it('cancel: the caller aborts while a page is being scanned; the job is deleted at the scanner', async () => {
    emu.setFault('slow', true);
    const ac = new AbortController();
    const scan = scanner.scan(platenColour, { signal: ac.signal });
    await once(emu, 'nextDocument');
    ac.abort();
    expect(await scan).toMatchObject({ ok: false, error: { code: 'canceled', messageKey: 'scanner.error.canceled' } });
    expect(jobs()[0]!.state).toBe('Canceled');
  });

  it('timeout: a scan past its bound is a timeout and its job is deleted at the scanner', async () => {
    emu.setFault('slow', true);
    const r = await scanner.scan(feederGray, { timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, error: { code: 'timeout', messageKey: 'scanner.error.timeout' } });
    expect(jobs()[0]!.state).toBe('Canceled');
  });

  it('blankPage: the scanner delivers an (almost) white page, left for the core to judge', async () => {
    emu.setFault('blankPage', true);
    const r = await scanner.scan({ ...platenColour, resolution: 75 });
    if (!r.ok) throw new Error(r.error.detail);
    const stats = await sharp(r.value[0]!.bytes).greyscale().stats();
    expect(stats.channels[0]!.mean).toBeGreaterThan(245);
  });

  it('self-test: reachable, capabilities, and a test scan whose image the technician sees', async () => {
    const t = await scanner.selfTest();
    expect(t.passed).toBe(true);
    expect(t.steps.map((s) => s.name)).toEqual(['reachable', 'capabilities', 'testScan']);
    // the technician sees the scanned page: a grey JPEG of the form on the glass
    const preview = t.steps[2]!.preview!;
    expect(preview).toMatch(/^data:image\/jpeg;base64,/);
    const meta = await sharp(Buffer.from(preview.split(',')[1]!, 'base64')).metadata();
    expect([meta.width, meta.channels]).toEqual([620, 1]);
    emu.setFault('offline', true);
    expect((await scanner.selfTest()).passed).toBe(false);
  });
});

describe('the scanner-escl emulator as the CLI and control panel see it', () => {
  it('starts with a READY address, lists its faults, and switches them by name', async () => {
    const { scannerEsclEmulator } = await import('../../emulators/scanner-escl/emulator.js');
    const emu = await scannerEsclEmulator.start({ argv: [] });
    try {
      expect(emu.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/eSCL\/$/);
      expect(emu.faults.map((f) => f.name)).toEqual(['jam', 'feederEmpty', 'coverOpen', 'busy', 'offline', 'slow', 'blankPage']);
      emu.setFault('jam', true);
      expect(emu.state()).toMatchObject({ state: 'Stopped', adfState: 'ScannerAdfJam' });
      await emu.act('clear');
      await emu.act('feeder', 'form+idcard+blank');
      expect(emu.state()).toMatchObject({ state: 'Idle', adfState: 'ScannerAdfLoaded', feeder: ['form', 'idcard', 'blank'] });
      expect(() => emu.setFault('nonsense', true)).toThrow(/unknown fault/);
    } finally {
      await emu.close();
    }
  });
});

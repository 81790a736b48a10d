import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { stringify } from 'yaml';

export const root = path.resolve(import.meta.dirname, '../..');

export interface RunningKiosk {
  url: string;
  /** The emulator control panel (base URL ending in /), when the config names emulators. */
  controlPanel: string;
  dataDir: string;
  configFile: string;
  stderr: () => string;
  /** The pid of the launcher (`tsx main/start.ts`); the core is a descendant (see test/support/process-memory.ts). */
  launcherPid: number;
  stop(): Promise<void>;
}

export const testPinHash =
  // PIN 246810 (same as the default config), made with `npm run -s diag -- pin-hash 246810`
  'scrypt$16384$HF+aWqjonaLKvVXjTS29sA==$J4cYG2Zvue8aUYlTCo52InXawmGMhjrPwV99ATVlBmw=';

export function testConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    terminal: { id: 'TEST-0001', name: '测试终端', outlet: '测试网点', hotline: '12345' },
    languages: ['zh-CN', 'en'],
    timeouts: { idleSeconds: 60, countdownSeconds: 15 },
    maintenance: { pinHash: testPinHash, maxAttempts: 5, lockoutSeconds: 300 },
    devices: [],
    ...overrides,
  };
}

/**
 * Starts the kiosk the way `npm start -- --headless` does, with a temporary data dir and config,
 * and resolves once it prints its KIOSK_URL line (the ready signal).
 */
export async function startKiosk(config: Record<string, unknown>, opts: { timeoutMs?: number } = {}): Promise<RunningKiosk> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-test-'));
  const configFile = path.join(dir, 'kiosk.yaml');
  writeFileSync(configFile, stringify(config));
  const dataDir = path.join(dir, 'data');
  const child: ChildProcess = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'main', 'start.ts'), '--headless', '--config', configFile, '--data-dir', dataDir],
    { env: { ...process.env, KIOSK_PORT: '0', KIOSK_LOG_LEVEL: process.env.KIOSK_LOG_LEVEL ?? 'info' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  let controlPanel = '';
  child.stderr!.on('data', (c: Buffer) => {
    err += c.toString();
    const m = /Emulator control panel: (\S+)/.exec(err);
    if (m) controlPanel = m[1]!;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk not ready in time; stderr:\n${err}`)), opts.timeoutMs ?? 30_000);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^KIOSK_URL=(.+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiosk exited with ${code}; stderr:\n${err}`));
    });
  });
  return {
    url,
    controlPanel,
    dataDir,
    configFile,
    stderr: () => err,
    launcherPid: child.pid!,
    stop: async () => {
      // the kiosk's log (masked JSON lines) is kept beside the screenshots for diagnosing failures
      mkdirSync(path.join(root, 'test', 'artifacts'), { recursive: true });
      writeFileSync(path.join(root, 'test', 'artifacts', `kiosk-${path.basename(dir)}.log`), err);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Drives an emulator through the control panel's JSON API, as a tester would by hand. */
export async function emulatorAction(k: RunningKiosk, emulator: string, action: string, arg?: string): Promise<void> {
  const r = await fetch(`${k.controlPanel}api/emulators/${emulator}/actions/${action}`, { method: 'POST', body: JSON.stringify({ arg }) });
  if (!r.ok) throw new Error(`${emulator} ${action}: ${await r.text()}`);
}

export async function emulatorFault(k: RunningKiosk, emulator: string, fault: string, on: boolean): Promise<void> {
  const r = await fetch(`${k.controlPanel}api/emulators/${emulator}/faults/${fault}`, { method: 'POST', body: JSON.stringify({ on }) });
  if (!r.ok) throw new Error(`${emulator} ${fault}: ${await r.text()}`);
}

/** One emulator's state as the control panel shows it. */
export async function emulatorState<T>(k: RunningKiosk, emulator: string): Promise<T> {
  const r = await fetch(`${k.controlPanel}api/emulators`);
  const all = (await r.json()) as { name: string; state: unknown }[];
  return all.find((e) => e.name === emulator)!.state as T;
}

/** The A4 printer on its emulator, polled rarely so tests decide when its status is read. */
export const emulatedA4Printer = {
  id: 'a4',
  kind: 'certificatePrinter',
  driver: 'ipp',
  transport: { type: 'emulator' },
  emulator: 'printer-ipp',
  pollIntervalMs: 60_000,
};

/** The thermal receipt printer on its emulator. */
export const emulatedReceiptPrinter = {
  id: 'receipt',
  kind: 'receiptPrinter',
  driver: 'escpos',
  transport: { type: 'emulator' },
  emulator: 'printer-escpos',
  pollIntervalMs: 60_000,
};

export const emulatedIdCardReader = {
  id: 'idcard',
  kind: 'idCardReader',
  driver: 'ga467',
  transport: { type: 'emulator' },
  emulator: 'idcard',
  pollIntervalMs: 100,
};

/** The document scanner (eSCL) on its emulator, polled rarely so tests decide when its status is read. */
export const emulatedDocumentScanner = {
  id: 'scanner',
  kind: 'scanner',
  driver: 'escl',
  transport: { type: 'emulator' },
  emulator: 'scanner-escl',
  pollIntervalMs: 60_000,
};

/** Everything an application at the terminal uses, emulated: card reader, both printers, document scanner. */
export const emulatedApplyDevices = [emulatedIdCardReader, emulatedA4Printer, emulatedReceiptPrinter, emulatedDocumentScanner];

/** A terminal that takes applications: the platform emulator, {@link emulatedApplyDevices}, sessions that do not time out mid-test. */
export function applyTestConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return testConfig({
    timeouts: { idleSeconds: 600, countdownSeconds: 15 },
    platform: { emulator: 'platform', secret: 'emulated-terminal-secret' },
    devices: emulatedApplyDevices,
    ...overrides,
  });
}

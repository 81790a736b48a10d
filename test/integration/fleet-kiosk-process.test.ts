import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetService } from '../../fleet/service/fleet-service.js';
import type { AlarmRow, TerminalRow } from '../../fleet/service/store.js';
import { fleetKeys, login, startConsole, startFleetService, until } from '../support/fleet-harness.js';
import { emulatorFault, startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';
import { startMosquitto, type PrivateBroker } from '../support/mosquitto.js';

/** The whole path: `npm start` (headless, emulators) with a fleet section, the fleet service and its console. */
let broker: PrivateBroker;
let service: FleetService;
let kiosk: RunningKiosk;
let consoleUrl: string;
let closeConsole: () => Promise<void>;

beforeAll(async () => {
  broker = await startMosquitto();
  service = await startFleetService(broker.url, path.join(mkdtempSync(path.join(os.tmpdir(), 'fleet-e2e-')), 'fleet.sqlite'));
  const c = await startConsole(service);
  consoleUrl = c.url;
  closeConsole = () => c.server.close();
  kiosk = await startKiosk(
    testConfig({
      devices: [
        {
          id: 'a4',
          kind: 'certificatePrinter',
          driver: 'ipp',
          transport: { type: 'emulator' },
          emulator: 'printer-ipp',
          pollIntervalMs: 500,
        },
      ],
      fleet: {
        broker: { url: broker.url },
        consoleKey: fleetKeys.publicKey,
        region: 'zhengzhou',
        groups: ['outlet-test'],
        debounceMs: 100,
      },
    }),
  );
}, 90_000);
afterAll(async () => {
  await kiosk?.stop();
  await closeConsole?.();
  await service?.stop();
  await broker?.stop();
});

describe('a kiosk started with npm start, seen from the console', () => {
  it('appears with its devices; pulling the printer’s paper raises an alarm within seconds; lock and restart work from the console', async () => {
    const operator = await login(consoleUrl, 'operator');
    const terminal = async () => ((await (await operator('/api/terminals')).json()) as TerminalRow[]).find((t) => t.id === 'TEST-0001');
    const first = await until(terminal, (t) => t?.online === true && t.devices.a4?.status === 'online', 20_000, 'kiosk present');
    expect(first!.devices.a4!.kind).toBe('certificatePrinter');

    const pulledAt = Date.now();
    await emulatorFault(kiosk, 'printer-ipp', 'outOfPaper', true);
    await until(
      async () => (await (await operator('/api/alarms')).json()) as AlarmRow[],
      (a) => a.some((x) => x.terminalId === 'TEST-0001' && x.kind === 'paperOut'),
      10_000,
      'paper-out alarm',
    );
    expect(Date.now() - pulledAt).toBeLessThan(10_000);
    expect(await (await operator('/')).text()).toContain('class="light bad"');

    const lock = await operator('/api/commands', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'terminal:TEST-0001', type: 'lock', message: '设备检修', alternative: '请到 3 号窗口' }),
    });
    expect(lock.status).toBe(202);
    await until(terminal, (t) => t?.locked === true, 10_000, 'locked');

    const restart = await operator('/api/commands', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'terminal:TEST-0001', type: 'restart' }),
    });
    const { id } = (await restart.json()) as { id: string };
    await until(
      async () => (await (await operator(`/api/commands/${id}`)).json()) as { status: string }[],
      (r) => r[0]?.status === 'done',
      10_000,
      'restart result',
    );
    // back under a new process (a later `since`), still locked
    await until(terminal, (t) => t?.online === true && t.since > first!.since && t.locked, 40_000, 'restarted');
  }, 90_000);
});

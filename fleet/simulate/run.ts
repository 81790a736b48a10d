import { spawn, type ChildProcess } from 'node:child_process';
import type { KeyObject } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { SimTerminal } from './sim-terminal.js';

export interface SimulateOptions {
  terminals: number;
  brokerUrl: string;
  consoleKey: KeyObject;
  consoleKeyText: string;
  keepaliveSeconds: number;
  heartbeatSeconds: number;
  seconds: number | null;
  offset: number;
  prefix: string;
  version: string;
  regions: number;
  outletSize: number;
  faultsPerMinute: number;
  updateFailureRate: number;
  healthDeadlineSeconds: number;
  /** Above this many terminals the simulation spreads over child processes (one event loop per few thousand sockets). */
  perProcess: number;
}

export const simId = (prefix: string, i: number) => `${prefix}-${String(i).padStart(6, '0')}`;

/** Where terminal `i` stands: regions round-robin, outlets of `outletSize` consecutive terminals. */
export function placement(i: number, o: Pick<SimulateOptions, 'regions' | 'outletSize'>) {
  const outlet = Math.floor(i / o.outletSize);
  return { region: `region-${String(i % o.regions).padStart(2, '0')}`, outletGroup: `outlet-${outlet}`, outlet: `模拟网点 ${outlet}` };
}

export async function startSimTerminals(o: SimulateOptions, onReady?: (n: number) => void): Promise<SimTerminal[]> {
  const sims: SimTerminal[] = [];
  for (let i = o.offset; i < o.offset + o.terminals; i++) {
    const p = placement(i, o);
    sims.push(
      new SimTerminal({
        id: simId(o.prefix, i),
        region: p.region,
        outlet: p.outlet,
        groups: [p.region, p.outletGroup],
        brokerUrl: o.brokerUrl,
        consoleKey: o.consoleKey,
        version: o.version,
        keepaliveSeconds: o.keepaliveSeconds,
        heartbeatMs: o.heartbeatSeconds * 1000,
        faultsPerMinute: o.faultsPerMinute,
        updateFailureRate: o.updateFailureRate,
        healthDeadlineMs: o.healthDeadlineSeconds * 1000,
        restartDelayMs: 300,
      }),
    );
  }
  const BATCH = 250;
  for (let i = 0; i < sims.length; i += BATCH) {
    await Promise.all(sims.slice(i, i + BATCH).map((s) => s.boot()));
    onReady?.(Math.min(i + BATCH, sims.length));
  }
  return sims;
}

/** Runs the simulation in this process, or spread over child processes; resolves when it ends (seconds, or a signal). */
export async function simulate(o: SimulateOptions, log: (s: string) => void): Promise<void> {
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (o.seconds) setTimeout(resolve, o.seconds * 1000);
  });
  if (o.terminals <= o.perProcess) {
    const sims = await startSimTerminals(o);
    log(`SIM_READY ${sims.length}`);
    await stopSignal;
    await Promise.all(sims.map((s) => s.stop()));
    return;
  }
  const children: ChildProcess[] = [];
  let ready = 0;
  for (let off = o.offset; off < o.offset + o.terminals; off += o.perProcess) {
    const n = Math.min(o.perProcess, o.offset + o.terminals - off);
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        path.join(import.meta.dirname, '..', 'cli.ts'),
        'simulate',
        ...argsFor({ ...o, terminals: n, offset: off, seconds: null }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (/^SIM_READY (\d+)/.test(line)) {
        ready += Number(/^SIM_READY (\d+)/.exec(line)![1]);
        if (ready === o.terminals) log(`SIM_READY ${ready}`);
      }
    });
  }
  await stopSignal;
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : (c.once('exit', r), c.kill('SIGTERM'))))));
}

export function argsFor(o: SimulateOptions): string[] {
  return [
    '--terminals',
    String(o.terminals),
    '--broker',
    o.brokerUrl,
    '--console-key',
    o.consoleKeyText,
    '--keepalive',
    String(o.keepaliveSeconds),
    '--heartbeat',
    String(o.heartbeatSeconds),
    ...(o.seconds ? ['--seconds', String(o.seconds)] : []),
    '--offset',
    String(o.offset),
    '--prefix',
    o.prefix,
    '--version',
    o.version,
    '--regions',
    String(o.regions),
    '--outlet-size',
    String(o.outletSize),
    '--faults',
    String(o.faultsPerMinute),
    '--update-failure',
    String(o.updateFailureRate),
    '--health-deadline',
    String(o.healthDeadlineSeconds),
    '--per-process',
    String(o.perProcess),
  ];
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { CommandResult } from '../../main/core/fleet/protocol.js';
import type { FleetService } from '../../fleet/service/fleet-service.js';
import { argsFor, type SimulateOptions } from '../../fleet/simulate/run.js';
import { consolePublic, fleetKeys, login, servePackage, startConsole, startFleetService } from '../support/fleet-harness.js';
import { freePort, waitForPort } from '../support/mosquitto.js';
import { root } from '../support/kiosk-process.js';

const TERMINALS = Number(process.env.FLEET_BENCH_TERMINALS ?? 10_000);
const PER_PROCESS = 2500;
const FAILING = 0.02;

/** Each child gets its open-file limit raised to the hard limit (10,000 sockets on the broker, 2,500 per simulator process). */
const withFdLimit = (cmd: string[]) => ['sh', ['-c', 'ulimit -n "$(ulimit -Hn)" && exec "$@"', 'sh', ...cmd]] as const;

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const cpuSeconds = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function until(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Sends a command and resolves with each terminal's round-trip time (send → its `done` result stored). The listener is
 * in place before the send, so no early answer is missed.
 */
async function roundTrip(service: FleetService, send: () => Promise<{ id: string }>, n: number, timeoutMs: number): Promise<number[]> {
  const t0 = performance.now();
  const early = new Map<string, number[]>();
  let id: string | null = null;
  let times: number[] = [];
  let finish: (() => void) | null = null;
  const on = (_tid: string, r: CommandResult) => {
    if (r.status !== 'done') return;
    const list = id === r.id ? times : (early.get(r.id) ?? early.set(r.id, []).get(r.id)!);
    list.push(performance.now() - t0);
    if (id === r.id && times.length >= n) finish?.();
  };
  service.ingest.on('result', on);
  try {
    id = (await send()).id;
    times = early.get(id) ?? [];
    if (times.length < n)
      await new Promise<void>((resolve, reject) => {
        finish = resolve;
        setTimeout(() => reject(new Error(`only ${times.length}/${n} results`)), timeoutMs);
      });
    return times;
  } finally {
    service.ingest.off('result', on);
  }
}

/**
 * `npm run bench -- fleet`: a private Mosquitto, the fleet service (SQLite) and 10,000 simulated terminals (real MQTT
 * connections running the terminal agent, in processes of 2,500). Prints: time until all are present, console state,
 * command round trips to one and to a group of 10,000, a staged rollout with 2 % broken updates, memory and CPU.
 */
export async function benchFleet(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fleet-bench-'));
  const children: ChildProcess[] = [];
  let service: FleetService | null = null;
  const pkg = await servePackage('1.1.0');
  try {
    const port = await freePort();
    writeFileSync(
      path.join(dir, 'mosquitto.conf'),
      [
        `listener ${port} 127.0.0.1`,
        'allow_anonymous true',
        'persistence false',
        'max_connections -1',
        'max_queued_messages 100000',
        'set_tcp_nodelay true',
        'user root',
        'log_type error',
      ].join('\n') + '\n',
    );
    const [sh, shArgs] = withFdLimit(['mosquitto', '-c', path.join(dir, 'mosquitto.conf')]);
    const broker = spawn(sh, shArgs, { stdio: 'ignore' });
    children.push(broker);
    await waitForPort(port);
    const url = `mqtt://127.0.0.1:${port}`;
    service = await startFleetService(url, path.join(dir, 'fleet.sqlite'), { rollouts: true });
    const { url: consoleUrl, server } = await startConsole(service, '1.1.0');
    const cpu0 = { broker: cpuSeconds(broker.pid!), service: process.cpuUsage() };

    // presence
    const opts: SimulateOptions = {
      terminals: PER_PROCESS,
      brokerUrl: url,
      consoleKey: consolePublic,
      consoleKeyText: fleetKeys.publicKey,
      keepaliveSeconds: 60,
      heartbeatSeconds: 600,
      seconds: null,
      offset: 0,
      prefix: 'SIM',
      version: '1.0.0',
      regions: 10,
      outletSize: 20,
      faultsPerMinute: 0,
      updateFailureRate: FAILING,
      healthDeadlineSeconds: 5,
      perProcess: PER_PROCESS,
    };
    const t0 = performance.now();
    let ready = 0;
    const sims: ChildProcess[] = [];
    for (let off = 0; off < TERMINALS; off += PER_PROCESS) {
      const n = Math.min(PER_PROCESS, TERMINALS - off);
      const [s, a] = withFdLimit([
        process.execPath,
        ...process.execArgv,
        path.join(root, 'fleet', 'cli.ts'),
        'simulate',
        ...argsFor({ ...opts, terminals: n, offset: off }),
      ]);
      const child = spawn(s, a, { stdio: ['ignore', 'pipe', 'inherit'] });
      readline
        .createInterface({ input: child.stdout! })
        .on('line', (l) => /^SIM_READY (\d+)/.test(l) && (ready += Number(/(\d+)/.exec(l)![1])));
      children.push(child);
      sims.push(child);
    }
    await until(async () => ready === TERMINALS, 300_000, 'simulators connected');
    const connectedMs = performance.now() - t0;
    await until(async () => (await service!.store.counts()).online === TERMINALS, 120_000, 'all present in the console');
    const presentMs = performance.now() - t0;

    // console state
    const viewer = await login(consoleUrl, 'viewer');
    const tc = performance.now();
    const rows = (await (await viewer('/api/terminals')).json()) as { online: boolean; devices: Record<string, unknown>; region: string }[];
    const apiMs = performance.now() - tc;
    const perRegion = new Map<string, number>();
    for (const r of rows) perRegion.set(r.region, (perRegion.get(r.region) ?? 0) + 1);
    const consoleOk =
      rows.length === TERMINALS &&
      rows.every((r) => r.online && Object.keys(r.devices).length === 4) &&
      [...perRegion.values()].every((n) => n === TERMINALS / 10);
    const htmlMs = await (async () => {
      const t = performance.now();
      await (await viewer('/?region=region-03')).text();
      return performance.now() - t;
    })();

    // command round trip, one terminal
    const single: number[] = [];
    for (let i = 0; i < 50; i++) {
      const id = `SIM-${String((i * 197) % TERMINALS).padStart(6, '0')}`;
      single.push(
        ...(await roundTrip(service, () => service!.commands.send({ terminal: id }, { type: 'syncCatalog' }, 'bench'), 1, 10_000)),
      );
    }

    // command round trip, group of all terminals
    const group: { p50: number; p95: number; all: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const times = await roundTrip(
        service,
        () => service!.commands.send({ group: 'all' }, { type: 'syncCatalog' }, 'bench'),
        TERMINALS,
        180_000,
      );
      group.push({ p50: pct(times, 50), p95: pct(times, 95), all: Math.max(...times) });
    }
    await service.settled();

    // staged rollout with 2 % broken updates
    const tr = performance.now();
    const rolloutId = await service.rollouts!.create(
      {
        version: '1.1.0',
        group: 'all',
        package: { url: pkg.url, sha256: pkg.sha256, signature: pkg.signature },
        stages: [1, 10, 50, 100],
        gate: 0.99,
        stageTimeoutMs: 120_000,
        soakMs: 2000,
      },
      'bench',
    );
    await until(async () => (await service!.rollouts!.get(rolloutId))!.state !== 'running', 600_000, 'rollout decided');
    const decidedMs = performance.now() - tr;
    const rollout = (await service.rollouts!.get(rolloutId))!;
    await until(
      async () => (await service!.store.counts()).versions['1.0.0'] === TERMINALS && (await service!.store.counts()).online === TERMINALS,
      300_000,
      'everyone back on 1.0.0',
    );
    const rolledBackMs = performance.now() - tr;

    const rolloutAfter = (await service.rollouts!.get(rolloutId))!;
    const mem = { broker: rssMiB(broker.pid!), service: process.memoryUsage().rss / 1048576, sims: sims.map((c) => rssMiB(c.pid!)) };
    const cpu = {
      broker: cpuSeconds(broker.pid!) - cpu0.broker,
      service: (() => {
        const u = process.cpuUsage(cpu0.service);
        return (u.user + u.system) / 1e6;
      })(),
      sims: sims.map((c) => cpuSeconds(c.pid!)),
    };
    const wall = (performance.now() - t0) / 1000;

    console.log(
      `\nfleet benchmark: ${TERMINALS} simulated terminals (${sims.length} processes), Mosquitto ${port}, fleet service on SQLite`,
    );
    console.log(`  all connected (agents started)        ${ms(connectedMs)}`);
    console.log(`  all present in the console            ${ms(presentMs)}`);
    console.log(
      `  console state correct                  ${consoleOk ? 'yes' : 'NO'} (${rows.length} terminals, 4 devices each, ${perRegion.size} regions × ${TERMINALS / 10}); /api/terminals ${ms(apiMs)}, region page ${ms(htmlMs)}`,
    );
    console.log(`  command round trip, one terminal       p50 ${ms(pct(single, 50))}  p95 ${ms(pct(single, 95))}  (50 commands)`);
    for (const [i, g] of group.entries())
      console.log(`  command to a group of ${TERMINALS} #${i + 1}      p50 ${ms(g.p50)}  p95 ${ms(g.p95)}  all ${ms(g.all)}`);
    console.log(
      `  rollout 1→10→50→100 %, gate 99 %, ${FAILING * 100} % broken: ${rollout.state} at stage ${rollout.stages[rollout.stageIndex]} % after ${ms(decidedMs)} (${rollout.members} updated, ${rollout.succeeded} healthy, ${rollout.failed} failed, ${rolloutAfter.rolledBack} rollback commands); all back on 1.0.0 after ${ms(rolledBackMs)}`,
    );
    console.log(`  detail: ${rollout.detail}`);
    console.log(
      `  memory (RSS)  broker ${mem.broker.toFixed(0)} MiB, service+console ${mem.service.toFixed(0)} MiB, simulators ${mem.sims.map((m) => m.toFixed(0)).join(' / ')} MiB`,
    );
    console.log(
      `  CPU (s)       broker ${cpu.broker.toFixed(1)}, service+console ${cpu.service.toFixed(1)}, simulators ${cpu.sims.map((c) => c.toFixed(1)).join(' / ')} over ${wall.toFixed(0)} s`,
    );
    await server.close();
    if (!consoleOk || rollout.state !== 'halted') process.exitCode = 1;
  } finally {
    for (const c of children.reverse()) if (c.exitCode === null) c.kill('SIGKILL');
    await service?.stop().catch(() => undefined);
    await pkg.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

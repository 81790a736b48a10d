import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { FleetService } from '../../fleet/service/fleet-service.js';
import type { SimTerminal } from '../../fleet/simulate/sim-terminal.js';
import { servePackage, simTerminal, startFleetService, until } from '../support/fleet-harness.js';
import { startMosquitto, type PrivateBroker } from '../support/mosquitto.js';

let broker: PrivateBroker;
let service: FleetService;
let sims: SimTerminal[] = [];
let pkg: Awaited<ReturnType<typeof servePackage>>;

beforeAll(async () => {
  broker = await startMosquitto();
  pkg = await servePackage('1.1.0');
});
afterAll(async () => {
  await pkg?.close();
  await broker?.stop();
});
afterEach(async () => {
  for (const s of sims) await s.stop().catch(() => undefined);
  sims = [];
  await service?.stop();
});

async function fleetOf(n: number, prefix: string, failing: (i: number) => boolean) {
  service = await startFleetService(broker.url, path.join(mkdtempSync(path.join(os.tmpdir(), 'fleet-ro-')), 'fleet.sqlite'));
  for (let i = 0; i < n; i++) {
    const s = simTerminal(broker.url, `${prefix}-${i}`, { groups: [`pilot-${prefix}`], updateFailureRate: failing(i) ? 1 : 0 });
    sims.push(s);
    await s.boot();
  }
  await until(
    () => service.store.terminals({ group: `pilot-${prefix}` }),
    (t) => t.length === n,
    8000,
    'terminals present',
  );
}

const spec = (group: string, stages: number[], gate: number) => ({
  version: '1.1.0',
  group,
  package: { url: pkg.url, sha256: pkg.sha256, signature: pkg.signature },
  stages,
  gate,
  stageTimeoutMs: 20_000,
  soakMs: 300,
});

describe('staged rollouts', () => {
  it('goes stage by stage to the whole group when every terminal comes back healthy on the new version', async () => {
    await fleetOf(8, 'RO-OK', () => false);
    const id = await service.rollouts!.create(spec('pilot-RO-OK', [25, 50, 100], 0.95), 'administrator');
    const done = await until(
      () => service.rollouts!.get(id),
      (r) => r?.state !== 'running',
      30_000,
      'rollout finished',
    );
    expect(done).toMatchObject({ state: 'completed', members: 8, succeeded: 8, failed: 0 });
    expect(sims.map((s) => s.version)).toEqual(Array(8).fill('1.1.0'));
  });

  it('halts when the health gate fails and sends every updated terminal back; broken updates roll back by themselves', async () => {
    // two of ten come up broken (a reader that never returns) and undo their own update within the health deadline
    await fleetOf(10, 'RO-BAD', (i) => i < 2);
    const id = await service.rollouts!.create(spec('pilot-RO-BAD', [50, 100], 0.95), 'administrator');
    const halted = await until(
      () => service.rollouts!.get(id),
      (r) => r?.state !== 'running',
      30_000,
      'rollout halted',
    );
    expect(halted!.state).toBe('halted');
    expect(halted!.detail).toMatch(/gate failed/);
    expect(halted!.failed).toBeGreaterThanOrEqual(1);
    await until(
      async () => sims.map((s) => s.version),
      (v) => v.every((x) => x === '1.0.0'),
      15_000,
      'all back on 1.0.0',
    );
    const selfRolledBack = await service.store.terminalEvents('RO-BAD-0', 'update.rolledBack');
    expect(selfRolledBack.length + (await service.store.terminalEvents('RO-BAD-1', 'update.rolledBack')).length).toBeGreaterThanOrEqual(1);
    // terminals beyond the halted stage were never asked to update
    const members = await service.store.sql.all<{ terminal_id: string }>('SELECT terminal_id FROM rollout_members WHERE rollout_id = ?', [
      id,
    ]);
    const asked = new Set(members.map((m) => m.terminal_id));
    expect(sims.filter((s) => !asked.has(s.id)).every((s) => !s.executed.includes('update'))).toBe(true);
  });
});

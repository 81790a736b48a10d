import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetService } from '../../fleet/service/fleet-service.js';
import type { SimTerminal } from '../../fleet/simulate/sim-terminal.js';
import { simTerminal, startConsole, startFleetService, until } from '../support/fleet-harness.js';
import { startMosquitto, type PrivateBroker } from '../support/mosquitto.js';
import { startPostgres, type PrivatePostgres } from '../support/postgres.js';

let broker: PrivateBroker;
let pg: PrivatePostgres;
const replicas: FleetService[] = [];
const sims: SimTerminal[] = [];

beforeAll(async () => {
  [broker, pg] = await Promise.all([startMosquitto(), startPostgres()]);
  replicas.push(await startFleetService(broker.url, pg.url, { rollouts: true }));
  replicas.push(await startFleetService(broker.url, pg.url, { rollouts: false }));
}, 60_000);
afterAll(async () => {
  for (const s of sims) await s.stop().catch(() => undefined);
  for (const r of replicas) await r.stop().catch(() => undefined);
  await broker?.stop();
  await pg?.stop();
});

describe('fleet service replicas on PostgreSQL', () => {
  it('split the terminals’ messages through the shared subscription and keep one state in the shared database', async () => {
    for (let i = 0; i < 24; i++) {
      const s = simTerminal(broker.url, `T-REP-${i}`);
      sims.push(s);
      await s.boot();
    }
    for (const s of sims.slice(0, 6)) s.setDevice('printer-a4', { media: ['paperOut'] });
    const rows = await until(
      () => replicas[0]!.store.terminals(),
      (t) => t.length === 24 && t.filter((x) => x.alarms.length).length === 6,
      15_000,
      '24 terminals',
    );
    expect(rows.every((t) => t.online)).toBe(true);
    const alarms = await until(
      () => replicas[1]!.store.alarms({ open: true }),
      (a) => a.length === 6,
      10_000,
      'six alarms',
    );
    // each alarm once, though two replicas listen
    expect(new Set(alarms.map((a) => a.terminalId)).size).toBe(6);
    expect(replicas[0]!.processed).toBeGreaterThan(0);
    expect(replicas[1]!.processed).toBeGreaterThan(0);
  });

  it('share console logins: a session made on one replica’s console is valid on the other’s', async () => {
    const a = await startConsole(replicas[0]!);
    const b = await startConsole(replicas[1]!);
    try {
      const loggedIn = await fetch(`${a.url}/login`, {
        method: 'POST',
        body: new URLSearchParams({ user: 'viewer', password: 'viewer-password' }),
        redirect: 'manual',
      });
      const cookie = loggedIn.headers.get('set-cookie')!.split(';')[0]!;
      const res = await fetch(`${b.url}/api/terminals`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as unknown[]).length).toBe(24);
      await fetch(`${b.url}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
      expect((await fetch(`${a.url}/api/terminals`, { headers: { cookie } })).status).toBe(401);
    } finally {
      await a.server.close();
      await b.server.close();
    }
  });
});

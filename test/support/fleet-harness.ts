import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { releaseSigningText } from '../../main/core/fleet/protocol.js';
import { generateSigningKeys, privateKeyFrom, publicKeyFrom, signBytes } from '../../main/core/fleet/signing.js';
import { hashPassword } from '../../fleet/console/auth.js';
import { ConsoleServer } from '../../fleet/console/server.js';
import { FleetService } from '../../fleet/service/fleet-service.js';
import { openSql } from '../../fleet/service/sql.js';
import { SimTerminal, type SimOptions } from '../../fleet/simulate/sim-terminal.js';

export const fleetKeys = generateSigningKeys();
export const consolePrivate = privateKeyFrom(fleetKeys.privateKey);
export const consolePublic = publicKeyFrom(fleetKeys.publicKey);

export async function startFleetService(
  brokerUrl: string,
  db: string,
  extra: { shareGroup?: string; rollouts?: boolean; clientId?: string } = {},
) {
  const service = new FleetService({ brokerUrl, sql: openSql(db), consoleKey: consolePrivate, rolloutTickMs: 150, ...extra });
  await service.start();
  return service;
}

/** The console over a running service, with one user per role (password `<role>-password`). */
export async function startConsole(service: FleetService, latest = '1.0.0') {
  for (const role of ['viewer', 'operator', 'administrator'])
    await service.store.putUser(role, role, await hashPassword(`${role}-password`));
  const server = new ConsoleServer(service, { latestVersion: () => latest });
  const url = await server.listen(0);
  return { server, url };
}

/** Logs in and returns a fetch bound to the session cookie. */
export async function login(url: string, user: string, password = `${user}-password`) {
  const res = await fetch(`${url}/login`, { method: 'POST', body: new URLSearchParams({ user, password }), redirect: 'manual' });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 303 || !cookie) throw new Error(`login as ${user} failed: ${res.status}`);
  return (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), cookie } });
}

export function simTerminal(brokerUrl: string, id: string, over: Partial<SimOptions> = {}): SimTerminal {
  return new SimTerminal({
    id,
    region: 'region-01',
    outlet: '金水区政务服务中心',
    groups: ['region-01', 'outlet-jinshui'],
    brokerUrl,
    consoleKey: consolePublic,
    version: '1.0.0',
    keepaliveSeconds: 30,
    heartbeatMs: 60_000,
    faultsPerMinute: 0,
    updateFailureRate: 0,
    healthDeadlineMs: 1500,
    restartDelayMs: 100,
    ...over,
  });
}

/** A release package served over loopback HTTP, with its hash and the console's release signature. */
export async function servePackage(version: string) {
  const bytes = Buffer.from(`zwkiosk ${version} package`);
  const server = http.createServer((_q, r) => r.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/zwkiosk-${version}.tgz`,
    sha256,
    signature: signBytes(consolePrivate, Buffer.from(releaseSigningText(version, sha256))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls an async condition (the store is written asynchronously from MQTT) until it holds. */
export async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

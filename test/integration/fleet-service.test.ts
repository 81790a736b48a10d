import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetService } from '../../fleet/service/fleet-service.js';
import type { AlarmRow, TerminalRow } from '../../fleet/service/store.js';
import type { SimTerminal } from '../../fleet/simulate/sim-terminal.js';
import { login, simTerminal, startConsole, startFleetService, until } from '../support/fleet-harness.js';
import { startMosquitto, type PrivateBroker } from '../support/mosquitto.js';

let broker: PrivateBroker;
let service: FleetService;
let consoleUrl: string;
let closeConsole: () => Promise<void>;
const sims: SimTerminal[] = [];

beforeAll(async () => {
  broker = await startMosquitto();
  service = await startFleetService(broker.url, path.join(mkdtempSync(path.join(os.tmpdir(), 'fleet-db-')), 'fleet.sqlite'));
  const c = await startConsole(service);
  consoleUrl = c.url;
  closeConsole = () => c.server.close();
  for (let i = 1; i <= 4; i++) {
    const s = simTerminal(broker.url, `T-SVC-${i}`, {
      groups: ['region-01', i <= 2 ? 'outlet-a' : 'outlet-b'],
      outlet: i <= 2 ? '网点甲' : '网点乙',
    });
    sims.push(s);
    await s.boot();
  }
});
afterAll(async () => {
  for (const s of sims) await s.stop().catch(() => undefined);
  await closeConsole?.();
  await service?.stop();
  await broker?.stop();
});

const terminals = async (get: Awaited<ReturnType<typeof login>>, q = '') =>
  (await (await get(`/api/terminals${q}`)).json()) as TerminalRow[];
const alarms = async (get: Awaited<ReturnType<typeof login>>) => (await (await get('/api/alarms')).json()) as AlarmRow[];

describe('fleet service and console', () => {
  it('shows every terminal with its devices, grouped by region and outlet, to a logged-in viewer only', async () => {
    expect((await fetch(`${consoleUrl}/api/terminals`)).status).toBe(401);
    expect((await fetch(`${consoleUrl}/`, { redirect: 'manual' })).headers.get('location')).toBe('/login');
    const viewer = await login(consoleUrl, 'viewer');
    const rows = await until(
      () => terminals(viewer),
      (r) => r.length === 4,
      10_000,
      'four terminals',
    );
    expect(rows.map((r) => r.id).sort()).toEqual(['T-SVC-1', 'T-SVC-2', 'T-SVC-3', 'T-SVC-4']);
    expect(rows.find((r) => r.id === 'T-SVC-1')!.devices['printer-a4']).toEqual({ kind: 'documentPrinter', status: 'online', media: [] });
    const html = await (await viewer('/')).text();
    expect(html).toContain('region-01 / 网点甲');
    expect(html).toContain('class="light ok"');
  });

  it('raises an alarm when a printer runs out of paper, lets an operator (not a viewer) acknowledge it, and clears it', async () => {
    sims[1]!.setDevice('printer-a4', { media: ['paperOut'] });
    const operator = await login(consoleUrl, 'operator');
    const open = await until(
      () => alarms(operator),
      (a) => a.some((x) => x.terminalId === 'T-SVC-2' && x.kind === 'paperOut'),
      8000,
      'paper-out alarm',
    );
    const alarm = open.find((x) => x.terminalId === 'T-SVC-2')!;
    expect(alarm.severity).toBe('critical');
    expect((await terminals(operator, '?paperOut=1')).map((t) => t.id)).toEqual(['T-SVC-2']);
    const viewer = await login(consoleUrl, 'viewer');
    expect((await viewer(`/api/alarms/${alarm.id}/ack`, { method: 'POST' })).status).toBe(403);
    expect((await operator(`/api/alarms/${alarm.id}/ack`, { method: 'POST' })).status).toBe(200);
    const history = (await (await operator('/api/terminals/T-SVC-2')).json()) as { history: { deviceId: string; media: string[] }[] };
    expect(history.history.some((h) => h.deviceId === 'printer-a4' && h.media.includes('paperOut'))).toBe(true);
    sims[1]!.setDevice('printer-a4', { media: [] });
    await until(
      () => alarms(operator),
      (a) => !a.some((x) => x.terminalId === 'T-SVC-2' && x.kind === 'paperOut'),
      8000,
      'alarm cleared',
    );
    const admin = await login(consoleUrl, 'administrator');
    const audit = (await (await admin('/api/audit')).json()) as { actor: string; action: string }[];
    expect(audit.some((a) => a.actor === 'operator' && a.action === 'alarm.acknowledged')).toBe(true);
  });

  it('locks a terminal from the console and tracks the result; unlocks it again', async () => {
    const operator = await login(consoleUrl, 'operator');
    const sent = await operator('/api/commands', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'terminal:T-SVC-3', type: 'lock', message: '设备检修', alternative: '请到网点乙 1 号窗口' }),
    });
    expect(sent.status).toBe(202);
    const { id } = (await sent.json()) as { id: string };
    await until(
      async () => (await (await operator(`/api/commands/${id}`)).json()) as { status: string }[],
      (r) => r[0]?.status === 'done',
      8000,
      'lock result',
    );
    await until(
      () => terminals(operator),
      (r) => r.find((t) => t.id === 'T-SVC-3')?.locked === true,
      8000,
      'locked state',
    );
    expect(sims[2]!.locked).toBe(true);
    const viewer = await login(consoleUrl, 'viewer');
    expect(
      (
        await viewer('/api/commands', {
          method: 'POST',
          body: JSON.stringify({ target: 'terminal:T-SVC-3', type: 'unlock' }),
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(403);
    const unlock = await operator('/api/commands', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'group:outlet-b', type: 'unlock' }),
    });
    const u = (await unlock.json()) as { id: string };
    await until(
      async () => (await (await operator(`/api/commands/${u.id}`)).json()) as { status: string }[],
      (r) => r.length === 2 && r.every((x) => x.status === 'done'),
      8000,
      'group unlock',
    );
    expect(sims[2]!.locked).toBe(false);
  });

  it('shows why a command failed, in words, terminal by terminal', async () => {
    const operator = await login(consoleUrl, 'operator');
    const sent = await operator('/api/commands', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        target: 'terminal:T-SVC-1',
        type: 'update',
        version: '9.9.9',
        url: 'http://127.0.0.1:9/x.tgz',
        sha256: 'a'.repeat(64),
        signature: 'AAAA',
      }),
    });
    const { id } = (await sent.json()) as { id: string };
    const results = await until(
      async () => (await (await operator(`/api/commands/${id}`)).json()) as { status: string; code: string }[],
      (r) => r.length === 1,
      8000,
      'update result',
    );
    expect(results[0]).toMatchObject({ status: 'failed', code: 'badReleaseSignature' });
    expect(await (await operator(`/commands/${id}`)).text()).toContain('安装包签名无效');
  });

  it('flips a terminal that dies to offline through its last will and raises an offline alarm', async () => {
    sims[3]!.kill();
    const viewer = await login(consoleUrl, 'viewer');
    await until(
      () => terminals(viewer, '?offline=1'),
      (r) => r.map((t) => t.id).includes('T-SVC-4'),
      8000,
      'offline',
    );
    expect((await alarms(viewer)).some((a) => a.terminalId === 'T-SVC-4' && a.kind === 'terminalOffline')).toBe(true);
    const html = await (await viewer('/?offline=1')).text();
    expect(html).toContain('class="light off"');
  });

  it('refuses a wrong password and audits it', async () => {
    const res = await fetch(`${consoleUrl}/login`, {
      method: 'POST',
      body: new URLSearchParams({ user: 'operator', password: 'wrong-password' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('用户名或密码错误');
    const admin = await login(consoleUrl, 'administrator');
    const audit = (await (await admin('/api/audit')).json()) as { actor: string; action: string }[];
    expect(audit.some((a) => a.actor === 'operator' && a.action === 'login.failed')).toBe(true);
  });

  it('serves every console page in Chinese to an administrator, and keeps viewers out of administration', async () => {
    const admin = await login(consoleUrl, 'administrator');
    for (const [path, title] of [
      ['/', '终端总览'],
      ['/terminals/T-SVC-1', '设备健康记录'],
      ['/alarms?all=1', '告警'],
      ['/commands', '发送指令'],
      ['/rollouts', '新建分批发布'],
      ['/audit', '审计日志'],
      ['/users', '用户'],
    ]) {
      const res = await admin(path!);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain(title!);
    }
    const viewer = await login(consoleUrl, 'viewer');
    expect((await viewer('/audit')).status).toBe(403);
    expect(await (await viewer('/rollouts')).text()).not.toContain('新建分批发布');
  });
});

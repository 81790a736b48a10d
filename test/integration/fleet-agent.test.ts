import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FleetAgent } from '../../main/core/fleet/agent.js';
import { MemorySeenCommands } from '../../main/core/fleet/command-verifier.js';
import { topics, type CommandBody } from '../../main/core/fleet/protocol.js';
import { generateSigningKeys, privateKeyFrom, publicKeyFrom } from '../../main/core/fleet/signing.js';
import { CommandSigner } from '../../fleet/service/command-signer.js';
import { FakeFleetHost } from '../support/fleet-fake-host.js';
import { freePort, startMosquitto, type PrivateBroker } from '../support/mosquitto.js';
import { MqttObserver } from '../support/mqtt-observer.js';

const keys = generateSigningKeys();
const signer = new CommandSigner(privateKeyFrom(keys.privateKey));
const quiet = { info: () => undefined, warn: () => undefined };

let broker: PrivateBroker;
let observer: MqttObserver;
const agents: FleetAgent[] = [];

beforeAll(async () => {
  broker = await startMosquitto();
  observer = await MqttObserver.connect(broker.url);
});
afterAll(async () => {
  await observer?.close();
  await broker?.stop();
});
afterEach(async () => {
  for (const a of agents.splice(0)) await a.stop().catch(() => undefined);
});

async function startAgent(id: string, host = new FakeFleetHost(), extra: { groups?: string[]; keepaliveSeconds?: number } = {}) {
  const agent = new FleetAgent(host, {
    terminalId: id,
    region: 'zhengzhou',
    outlet: '金水区政务服务中心',
    groups: extra.groups ?? [],
    brokerUrl: broker.url,
    connection: {},
    consoleKey: publicKeyFrom(keys.publicKey),
    keepaliveSeconds: extra.keepaliveSeconds ?? 30,
    heartbeatMs: 60_000,
    debounceMs: 20,
    seen: new MemorySeenCommands(),
    log: quiet,
  });
  agents.push(agent);
  await agent.start();
  return { agent, host };
}

const publish = (topic: string, body: unknown) => observer.client.publishAsync(topic, JSON.stringify(body), { qos: 1 });
const result = (id: string, cmdId: string, status?: string) =>
  observer.next((m) => m.topic === topics.results(id) && m.json.id === cmdId && (!status || m.json.status === status));

describe('fleet agent presence', () => {
  it('keeps a retained state that a console connecting later still receives, with devices and versions', async () => {
    await startAgent('T-PRES-1');
    await observer.next((m) => m.topic === topics.state('T-PRES-1'));
    const late = await MqttObserver.connect(broker.url, topics.state('T-PRES-1'));
    try {
      const m = await late.next(() => true);
      expect(m.retain).toBe(true);
      expect(m.json).toMatchObject({ online: true, version: '1.0.0', catalogVersion: 7, inSession: false, region: 'zhengzhou' });
      expect(m.json.devices).toEqual({
        'printer-a4': { kind: 'documentPrinter', status: 'online', media: [] },
        'id-reader': { kind: 'idCardReader', status: 'online', media: [] },
      });
    } finally {
      await late.close();
    }
  });

  it('raises paper out as an alarm and republishes the state, then clears it when paper is back', async () => {
    const { host } = await startAgent('T-PAPER-1');
    await observer.next((m) => m.topic === topics.state('T-PAPER-1'));
    const mark = observer.mark();
    host.device('printer-a4', { media: ['paperOut'] });
    const raised = await observer.next((m) => m.topic === topics.events('T-PAPER-1') && m.json.type === 'alarm.raised', 8000, mark);
    expect(raised.json).toMatchObject({ kind: 'paperOut', severity: 'critical', deviceId: 'printer-a4', key: 'paperOut:printer-a4' });
    const state = await observer.next(
      (m) => m.topic === topics.state('T-PAPER-1') && (m.json.alarms as string[]).includes('paperOut:printer-a4'),
      8000,
      mark,
    );
    expect((state.json.devices as Record<string, { media: string[] }>)['printer-a4']!.media).toEqual(['paperOut']);
    host.device('printer-a4', { media: [] });
    const cleared = await observer.next((m) => m.topic === topics.events('T-PAPER-1') && m.json.type === 'alarm.cleared', 8000, mark);
    expect(cleared.json.key).toBe('paperOut:printer-a4');
  });

  it('keeps trying while the broker is down and reports as soon as it is up', async () => {
    const port = await freePort();
    const host = new FakeFleetHost();
    const agent = new FleetAgent(host, {
      terminalId: 'T-LATE-1',
      region: 'zhengzhou',
      outlet: '金水区政务服务中心',
      groups: [],
      brokerUrl: `mqtt://127.0.0.1:${port}`,
      connection: {},
      consoleKey: publicKeyFrom(keys.publicKey),
      keepaliveSeconds: 30,
      heartbeatMs: 60_000,
      debounceMs: 20,
      seen: new MemorySeenCommands(),
      log: quiet,
    });
    agents.push(agent);
    const started = agent.start();
    const late = await startMosquitto({ port });
    try {
      await started;
      const o = await MqttObserver.connect(late.url, topics.state('T-LATE-1'));
      expect((await o.next(() => true)).json.online).toBe(true);
      await o.close();
      await agent.stop();
    } finally {
      await late.stop();
    }
  });

  it('stops at once when the broker is unreachable (a kiosk shutdown never hangs on it)', async () => {
    const port = await freePort();
    const agent = new FleetAgent(new FakeFleetHost(), {
      terminalId: 'T-GONE-1',
      region: 'zhengzhou',
      outlet: 'x',
      groups: [],
      brokerUrl: `mqtt://127.0.0.1:${port}`,
      connection: {},
      consoleKey: publicKeyFrom(keys.publicKey),
      keepaliveSeconds: 30,
      heartbeatMs: 60_000,
      debounceMs: 20,
      seen: new MemorySeenCommands(),
      log: quiet,
    });
    void agent.start();
    // an update outcome queued for a broker that never answers
    agent.report({ type: 'update.committed', from: '1.0.0', to: '1.1.0', detail: 'healthy' });
    const t = Date.now();
    await agent.stop();
    expect(Date.now() - t).toBeLessThan(2500);
  });

  it('is seen offline through its last will when its connection dies without a goodbye', async () => {
    const { agent } = await startAgent('T-WILL-1');
    await observer.next((m) => m.topic === topics.state('T-WILL-1') && m.json.online === true);
    const mark = observer.mark();
    agent.kill();
    const will = await observer.next((m) => m.topic === topics.state('T-WILL-1') && m.json.online === false, 8000, mark);
    expect(will.json.version).toBe('1.0.0');
  });
});

describe('fleet agent commands', () => {
  it('runs a signed command once and answers it; a replay of the same message is refused', async () => {
    const { host } = await startAgent('T-CMD-1');
    const { command, signed } = signer.sign('T-CMD-1', { type: 'notice', text: '今日 18:00 起系统维护' });
    await publish(topics.cmd('T-CMD-1'), signed);
    expect((await result('T-CMD-1', command.id)).json).toMatchObject({ status: 'done', type: 'notice' });
    await publish(topics.cmd('T-CMD-1'), signed);
    expect((await result('T-CMD-1', command.id, 'refused')).json.code).toBe('replayed');
    expect(host.executed).toEqual([{ type: 'notice', text: '今日 18:00 起系统维护' }]);
  });

  it('refuses expired commands, commands for another terminal and commands not signed by the pinned console key', async () => {
    const { host } = await startAgent('T-CMD-2');
    const expired = signer.sign('T-CMD-2', { type: 'restart' }, -1000);
    await publish(topics.cmd('T-CMD-2'), expired.signed);
    expect((await result('T-CMD-2', expired.command.id)).json).toMatchObject({ status: 'refused', code: 'expired' });
    const other = signer.sign('T-OTHER', { type: 'restart' });
    await publish(topics.cmd('T-CMD-2'), other.signed);
    expect((await result('T-CMD-2', other.command.id)).json).toMatchObject({ status: 'refused', code: 'wrongTarget' });
    const rogue = new CommandSigner(privateKeyFrom(generateSigningKeys().privateKey)).sign('T-CMD-2', { type: 'restart' });
    await publish(topics.cmd('T-CMD-2'), rogue.signed);
    // forged: no answer under its claimed id, and nothing runs; a later genuine command proves the forgery was processed
    const ok = signer.sign('T-CMD-2', { type: 'syncCatalog' });
    await publish(topics.cmd('T-CMD-2'), ok.signed);
    await result('T-CMD-2', ok.command.id, 'done');
    expect(observer.messages.some((m) => m.topic === topics.results('T-CMD-2') && m.json.id === rogue.command.id)).toBe(false);
    expect(host.executed.map((b) => b.type)).toEqual(['syncCatalog']);
  });

  it('waits for a resident session to end before running a command (lock after session)', async () => {
    const host = new FakeFleetHost();
    host.state.inSession = true;
    await startAgent('T-CMD-3', host);
    const lock: CommandBody = { type: 'lock', message: '设备维护中', alternative: '请前往一楼大厅 3 号窗口' };
    const { command, signed } = signer.sign('T-CMD-3', lock);
    await publish(topics.cmd('T-CMD-3'), signed);
    expect((await result('T-CMD-3', command.id, 'queued')).json.detail).toMatch(/session/);
    expect(host.executed).toEqual([]);
    host.endSession();
    await result('T-CMD-3', command.id, 'done');
    expect(host.executed).toEqual([lock]);
    const state = await observer.next((m) => m.topic === topics.state('T-CMD-3') && m.json.locked === true);
    expect(state.json.inSession).toBe(false);
  });

  it('takes commands addressed to one of its groups', async () => {
    const a = await startAgent('T-GRP-1', undefined, { groups: ['outlet-jinshui'] });
    const b = await startAgent('T-GRP-2', undefined, { groups: ['outlet-jinshui'] });
    const c = await startAgent('T-GRP-3', undefined, { groups: ['outlet-other'] });
    const { command, signed } = signer.sign('group:outlet-jinshui', { type: 'syncCatalog' });
    await publish(topics.groupCmd('outlet-jinshui'), signed);
    await result('T-GRP-1', command.id, 'done');
    await result('T-GRP-2', command.id, 'done');
    expect(a.host.executed).toHaveLength(1);
    expect(b.host.executed).toHaveLength(1);
    expect(c.host.executed).toHaveLength(0);
  });
});

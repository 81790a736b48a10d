import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personasOn } from '../../emulators/idcard/personas.js';
import { CommandSigner } from '../../fleet/service/command-signer.js';
import type { Kiosk } from '../../main/core/kiosk.js';
import { FleetDisplayState } from '../../main/core/fleet/display.js';
import { topics } from '../../main/core/fleet/protocol.js';
import { KeyValueStore } from '../../main/core/store/kv.js';
import { createTestKiosk } from '../support/core.js';
import { consolePrivate, fleetKeys } from '../support/fleet-harness.js';
import { startMosquitto, type PrivateBroker } from '../support/mosquitto.js';
import { MqttObserver } from '../support/mqtt-observer.js';

const ID = 'TEST-0001';
const personas = personasOn(new Date());
const signer = new CommandSigner(consolePrivate);
let broker: PrivateBroker;
let observer: MqttObserver;
let kiosk: Kiosk;
let restarts: number[];
let upload: http.Server;
const uploads: string[] = [];
const displayEvents: unknown[] = [];

beforeAll(async () => {
  broker = await startMosquitto();
  observer = await MqttObserver.connect(broker.url);
  upload = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => (uploads.push(body), res.writeHead(201).end()));
  });
  await new Promise<void>((resolve) => upload.listen(0, '127.0.0.1', resolve));
  const t = createTestKiosk({
    fleet: { broker: { url: broker.url }, consoleKey: fleetKeys.publicKey, region: 'zhengzhou', groups: ['outlet-test'], debounceMs: 20 },
  });
  kiosk = t.kiosk;
  restarts = t.restarts;
  kiosk.onEvent((e) => e.name === 'fleet.display' && displayEvents.push(e.payload));
  await kiosk.start();
});
afterAll(async () => {
  await kiosk?.stop();
  await observer?.close();
  await broker?.stop();
  await new Promise((r) => upload?.close(r));
});

const send = async (body: Parameters<CommandSigner['sign']>[1]) => {
  const { command, signed } = signer.sign(ID, body);
  await observer.client.publishAsync(topics.cmd(ID), JSON.stringify(signed), { qos: 1 });
  return command.id;
};
const result = (id: string, status: string) =>
  observer.next((m) => m.topic === topics.results(ID) && m.json.id === id && m.json.status === status);

describe('the kiosk with its fleet agent', () => {
  it('reports itself retained with its version and catalog, outlet and groups', async () => {
    const state = await observer.next((m) => m.topic === topics.state(ID) && m.json.online === true);
    expect(state.json).toMatchObject({ version: kiosk.version, region: 'zhengzhou', outlet: '测试网点', inSession: false, locked: false });
    expect(state.json.groups).toEqual(['all', 'outlet-test']);
  });

  it('locks only after the resident’s session ends, shows the lock (core event), and keeps it across a restart', async () => {
    kiosk.session.start('touch');
    const p = personas[0]!;
    kiosk.session.put('applicant', { name: p.fields.name, idNumber: p.fields.idNumber });
    await observer.next((m) => m.topic === topics.state(ID) && m.json.inSession === true);
    const id = await send({ type: 'lock', message: '设备检修，暂停服务', alternative: '请到一楼 3 号窗口办理' });
    await result(id, 'queued');
    expect(kiosk.fleetDisplay.get().lock).toBeNull();
    kiosk.session.end('completed');
    await result(id, 'done');
    expect(kiosk.fleetDisplay.get()).toEqual({
      lock: { message: '设备检修，暂停服务', alternative: '请到一楼 3 号窗口办理' },
      notice: null,
    });
    expect(displayEvents.at(-1)).toEqual(kiosk.fleetDisplay.get());
    // what the next start reads back
    expect(new FleetDisplayState(new KeyValueStore(kiosk.db), () => undefined).get().lock?.message).toBe('设备检修，暂停服务');
    await observer.next((m) => m.topic === topics.state(ID) && m.json.locked === true);
    // locked: a card placed on the reader does not open a session
    const ended = new Promise((resolve) => kiosk.onEvent((e) => e.name === 'session.ended' && resolve(e.payload)));
    kiosk.session.start('card');
    expect(await ended).toEqual({ reason: 'canceled' });
    expect(kiosk.session.active).toBe(false);
    const unlock = await send({ type: 'unlock' });
    await result(unlock, 'done');
    const notice = await send({ type: 'notice', text: '12月1日 02:00–04:00 系统升级' });
    await result(notice, 'done');
    expect(kiosk.fleetDisplay.get()).toEqual({ lock: null, notice: '12月1日 02:00–04:00 系统升级' });
  });

  it('uploads masked logs where the command says, and restarts on command', async () => {
    const p = personas[1]!;
    kiosk.audit.append('session.started', { trigger: 'card', note: `读卡 ${p.fields.idNumber}`, name: p.fields.name });
    const id = await send({ type: 'collectLogs', uploadUrl: `http://127.0.0.1:${(upload.address() as AddressInfo).port}/logs/${ID}` });
    await result(id, 'done');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toContain('"kind":"terminal"');
    expect(uploads[0]).toContain('fleet.command');
    const restart = await send({ type: 'restart' });
    await result(restart, 'done');
    await expect.poll(() => restarts.length, { timeout: 3000 }).toBe(1);
  });

  it('never puts a resident’s name or ID number on the bus or in the uploaded logs', async () => {
    const everything = [...observer.messages.map((m) => m.text), ...uploads].join('\n');
    expect(observer.messages.length).toBeGreaterThan(5);
    for (const p of personas) {
      for (const v of [p.fields.name, p.fields.idNumber, p.fields.address].filter((x): x is string => !!x && x.length >= 2))
        expect(everything).not.toContain(v);
    }
  });
});

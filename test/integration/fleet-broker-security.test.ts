import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mosquittoAcl } from '../../fleet/service/acl.js';
import { topics } from '../../main/core/fleet/protocol.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';
import { startMosquitto, type PrivateBroker } from '../support/mosquitto.js';
import { MqttObserver } from '../support/mqtt-observer.js';
import { requirePeer } from '../support/peers.js';

const users = { 'fleet-service': 'service-secret-1', 'T-ACL-A': 'terminal-a-secret', 'T-ACL-B': 'terminal-b-secret' };

/** One identity per terminal (password file) and the generated ACL, on a private broker. */
describe('broker security: generated ACL and one identity per terminal', () => {
  let broker: PrivateBroker;
  let service: MqttObserver;
  beforeAll(async () => {
    requirePeer('mosquitto_passwd', 'mosquitto');
    const acl = mosquittoAcl([
      { id: 'T-ACL-A', groups: ['outlet-1'] },
      { id: 'T-ACL-B', groups: ['outlet-2'] },
    ]);
    broker = await startMosquitto({
      files: { acl: acl, passwd: '' },
      extra: ['allow_anonymous false', 'password_file passwd', 'acl_file acl'],
      beforeStart: (dir) => {
        for (const [u, p] of Object.entries(users)) execFileSync('mosquitto_passwd', ['-b', path.join(dir, 'passwd'), u, p]);
        chmodSync(path.join(dir, 'passwd'), 0o600);
      },
    });
    service = await MqttObserver.connect(broker.url, 'zwkiosk/#', { username: 'fleet-service', password: users['fleet-service'] });
  });
  afterAll(async () => {
    await service?.close();
    await broker?.stop();
  });

  const asTerminal = (id: 'T-ACL-A' | 'T-ACL-B') =>
    mqtt.connectAsync(broker.url, { protocolVersion: 5, reconnectPeriod: 0, clientId: id, username: id, password: users[id] });

  it('refuses a connection without credentials, or with another terminal’s password', async () => {
    await expect(mqtt.connectAsync(broker.url, { protocolVersion: 5, reconnectPeriod: 0 })).rejects.toThrow(/authori|Bad User|not auth/i);
    await expect(
      mqtt.connectAsync(broker.url, { protocolVersion: 5, reconnectPeriod: 0, username: 'T-ACL-A', password: users['T-ACL-B'] }),
    ).rejects.toThrow();
  });

  it('lets a terminal publish its own state but not another terminal’s', async () => {
    const a = await asTerminal('T-ACL-A');
    try {
      const forged = a.publishAsync(topics.state('T-ACL-B'), JSON.stringify({ online: false, forged: true }), { qos: 1, retain: true });
      await expect(forged).rejects.toThrow(/authori/i);
      await a.publishAsync(topics.state('T-ACL-A'), JSON.stringify({ online: true }), { qos: 1, retain: true });
      await service.next((m) => m.topic === topics.state('T-ACL-A'));
      expect(service.messages.some((m) => m.topic === topics.state('T-ACL-B'))).toBe(false);
      // nor may it pose as the console
      await expect(a.publishAsync(topics.cmd('T-ACL-B'), '{}', { qos: 1 })).rejects.toThrow(/authori/i);
    } finally {
      await a.endAsync();
    }
  });

  it('lets a terminal read only its own and its groups’ command topics', async () => {
    const a = await asTerminal('T-ACL-A');
    const got: string[] = [];
    a.on('message', (topic) => got.push(topic));
    try {
      // the broker accepts the subscription but delivers only what the ACL lets this identity read
      await a.subscribeAsync(['zwkiosk/#'], { qos: 1 });
      const last = new Promise<void>((resolve) => a.on('message', (t) => t === topics.cmd('T-ACL-A') && resolve()));
      for (const t of [
        topics.cmd('T-ACL-B'),
        topics.groupCmd('outlet-2'),
        topics.groupCmd('outlet-1'),
        topics.groupCmd('all'),
        topics.cmd('T-ACL-A'),
      ])
        await service.client.publishAsync(t, '{}', { qos: 1 });
      await last;
      expect(got.filter((t) => t.endsWith('/cmd')).sort()).toEqual(
        [topics.cmd('T-ACL-A'), topics.groupCmd('all'), topics.groupCmd('outlet-1')].sort(),
      );
    } finally {
      await a.endAsync();
    }
  });
});

describe('broker security: TLS with a client certificate as the terminal identity', () => {
  let pki: TestPki;
  let broker: PrivateBroker;
  beforeAll(async () => {
    pki = makeTestPki();
    broker = await startMosquitto({
      tls: true,
      files: {
        'ca.crt': pki.caCert,
        'server.crt': pki.serverCert,
        'server.key': pki.serverKey,
        acl: mosquittoAcl([{ id: 'KIOSK-1', groups: [] }]),
      },
      extra: [
        'cafile ca.crt',
        'certfile server.crt',
        'keyfile server.key',
        'require_certificate true',
        'use_identity_as_username true',
        'acl_file acl',
      ],
    });
  });
  afterAll(async () => {
    await broker?.stop();
  });

  it('admits a terminal with a certificate from the fleet CA (its CN is its identity) and no one without', async () => {
    const tls = { ca: pki.caCert, rejectUnauthorized: true, protocolVersion: 5 as const, reconnectPeriod: 0 };
    const c = await mqtt.connectAsync(broker.url, { ...tls, clientId: 'KIOSK-1', cert: pki.clientCert, key: pki.clientKey });
    try {
      await c.publishAsync(topics.state('KIOSK-1'), '{"online":true}', { qos: 1 });
      await expect(c.publishAsync(topics.state('KIOSK-2'), '{"online":true}', { qos: 1 })).rejects.toThrow(/authori/i);
    } finally {
      await c.endAsync();
    }
    await expect(mqtt.connectAsync(broker.url, { ...tls, connectTimeout: 3000 })).rejects.toThrow();
    await expect(
      mqtt.connectAsync(broker.url, { ...tls, ca: pki.otherCaCert, cert: pki.clientCert, key: pki.clientKey, connectTimeout: 3000 }),
    ).rejects.toThrow();
  });
});

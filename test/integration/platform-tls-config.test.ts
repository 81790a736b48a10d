import { mkdtempSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../main/core/config/load.js';
import { suiteProblem } from '../../main/core/crypto/suite.js';
import { PlatformError } from '../../main/core/platform/errors.js';
import { HealthSchema } from '../../main/core/platform/schemas.js';
import { spkiSha256 } from '../../main/core/platform/tls-fetch.js';
import { X509Certificate } from 'node:crypto';
import { createTestKiosk } from '../support/core.js';
import { testPinHash } from '../support/kiosk-process.js';
import { rejectionOf } from '../support/rejection.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

/** `platform.tls` in the config reaches the client the kiosk builds: own CA, mutual TLS, pinned keys. */
const health = { status: 'ok', time: '2026-11-22T00:00:00Z', catalogVersion: 3 };
let pki: TestPki;
let server: https.Server;
let url: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  pki = makeTestPki();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tls-config-'));
  for (const [name, pem] of Object.entries({ ca: pki.caCert, cert: pki.clientCert, key: pki.clientKey, other: pki.otherCaCert })) {
    files[name] = path.join(dir, `${name}.pem`);
    writeFileSync(files[name], pem);
  }
  files.notPem = path.join(dir, 'not.pem');
  writeFileSync(files.notPem, 'hello');
  server = https.createServer(
    { key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert, requestCert: true, rejectUnauthorized: true },
    (_q, r) => r.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(health)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => server.close());

const pin = (pem: string) => spkiSha256(Buffer.from(new X509Certificate(pem).raw));
const kioskWith = (tls: Record<string, unknown> | undefined) =>
  createTestKiosk({ platform: { url, secret: 'long-enough-secret', syncIntervalMinutes: 600, ...(tls ? { tls } : {}) } }).kiosk;
const healthOf = (tls: Record<string, unknown> | undefined) => kioskWith(tls).platform!.get('/api/v1/health', { schema: HealthSchema });

describe('platform TLS from the config', () => {
  it('CA, client certificate and key files and a pin are used by the kiosk', async () => {
    await expect(healthOf({ ca: files.ca, cert: files.cert, key: files.key, pinnedSpkiSha256: [pin(pki.caCert)] })).resolves.toEqual(
      health,
    );
  });

  it('without them the private CA is not trusted; a wrong pin is refused', async () => {
    expect((await rejectionOf(healthOf(undefined), PlatformError)).code).toMatch(/untrusted|unreachable/);
    const wrongPin = { ca: files.ca, cert: files.cert, key: files.key, pinnedSpkiSha256: [pin(pki.otherCaCert)] };
    expect((await rejectionOf(healthOf(wrongPin), PlatformError)).code).toBe('untrusted');
  });

  it('a PEM file that is missing or not PEM stops the kiosk with the field named', () => {
    expect(() => kioskWith({ ca: '/nonexistent/ca.pem' })).toThrow(/platform\.tls\.ca: cannot read \/nonexistent\/ca\.pem \(ENOENT\)/);
    expect(() => kioskWith({ ca: files.notPem })).toThrow(/platform\.tls\.ca: .* is not a PEM file/);
  });
});

describe('config check of platform.tls and crypto', () => {
  const base = `terminal: { id: T-01, name: 终端, outlet: 网点 }\nmaintenance: { pinHash: "${testPinHash}" }\n`;
  const problems = (text: string) => {
    try {
      parseConfig(text, 't.yaml');
    } catch (e) {
      return (e as ConfigError).problems;
    }
    throw new Error('accepted');
  };
  const platform = (extra: string) => base + `platform: { url: "https://p.example/", secret: long-enough-secret, ${extra} }\n`;

  it('accepts absolute PEM paths and base64 SHA-256 pins', () => {
    const c = parseConfig(platform(`tls: { ca: /etc/kiosk/ca.pem, pinnedSpkiSha256: ["${'A'.repeat(43)}="] }`), 't.yaml');
    expect(c.platform?.tls).toEqual({ ca: '/etc/kiosk/ca.pem', pinnedSpkiSha256: [`${'A'.repeat(43)}=`] });
  });

  it('refuses relative paths, a cert without its key, a malformed pin, unknown keys, and TLS to an emulator', () => {
    expect(problems(platform('tls: { ca: ca.pem }'))).toEqual([{ field: 'platform.tls.ca', message: expect.stringContaining('absolute') }]);
    expect(problems(platform('tls: { cert: /a.pem }'))).toEqual([{ field: 'platform.tls.key', message: expect.stringContaining('both') }]);
    expect(problems(platform('tls: { pinnedSpkiSha256: [abc] }'))[0]!.field).toBe('platform.tls.pinnedSpkiSha256[0]');
    expect(problems(platform('tls: { pins: [] }'))[0]!.field).toMatch(/^platform\.tls/);
    expect(problems(base + 'platform: { emulator: platform, secret: long-enough-secret, tls: { ca: /ca.pem } }\n')).toEqual([
      { field: 'platform.tls', message: expect.stringContaining('https') },
    ]);
  });

  it('crypto.suite is default unless set to sm; anything else is refused', () => {
    expect(parseConfig(base, 't.yaml').crypto.suite).toBe('default');
    expect(parseConfig(base + 'crypto: { suite: sm }\n', 't.yaml').crypto.suite).toBe('sm');
    expect(problems(base + 'crypto: { suite: gost }\n')[0]!.field).toBe('crypto.suite');
  });

  it('a suite this Node cannot run is refused with what is missing (so the kiosk does not start)', () => {
    expect(suiteProblem('sm')).toBeNull();
    expect(suiteProblem('sm', { ciphers: ['aes-256-gcm', 'sm4-ecb'], hashes: ['sha256'] })).toMatch(/"sm" suite needs sm4-cbc and sm3/);
    expect(suiteProblem('default', { ciphers: ['aes-256-gcm'], hashes: ['sha256'] })).toBeNull();
  });
});

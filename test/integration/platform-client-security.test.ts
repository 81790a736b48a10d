import { execSync } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformClient } from '../../main/core/platform/client.js';
import { PlatformError } from '../../main/core/platform/errors.js';
import { HealthSchema } from '../../main/core/platform/schemas.js';
import type { PlatformTlsOptions } from '../../main/core/platform/tls-fetch.js';
import { z } from 'zod';
import { rejectionOf } from '../support/rejection.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

const health = { status: 'ok', time: '2026-11-22T00:00:00Z', catalogVersion: 3 };
const applicant = { name: '张三', idNumber: '110101199003071234' };

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A server on 127.0.0.1 that records every request it receives (method, path, body). */
async function recordingServer(handler: Handler, make: (h: Handler) => http.Server = (h) => http.createServer(h)) {
  const received: { method: string; url: string; body: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = make((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, body, headers: req.headers });
      handler(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { server, received, port };
}

const json = (res: http.ServerResponse, value: unknown) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));

/** Streams `{"junk":"xxxx…` for as long as the client reads; resolves `closed` when the client hangs up. */
function endless(res: http.ServerResponse): Promise<number> {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"junk":"');
  const chunk = 'x'.repeat(64 * 1024);
  let sent = 0;
  const pump = () => {
    let more = true;
    while (!res.destroyed && more) {
      more = res.write(chunk);
      sent += chunk.length;
    }
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
  return new Promise((resolve) => res.once('close', () => resolve(sent)));
}

const client = (baseUrl: string, extra: { tls?: PlatformTlsOptions } = {}) =>
  new PlatformClient({ baseUrl, terminalId: 'KIOSK-1', secret: 'terminal-secret', timeoutMs: 5000, attempts: 3, backoffMs: 1, ...extra });

describe('the platform client refuses redirects', () => {
  let elsewhere: Awaited<ReturnType<typeof recordingServer>>;
  let redirector: Awaited<ReturnType<typeof recordingServer>>;
  let status = 302;
  beforeAll(async () => {
    elsewhere = await recordingServer((_req, res) => json(res, health));
    redirector = await recordingServer((_req, res) =>
      res.writeHead(status, { location: `http://127.0.0.1:${elsewhere.port}/collect` }).end(),
    );
  });
  afterAll(() => {
    elsewhere.server.close();
    redirector.server.close();
  });

  for (const code of [302, 307, 308, 301])
    it(`a ${code} on a proof request: typed error, and the other server receives nothing`, async () => {
      status = code;
      const e = await rejectionOf(
        client(`http://127.0.0.1:${redirector.port}/`).post('/api/v1/proofs', {
          body: { matterId: 'm1', applicant },
          schema: HealthSchema,
        }),
        PlatformError,
      );
      expect(e.code).toBe('redirect');
      expect(e.detail.status).toBe(code);
      expect(e.message).toContain(`to http://127.0.0.1:${elsewhere.port}`);
      expect(redirector.received.at(-1)!.body).toContain(applicant.idNumber);
      expect(elsewhere.received).toEqual([]);
    });

  it('a redirected GET is not retried or followed', async () => {
    status = 302;
    const before = redirector.received.length;
    const e = await rejectionOf(
      client(`http://127.0.0.1:${redirector.port}/`).get('/api/v1/health', { schema: HealthSchema }),
      PlatformError,
    );
    expect(e.code).toBe('redirect');
    expect(redirector.received.length - before).toBe(1);
    expect(elsewhere.received).toEqual([]);
  });
});

describe('the platform client over TLS: own CA, mutual TLS, pinned keys', () => {
  let pki: TestPki;
  let platform: Awaited<ReturnType<typeof recordingServer>>;
  let base: string;
  const pinOf = (pem: string) =>
    execSync('openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64', { input: pem })
      .toString()
      .trim();

  beforeAll(async () => {
    pki = makeTestPki();
    platform = await recordingServer(
      (req, res) => {
        if (req.url === '/moved') res.writeHead(307, { location: 'https://127.0.0.1:1/' }).end();
        else if (req.url === '/endless') void endless(res);
        else json(res, health);
      },
      (h) =>
        https.createServer(
          { key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert, requestCert: true, rejectUnauthorized: true },
          h,
        ) as unknown as http.Server,
    );
    base = `https://127.0.0.1:${platform.port}/`;
  });
  afterAll(() => platform.server.close());

  const mutual = () => ({ ca: pki.caCert, cert: pki.clientCert, key: pki.clientKey });

  it('talks to a platform whose CA it is given, presenting its client certificate', async () => {
    await expect(client(base, { tls: mutual() }).get('/api/v1/health', { schema: HealthSchema })).resolves.toEqual(health);
  });

  it('without the client certificate the platform refuses the connection', async () => {
    const before = platform.received.length;
    await rejectionOf(client(base, { tls: { ca: pki.caCert } }).get('/api/v1/health', { schema: HealthSchema }), PlatformError);
    expect(platform.received.length).toBe(before);
  });

  it('a platform certificate from another CA is untrusted, and nothing is sent', async () => {
    const before = platform.received.length;
    const e = await rejectionOf(
      client(base, { tls: { ...mutual(), ca: pki.otherCaCert } }).post('/api/v1/proofs', { body: { applicant }, schema: HealthSchema }),
      PlatformError,
    );
    expect(e.code).toBe('untrusted');
    expect(platform.received.length).toBe(before);
  });

  it("accepts the platform when its key or its CA's key is pinned", async () => {
    for (const pin of [pinOf(pki.serverCert), pinOf(pki.caCert)])
      await expect(
        client(base, { tls: { ...mutual(), pinnedSpkiSha256: [pin] } }).get('/api/v1/health', { schema: HealthSchema }),
      ).resolves.toEqual(health);
  });

  it('refuses a valid certificate whose key is not pinned, before the request leaves', async () => {
    const before = platform.received.length;
    const e = await rejectionOf(
      client(base, { tls: { ...mutual(), pinnedSpkiSha256: [pinOf(pki.otherCaCert)] } }).post('/api/v1/proofs', {
        body: { applicant },
        schema: HealthSchema,
      }),
      PlatformError,
    );
    expect(e.code).toBe('untrusted');
    expect(e.message).toContain('pinned');
    expect(platform.received.length).toBe(before);
  });

  it('refuses a redirect over TLS too', async () => {
    const e = await rejectionOf(client(base, { tls: mutual() }).get('/moved', { schema: HealthSchema }), PlatformError);
    expect(e.code).toBe('redirect');
  });

  it('stops reading an endless reply over TLS at the cap', async () => {
    const e = await rejectionOf(
      client(base, { tls: mutual() }).get('/endless', { schema: HealthSchema, maxBytes: 256 * 1024 }),
      PlatformError,
    );
    expect(e.code).toBe('tooLarge');
  });

  it('TLS settings with a plain http address are a configuration error', () => {
    expect(() => client(`http://127.0.0.1:${platform.port}/`, { tls: mutual() })).toThrow(/need an https address/);
  });
});

describe('every platform reply has a size cap', () => {
  let platform: Awaited<ReturnType<typeof recordingServer>>;
  const hangUps: Promise<number>[] = [];
  beforeAll(async () => {
    platform = await recordingServer((req, res) => {
      if (req.url!.startsWith('/api/v1/catalog/changes')) hangUps.push(endless(res));
      else if (req.url === '/declared')
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(5 * 1024 * 1024 * 1024) }).write('{');
      else if (req.url === '/exact') json(res, { ...health, status: 'x'.repeat(1000) });
      else json(res, health);
    });
  });
  afterAll(() => {
    platform.server.closeAllConnections();
    platform.server.close();
  });
  const base = () => `http://127.0.0.1:${platform.port}/`;

  it('an endless catalog page is cut off at the catalog cap (32 MiB) as tooLarge, not read until the timeout', async () => {
    const c = new PlatformClient({ baseUrl: base(), terminalId: 'K', secret: 'secret-123', timeoutMs: 60_000, attempts: 1 });
    const e = await rejectionOf(c.get('/api/v1/catalog/changes', { schema: HealthSchema }), PlatformError);
    expect(e.code).toBe('tooLarge');
    expect(e.message).toContain(String(32 * 1024 * 1024));
    // the client hung up: the server stopped sending soon after the cap
    const sent = await hangUps[0]!;
    expect(sent).toBeGreaterThan(32 * 1024 * 1024);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('a Content-Length over the cap is refused before the body is read', async () => {
    const e = await rejectionOf(client(base()).get('/declared', { schema: HealthSchema }), PlatformError);
    expect(e.code).toBe('tooLarge');
    expect(e.message).toContain('declares 5368709120 bytes');
  });

  it('a reply within its cap is read whole; one byte-size smaller cap refuses it', async () => {
    const size = Buffer.byteLength(JSON.stringify({ ...health, status: 'x'.repeat(1000) }));
    const schema = HealthSchema.extend({ status: HealthSchema.shape.status.or(z.string()) });
    await expect(client(base()).get('/exact', { schema, maxBytes: size })).resolves.toMatchObject({ catalogVersion: 3 });
    expect((await rejectionOf(client(base()).get('/exact', { schema, maxBytes: size - 1 }), PlatformError)).code).toBe('tooLarge');
  });
});

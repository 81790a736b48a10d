import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpExchange } from '../../devices/core/transports/http.js';

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000);
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(Buffer.from([1, 2, 3]));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe('HTTP transport (eSCL, IPP)', () => {
  it('returns status and body', async () => {
    const r = await httpExchange(`${base}/ok`, { timeoutMs: 1000 });
    expect(r.ok && [r.value.status, [...r.value.body]]).toEqual([200, [1, 2, 3]]);
  });

  it('distinguishes timeout, cancellation and an unreachable device', async () => {
    expect(await httpExchange(`${base}/slow`, { timeoutMs: 100 })).toMatchObject({ ok: false, error: { code: 'timeout' } });
    const ac = new AbortController();
    const p = httpExchange(`${base}/slow`, { timeoutMs: 5000, signal: ac.signal });
    ac.abort();
    expect(await p).toMatchObject({ ok: false, error: { code: 'canceled' } });
    expect(await httpExchange('http://127.0.0.1:1/', { timeoutMs: 1000 })).toMatchObject({ ok: false, error: { code: 'disconnected' } });
  });
});

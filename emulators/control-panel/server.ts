import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorHandle } from '../lib/emulator.js';

const page = readFileSync(new URL('./index.html', import.meta.url), 'utf8');

/**
 * The control panel: a page where a tester or technician places cards, feeds pages and injects faults,
 * plus the small JSON API behind it (also used by end-to-end tests).
 *   GET  /api/emulators                          → [{ name, address, faults, actions, state }]
 *   POST /api/emulators/:name/faults/:fault      body {"on": true|false}
 *   POST /api/emulators/:name/actions/:action    body {"arg": "..."}
 */
export async function startControlPanel(emulators: EmulatorHandle[], port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const find = (name: string) => emulators.find((e) => e.name === name);
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/') {
      res
        .writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': "default-src 'self' 'unsafe-inline'; img-src 'self' data:",
        })
        .end(page);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/emulators') {
      send(
        200,
        emulators.map((e) => ({ name: e.name, address: e.address, faults: e.faults, actions: e.actions, state: e.state() })),
      );
      return;
    }
    const m = /^\/api\/emulators\/([\w-]+)\/(faults|actions)\/([\w-]+)$/.exec(url.pathname);
    if (req.method === 'POST' && m) {
      const [, name, kind, what] = m as unknown as [string, string, string, string];
      const emulator = find(name);
      if (!emulator) return send(404, { error: `no emulator "${name}"` });
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', async () => {
        let parsed: { on?: boolean; arg?: string } = {};
        try {
          parsed = body ? (JSON.parse(body) as typeof parsed) : {};
        } catch {
          return send(400, { error: 'body must be JSON' });
        }
        try {
          if (kind === 'faults') {
            if (!emulator.faults.some((f) => f.name === what)) return send(404, { error: `no fault "${what}"` });
            emulator.setFault(what, parsed.on !== false);
          } else {
            if (!emulator.actions.some((a) => a.name === what)) return send(404, { error: `no action "${what}"` });
            await emulator.act(what, parsed.arg);
          }
          send(200, { ok: true, state: emulator.state() });
        } catch (e) {
          send(400, { error: (e as Error).message });
        }
      });
      return;
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${actual}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

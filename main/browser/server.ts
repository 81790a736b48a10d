import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventMessage, ResponseMessage } from '../bridge/contract.js';
import type { Logger } from '../core/log/logger.js';
import { classifyFrameError, maxBridgeMessageBytes } from './frame-errors.js';
import { checkBridgeUpgrade, contentSecurityPolicy } from './security.js';
import { resolveStatic, sendFile } from './static.js';

export interface BridgeServerOptions {
  rendererDir: string;
  port: number;
  dispatch: (raw: unknown) => Promise<ResponseMessage>;
  subscribe: (listener: (e: EventMessage) => void) => () => void;
  logger: Logger;
}

export interface BridgeServer {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the built renderer and the bridge over a WebSocket, bound to 127.0.0.1 only.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const log = options.logger.child({ module: 'bridge-ws' });
  if (!existsSync(`${options.rendererDir}/index.html`))
    throw new Error(`the touch UI is not built (${options.rendererDir}/index.html missing): run npm run build:renderer`);
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = resolveStatic(options.rendererDir, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    sendFile(res, file, {
      'Content-Security-Policy': contentSecurityPolicy(origin.replace(/^http/, 'ws')),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxBridgeMessageBytes });
  server.on('upgrade', (req, socket, head) => {
    // a reset during the handshake is the client's problem, not a reason to stop the kiosk
    socket.on('error', (err) => log.debug({ err: err.message }, 'bridge socket error during upgrade'));
    const verdict = checkBridgeUpgrade({ origin: req.headers.origin, url: req.url }, { origin, token });
    if (!verdict.ok || !(req.url ?? '').startsWith('/bridge')) {
      log.warn({ reason: verdict.ok ? 'path' : verdict.reason }, 'bridge connection refused');
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });
  const clients = new Set<WebSocket>();
  const unsubscribe = options.subscribe((event) => {
    const text = JSON.stringify(event);
    for (const c of clients) if (c.readyState === c.OPEN) c.send(text);
  });
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    // without this listener one bad frame (oversized, bad UTF-8, unmasked, reserved bits...) is an uncaught
    // 'error' that stops the whole core; `ws` has already closed the connection with 1009/1007/1002
    ws.on('error', (err) => log.warn(classifyFrameError(err), 'bridge frame rejected; connection closed'));
    ws.on('message', async (data, isBinary) => {
      let raw: unknown = null;
      if (!isBinary) {
        try {
          raw = JSON.parse(data.toString());
        } catch {
          raw = null;
        }
      }
      const reply = await options.dispatch(raw);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
    });
  });
  wss.on('error', (err) => log.error({ err: err.message }, 'bridge server error'));
  server.on('clientError', (err, socket) => {
    log.debug({ err: err.message }, 'bad HTTP request');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: async () => {
      unsubscribe();
      for (const c of clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

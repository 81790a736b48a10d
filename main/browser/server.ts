import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventMessage, ResponseMessage } from '../bridge/contract.js';
import type { Logger } from '../core/log/logger.js';
import { classifyFrameError, maxBridgeMessageBytes } from './frame-errors.js';
import type { ServedPage } from './page.js';
import { checkBridgeUpgrade, securityHeaders } from './security.js';
import { resolveStatic, sendFile, sendHtml } from './static.js';
import { bridgeCloseCodes, readCookie, UiAccess, uiCookieName } from './ui-access.js';

export interface BridgeServerOptions {
  rendererDir: string;
  port: number;
  dispatch: (raw: unknown) => Promise<ResponseMessage>;
  subscribe: (listener: (e: EventMessage) => void) => () => void;
  logger: Logger;
  /** A launch ticket came back expired or spent: the window that holds it cannot connect (browser mode reopens it). */
  onLaunchTicketFailed?: (reason: 'expired' | 'spent') => void;
  /**
   * Composes the UI's page from the built index.html (the attract shell, its stylesheet inlined: page.ts).
   * `credentialed`: the request carries the current UI credential (only that window can drive the kiosk).
   */
  renderPage?: (indexHtml: string, request: { credentialed: boolean }) => ServedPage;
  /** Injected in tests. */
  access?: UiAccess;
}

export interface BridgeServer {
  origin: string;
  /** A URL for one UI window: its single-use ticket must be redeemed within `ttlMs`. */
  launchUrl(ttlMs: number): string;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the built renderer and the bridge over a WebSocket, bound to 127.0.0.1 only, to exactly one
 * UI client at a time (see UiAccess for how a window gets its credential).
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const log = options.logger.child({ module: 'bridge-ws' });
  if (!existsSync(`${options.rendererDir}/index.html`))
    throw new Error(`the touch UI is not built (${options.rendererDir}/index.html missing): run npm run build:renderer`);
  const access = options.access ?? new UiAccess();
  const indexFile = path.join(options.rendererDir, 'index.html');
  let origin = '';
  let current: WebSocket | null = null;

  const closeCurrent = (code: number, reason: string) => {
    current?.close(code, reason);
    current = null;
  };

  const redeem = (ticket: string, res: http.ServerResponse) => {
    const verdict = access.redeem(ticket);
    if (verdict.ok) {
      closeCurrent(bridgeCloseCodes.revoked, 'a newer window took over');
      log.info('UI launch ticket redeemed');
      // the ticket leaves the address bar at once; the credential lives only in an HttpOnly cookie
      res
        .writeHead(303, {
          ...securityHeaders(origin),
          Location: '/',
          'Set-Cookie': `${uiCookieName}=${verdict.credential}; HttpOnly; SameSite=Strict; Path=/`,
          'Cache-Control': 'no-store',
        })
        .end();
      return;
    }
    if (verdict.reason === 'spent') {
      closeCurrent(bridgeCloseCodes.revoked, 'credential revoked');
      log.error(
        { code: 'ticketReused' },
        'a spent launch ticket was presented again: someone may have used it first; the UI credential is revoked',
      );
    } else log.warn({ code: 'ticketRefused', reason: verdict.reason }, 'launch ticket refused');
    res.writeHead(403, { ...securityHeaders(origin), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('This launch link is not valid.\n');
    if (verdict.reason !== 'unknown') options.onLaunchTicketFailed?.(verdict.reason);
  };

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...securityHeaders(origin), Allow: 'GET, HEAD' }).end();
      return;
    }
    const ticket = new URL(req.url ?? '/', 'http://x').searchParams.get('ticket');
    if (ticket !== null) return redeem(ticket, res);
    const file = resolveStatic(options.rendererDir, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { ...securityHeaders(origin), 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    if (options.renderPage && file === indexFile) {
      const credentialed = access.isCurrent(readCookie(req.headers.cookie, uiCookieName));
      const page = options.renderPage(readFileSync(file, 'utf8'), { credentialed });
      return sendHtml(res, page.html, securityHeaders(origin, page.styleHashes));
    }
    sendFile(res, file, securityHeaders(origin));
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxBridgeMessageBytes });
  server.on('upgrade', (req, socket, head) => {
    // a reset during the handshake is the client's problem, not a reason to stop the kiosk
    socket.on('error', (err) => log.debug({ err: err.message }, 'bridge socket error during upgrade'));
    const verdict = checkBridgeUpgrade(
      { origin: req.headers.origin, url: req.url, credential: readCookie(req.headers.cookie, uiCookieName) },
      { origin, isCurrent: (c) => access.isCurrent(c) },
    );
    if (!verdict.ok) {
      log.warn({ reason: verdict.reason }, 'bridge connection refused');
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });
  const unsubscribe = options.subscribe((event) => {
    if (current && current.readyState === current.OPEN) current.send(JSON.stringify(event));
  });
  wss.on('connection', (ws) => {
    // one UI at a time; only the holder of the current credential gets here, so this is the same window reconnecting
    if (current) {
      log.info('UI connection replaced by a newer one with the same credential');
      closeCurrent(bridgeCloseCodes.replaced, 'replaced by a newer connection');
    }
    current = ws;
    ws.on('close', () => {
      if (current === ws) current = null;
    });
    // without this listener one bad frame (oversized, bad UTF-8, unmasked, reserved bits...) is an uncaught
    // 'error' that stops the whole core; `ws` has already closed the connection with 1009/1007/1002
    ws.on('error', (err) => log.warn(classifyFrameError(err), 'bridge frame rejected; connection closed'));
    ws.on('message', async (data, isBinary) => {
      if (ws !== current) return;
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
    origin,
    launchUrl: (ttlMs) => `${origin}/?ticket=${access.issueTicket(ttlMs)}`,
    close: async () => {
      unsubscribe();
      current?.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

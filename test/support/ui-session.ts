import WebSocket from 'ws';

/** What a UI window holds after redeeming its launch URL: the kiosk origin and the credential cookie. */
export interface UiSession {
  origin: string;
  /** `kiosk_ui=…`, as the browser would send it. */
  cookie: string;
  setCookie: string;
}

/** Redeems a launch URL (KIOSK_URL) the way the kiosk window does: one GET, a 303 to `/` with the cookie. */
export async function redeemLaunchUrl(url: string): Promise<UiSession> {
  const res = await fetch(url, { redirect: 'manual' });
  const setCookie = res.headers.get('set-cookie');
  if (res.status !== 303 || !setCookie) throw new Error(`launch URL not redeemed: HTTP ${res.status}`);
  return { origin: new URL(url).origin, cookie: setCookie.split(';')[0]!, setCookie };
}

/** Opens the bridge as the UI does: same origin, the credential cookie, path /bridge. */
export function openBridge(s: { origin: string; cookie?: string }, opts: { origin?: string; path?: string } = {}): Promise<WebSocket> {
  const ws = new WebSocket(`${s.origin.replace(/^http/, 'ws')}${opts.path ?? '/bridge'}`, {
    headers: { Origin: opts.origin ?? s.origin, ...(s.cookie ? { Cookie: s.cookie } : {}) },
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** One bridge call on an open socket. */
export async function bridgeCall(ws: WebSocket, id: number, method: string, params: object): Promise<Record<string, unknown>> {
  const reply = new Promise<Record<string, unknown>>((resolve) => {
    const on = (d: WebSocket.RawData) => {
      const m = JSON.parse(d.toString()) as Record<string, unknown>;
      if (m.kind === 'response' && m.id === id) {
        ws.off('message', on);
        resolve(m);
      }
    };
    ws.on('message', on);
  });
  ws.send(JSON.stringify({ kind: 'request', id, method, params }));
  return reply;
}

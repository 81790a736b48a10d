import type { Channel } from './client.js';

/** The global the Electron preload exposes (see main/electron/preload.cts). */
interface ElectronBridgeGlobal {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

declare global {
  interface Window {
    kioskBridge?: ElectronBridgeGlobal;
  }
}

export function electronChannel(bridge: ElectronBridgeGlobal): Channel {
  return {
    send: (m) => bridge.send(m),
    onMessage: (l) => bridge.onMessage(l),
    onConnection: (l) => queueMicrotask(() => l(true)),
  };
}

/** Close codes the browser-mode bridge sends (main/browser/ui-access.ts; a test keeps the two equal). */
export const bridgeCloseCodes = { replaced: 4000, revoked: 4001 } as const;

/**
 * Browser mode: the WebSocket on the page's own origin. The credential is an HttpOnly cookie the page never sees;
 * the browser sends it with the upgrade. Reconnects after a drop, but not after the kiosk closed this connection
 * on purpose (another connection replaced it, or its credential was revoked): reconnecting would only fight the
 * window that holds the bridge now. The UI then shows that it is disconnected.
 */
export function webSocketChannel(location: Location): Channel {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge`;
  const messageListeners = new Set<(m: unknown) => void>();
  const connectionListeners = new Set<(c: boolean) => void>();
  let socket: WebSocket | null = null;
  let queue: string[] = [];
  let delay = 250;

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      delay = 250;
      for (const text of queue) ws.send(text);
      queue = [];
      for (const l of connectionListeners) l(true);
    };
    ws.onmessage = (ev) => {
      let data: unknown;
      try {
        data = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      for (const l of messageListeners) l(data);
    };
    ws.onclose = (ev) => {
      if (socket !== ws) return;
      socket = null;
      for (const l of connectionListeners) l(false);
      if (ev.code === bridgeCloseCodes.replaced || ev.code === bridgeCloseCodes.revoked) return;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 4000);
    };
  };
  connect();

  return {
    send(message) {
      const text = JSON.stringify(message);
      if (socket?.readyState === WebSocket.OPEN) socket.send(text);
      else queue.push(text);
    },
    onMessage: (l) => void messageListeners.add(l),
    onConnection: (l) => void connectionListeners.add(l),
  };
}

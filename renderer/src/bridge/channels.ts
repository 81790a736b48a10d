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

/** Browser mode: the WebSocket on the page's own origin, with the per-start token from the URL. Reconnects. */
export function webSocketChannel(location: Location): Channel {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge?token=${encodeURIComponent(token)}`;
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
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const l of connectionListeners) l(false);
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

// Sandboxed preload: exposes exactly two named methods under one global, nothing of ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';

const IPC_REQUEST = 'kiosk:request';
const IPC_EVENT = 'kiosk:event';

contextBridge.exposeInMainWorld('kioskBridge', {
  send(message: unknown): void {
    ipcRenderer.send(IPC_REQUEST, message);
  },
  onMessage(listener: (message: unknown) => void): void {
    ipcRenderer.on(IPC_EVENT, (_event, message: unknown) => listener(message));
  },
});

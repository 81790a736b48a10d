import { createStore } from 'zustand/vanilla';
import type { EventPayload, Reply } from '../../../main/bridge/contract.js';

export type TerminalInfo = Reply<'terminal.info'>;
export type DeviceStatus = EventPayload<'device.status'>;

export interface TerminalState {
  info: TerminalInfo | null;
  devices: Record<string, DeviceStatus>;
}

/** Pure: folds one device status event into the map. */
export function applyDeviceStatus(devices: Record<string, DeviceStatus>, status: DeviceStatus): Record<string, DeviceStatus> {
  return { ...devices, [status.deviceId]: status };
}

export function applyTerminalInfo(info: TerminalInfo): TerminalState {
  return { info, devices: Object.fromEntries(info.devices.map((d) => [d.deviceId, d])) };
}

/** Mirror of terminal info and device statuses, updated from pushed events. */
export const createTerminalStore = () => createStore<TerminalState>()(() => ({ info: null, devices: {} }));
export type TerminalStore = ReturnType<typeof createTerminalStore>;

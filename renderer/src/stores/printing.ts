import type { DeviceStatus } from './terminal.js';

export type PrintingPauseReason = 'paperOut' | 'paperJam' | 'coverOpen' | 'offline' | 'fault';

/** Media conditions that stop an A4 printer, most urgent first: the one the notice names. */
const stoppers = [
  ['paperJam', 'paperJam'],
  ['paperOut', 'paperOut'],
  ['coverOpen', 'coverOpen'],
] as const;

const canPrint = (d: DeviceStatus) => (d.state === 'online' || d.state === 'busy') && !stoppers.some(([m]) => d.media.includes(m));

/**
 * Why certificate printing is paused on this terminal, from the device statuses the UI mirrors, or null when an
 * A4 printer can print (or none is configured: then no journey prints here anyway). Pure.
 */
export function printingPause(devices: Record<string, DeviceStatus>): { reason: PrintingPauseReason; deviceId: string } | null {
  const printers = Object.values(devices).filter((d) => d.kind === 'certificatePrinter');
  if (printers.length === 0 || printers.some(canPrint)) return null;
  const p = printers[0]!;
  const media = stoppers.find(([m]) => p.media.includes(m));
  const reason: PrintingPauseReason = media ? media[1] : p.state === 'offline' ? 'offline' : 'fault';
  return { reason, deviceId: p.deviceId };
}

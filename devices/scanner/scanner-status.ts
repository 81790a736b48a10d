import type { DeviceError } from '../core/errors.js';
import type { DeviceState, MediaCondition } from '../core/status.js';
import type { ScannerSnapshot, ScanSource } from './document-scanner.js';
import { scannerError } from './scanner-errors.js';

/**
 * The device status a scanner snapshot means. An empty feeder is not a fault (the platen still works): it is a
 * media condition on an online scanner.
 */
export function deviceStatusOf(s: ScannerSnapshot): { state: DeviceState; media: MediaCondition[]; reasonKey: string | null } {
  const media: MediaCondition[] = [];
  if (s.adf === 'empty') media.push('feederEmpty');
  if (s.adf === 'jam' || s.adf === 'mispick') media.push('paperJam');
  if (s.adf === 'coverOpen') media.push('coverOpen');
  if (s.adf === 'jam' || s.adf === 'mispick') return { state: 'userError', media, reasonKey: 'scanner.reason.jam' };
  if (s.adf === 'coverOpen') return { state: 'userError', media, reasonKey: 'scanner.reason.coverOpen' };
  if (s.state === 'down') return { state: 'offline', media, reasonKey: 'scanner.reason.down' };
  if (s.state === 'stopped') return { state: 'hardwareError', media, reasonKey: 'scanner.reason.stopped' };
  if (s.state === 'processing' || s.state === 'testing') return { state: 'busy', media, reasonKey: null };
  return { state: 'online', media, reasonKey: null };
}

/** Why a scan from `source` cannot start in this condition, or null when it can. */
export function refusalOf(s: ScannerSnapshot, source: ScanSource): DeviceError | null {
  const detail = s.reasons.join(', ') || s.state;
  if (source === 'feeder') {
    if (s.adf === 'jam' || s.adf === 'mispick') return scannerError.jam(detail);
    if (s.adf === 'coverOpen') return scannerError.coverOpen(detail);
    if (s.adf === 'empty') return scannerError.feederEmpty(detail);
  }
  if (s.state === 'down') return scannerError.offline(detail);
  if (s.state === 'stopped') return scannerError.hardware(detail);
  return null;
}

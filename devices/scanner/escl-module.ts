import { z } from 'zod';
import { defineDriver, pollingOptions } from '../core/driver-module.js';
import { EsclScanner } from './escl-scanner.js';

/** `driver: escl` — document scanners over eSCL (Mopria / AirScan) over HTTP. */
export const esclDriver = defineDriver({
  name: 'escl',
  kind: 'scanner',
  summary: 'document scanner over eSCL / AirScan (HTTP): platen and feeder, JPEG, PNG or PDF pages',
  transports: ['http', 'emulator'],
  options: z.strictObject({
    ...pollingOptions({ pollIntervalMs: 3000, commandTimeoutMs: 5000 }),
    /** Whole-scan bound when the flow gives none; past it the job is deleted at the scanner. */
    scanTimeoutMs: z.number().int().min(1000).max(600_000).default(120_000),
    /** How often a busy (HTTP 503) scanner is asked again before the scan fails as busy. */
    busyRetries: z.number().int().min(0).max(20).default(4),
  }),
  create: ({ id, transport, emulatorAddress, options }) => {
    const url = transport.type === 'http' ? transport.url : emulatorAddress;
    if (!url) throw new Error(`device "${id}": its emulator is not running (start the kiosk with npm start)`);
    return new EsclScanner({ id, url, ...options });
  },
});

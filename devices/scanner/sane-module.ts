import { z } from 'zod';
import { defineDriver, pollingOptions } from '../core/driver-module.js';
import { SaneScanner } from './sane-scanner.js';

/** `driver: sane` — any scanner Linux supports through a SANE backend, driven with Debian's `scanimage`. */
export const saneDriver = defineDriver({
  name: 'sane',
  kind: 'scanner',
  summary: 'document scanner through a SANE backend (scanimage from sane-utils; device name in transport.device)',
  transports: ['sane'],
  options: z.strictObject({
    ...pollingOptions({ pollIntervalMs: 30_000, commandTimeoutMs: 10_000 }),
    scanTimeoutMs: z.number().int().min(1000).max(600_000).default(120_000),
    busyRetries: z.number().int().min(0).max(20).default(3),
    /** The scanimage program. */
    scanimage: z.string().min(1).default('scanimage'),
    /** Extra scanimage arguments (backend options, e.g. ["--test-picture", "Grid"]). */
    extraArgs: z.array(z.string()).default([]),
    /** SANE_CONFIG_DIR for scanimage (a private dll.conf and backend configs); unset uses /etc/sane.d. */
    saneConfigDir: z.string().min(1).optional(),
  }),
  create: ({ id, transport, options }) => {
    if (transport.type !== 'sane') throw new Error(`device "${id}": driver sane needs a sane transport ({ type: sane, device: NAME })`);
    return new SaneScanner({ id, device: transport.device, ...options });
  },
});

import { z } from 'zod';
import { defineDriver, pollingOptions } from '../core/driver-module.js';
import { IppPrinter } from './ipp-printer.js';

/** `driver: ipp` — A4 certificate printers over IPP Everywhere (or a CUPS queue). */
export const ippDriver = defineDriver({
  name: 'ipp',
  kind: 'certificatePrinter',
  summary: 'A4 printer over IPP Everywhere / CUPS (PDF)',
  transports: ['ipp', 'emulator'],
  options: z.strictObject(pollingOptions({ pollIntervalMs: 3000, commandTimeoutMs: 5000 })),
  create: ({ id, transport, emulatorAddress, options }) => {
    const uri = transport.type === 'ipp' ? transport.uri : emulatorAddress;
    if (!uri) throw new Error(`device "${id}": its emulator is not running (start the kiosk with npm start)`);
    return new IppPrinter({ id, uri, pollIntervalMs: options.pollIntervalMs, commandTimeoutMs: options.commandTimeoutMs });
  },
});

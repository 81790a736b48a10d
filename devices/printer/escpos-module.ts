import { z } from 'zod';
import { createByteTransport } from '../core/byte-transport.js';
import { defineDriver, pollingOptions } from '../core/driver-module.js';
import { EscPosPrinter } from './escpos-printer.js';

/** `driver: escpos` — thermal receipt printers speaking ESC/POS over serial or TCP 9100. */
export const escposDriver = defineDriver({
  name: 'escpos',
  kind: 'receiptPrinter',
  summary: 'ESC/POS thermal receipt printer (serial or TCP 9100)',
  transports: ['serial', 'tcp', 'emulator'],
  options: z.strictObject({
    ...pollingOptions({ pollIntervalMs: 3000, commandTimeoutMs: 1500 }),
    /** The model's text encoding: GB18030 for mainland models, GBK for older ones. */
    encoding: z.enum(['gb18030', 'gbk']).default('gb18030'),
    /** Whether the model needs FS & before Chinese text. */
    cjkMode: z.boolean().default(true),
  }),
  create: ({ id, transport, emulatorAddress, options }) =>
    new EscPosPrinter({
      id,
      transport: createByteTransport(transport, emulatorAddress, { deviceId: id }),
      pollIntervalMs: options.pollIntervalMs,
      commandTimeoutMs: options.commandTimeoutMs,
      model: { encoding: options.encoding, cjkMode: options.cjkMode },
    }),
});

import { z } from 'zod';
import { createByteTransport } from '../core/byte-transport.js';
import { defineDriver } from '../core/driver-module.js';
import { PaymentCodeScanner } from './driver.js';
import { hidPosFraming } from './hid-pos.js';

const hexBytes = z
  .string()
  .regex(/^([0-9a-fA-F]{2})( [0-9a-fA-F]{2})*$/, 'bytes in hex separated by spaces, e.g. "16 54 0D"')
  .transform((s) => Uint8Array.from(s.split(' ').map((h) => parseInt(h, 16))));

/** `driver: payment-scanner` — 2D payment-code scanners: serial / USB-CDC or TCP (CR/LF or inter-byte timeout), USB HID POS. */
export const paymentScannerDriver = defineDriver({
  name: 'payment-scanner',
  kind: 'paymentScanner',
  summary: '2D payment-code scanner (WeChat/Alipay/UnionPay codes, 缴款码 QR): serial, TCP or USB HID POS (usage page 0x8C)',
  transports: ['serial', 'tcp', 'hid', 'emulator'],
  options: z.strictObject({
    /** Silence that ends a code sent without suffix (or cut short). */
    interByteTimeoutMs: z.number().int().min(10).max(2000).default(80),
    /** Trigger commands for models that read only when told, e.g. "16 54 0D" / "16 55 0D". */
    triggerOn: hexBytes.optional(),
    triggerOff: hexBytes.optional(),
  }),
  create: ({ id, transport, emulatorAddress, options, log }) =>
    new PaymentCodeScanner({
      id,
      transport: createByteTransport(transport, emulatorAddress, { deviceId: id, hidFraming: hidPosFraming }),
      interByteTimeoutMs: options.interByteTimeoutMs,
      triggerOn: options.triggerOn,
      triggerOff: options.triggerOff,
      log,
    }),
});

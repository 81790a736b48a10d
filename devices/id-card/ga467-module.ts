import { z } from 'zod';
import { createByteTransport } from '../core/byte-transport.js';
import { defineDriver, pollingOptions } from '../core/driver-module.js';
import { Ga467Reader } from './driver.js';
import { ga467HidFraming } from './hid-report.js';

/** `driver: ga467` — resident ID card readers speaking the GA 467 SAM protocol over serial, TCP or USB HID. */
export const ga467Driver = defineDriver({
  name: 'ga467',
  kind: 'idCardReader',
  summary: 'resident ID card reader, GA 467 (GA/T 467-2019) SAM protocol',
  transports: ['serial', 'tcp', 'hid', 'emulator'],
  options: z.strictObject({
    ...pollingOptions({ pollIntervalMs: 500, commandTimeoutMs: 1500 }),
    /** Read with 30 10 (text + photo + fingerprint) instead of 30 01. */
    withFingerprint: z.boolean().default(false),
    /** Module exporting the vendor's WLT photo decoder (README, "ID card photo decoder"); loaded by the core. */
    photoDecoder: z.string().min(1).optional(),
  }),
  create: ({ id, transport, emulatorAddress, options, log }) =>
    new Ga467Reader({
      id,
      transport: createByteTransport(transport, emulatorAddress, { deviceId: id, hidFraming: ga467HidFraming }),
      pollIntervalMs: options.pollIntervalMs,
      commandTimeoutMs: options.commandTimeoutMs,
      withFingerprint: options.withFingerprint,
      log,
    }),
});

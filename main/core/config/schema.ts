import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../time/format.js';

const transport = z.discriminatedUnion('type', [
  z.object({ type: z.literal('serial'), path: z.string().min(1), baudRate: z.number().int().positive().default(115200) }),
  z.object({ type: z.literal('tcp'), host: z.string().default('127.0.0.1'), port: z.number().int().min(1).max(65535) }),
  z.object({
    type: z.literal('hid'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
  }),
  z.object({ type: z.literal('pcsc'), reader: z.string().min(1) }),
  z.object({ type: z.literal('http'), url: z.url() }),
  /** An IPP printer, e.g. ipp://192.168.1.20/ipp/print (IPP Everywhere) or ipp://localhost:631/printers/NAME (CUPS). */
  z.object({ type: z.literal('ipp'), uri: z.string().regex(/^ipps?:\/\/.+/, 'an ipp:// or ipps:// address') }),
  /** The address comes from the emulator named in `emulator` once it reports READY. */
  z.object({ type: z.literal('emulator') }),
]);

export const DeviceConfigSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    kind: z.enum(['idCardReader', 'smartCardReader', 'scanner', 'certificatePrinter', 'receiptPrinter', 'paymentScanner']),
    driver: z.string().min(1),
    transport,
    /** Name of the emulator `npm start` launches for this device (see `npm run -s emulators -- --help`). */
    emulator: z.string().optional(),
    pollIntervalMs: z.number().int().min(50).max(60_000).default(500),
    /** Per-command timeout. */
    commandTimeoutMs: z.number().int().min(100).max(60_000).default(1500),
    /** ID card readers: read the fingerprint too (command 30 10). */
    withFingerprint: z.boolean().default(false),
    /** Receipt printers: text encoding of the model (GB18030; GBK for older ones) and whether it needs FS & for Chinese. */
    receiptEncoding: z.enum(['gb18030', 'gbk']).default('gb18030'),
    receiptCjkMode: z.boolean().default(true),
    /** ID card readers: module exporting the vendor's WLT photo decoder (see README). */
    photoDecoder: z.string().optional(),
    enabled: z.boolean().default(true),
  })
  .refine((d) => d.transport.type !== 'emulator' || d.emulator !== undefined, {
    message: 'transport "emulator" needs the "emulator" field naming which emulator to start',
    path: ['emulator'],
  });

export const ConfigSchema = z
  .object({
    terminal: z.object({
      id: z.string().regex(/^[A-Za-z0-9-]{3,32}$/, '3–32 letters, digits or dashes'),
      name: z.string().min(1),
      outlet: z.string().min(1),
      hotline: z.string().default('12345'),
      /** IANA zone every shown and printed time is written in, whatever the machine's own zone. */
      timeZone: z.string().refine(isTimeZone, 'an IANA time zone name, e.g. Asia/Shanghai').default(DEFAULT_TIME_ZONE),
    }),
    languages: z
      .array(z.enum(['zh-CN', 'en']))
      .min(1)
      .default(['zh-CN', 'en']),
    defaultLanguage: z.enum(['zh-CN', 'en']).default('zh-CN'),
    timeouts: z
      .object({
        /** Seconds without a touch before the "need more time?" countdown. */
        idleSeconds: z.number().int().min(5).max(3600).default(60),
        /** Length of that countdown. */
        countdownSeconds: z.number().int().min(3).max(120).default(15),
        /** Idle limit inside maintenance mode. */
        maintenanceIdleSeconds: z.number().int().min(30).max(7200).default(300),
      })
      .prefault({}),
    maintenance: z.object({
      /** scrypt hash made by `npm run -s diag -- pin-hash <PIN>`. */
      pinHash: z.string().regex(/^scrypt\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'make one with: npm run -s diag -- pin-hash <PIN>'),
      maxAttempts: z.number().int().min(1).max(20).default(5),
      lockoutSeconds: z.number().int().min(10).max(86_400).default(300),
    }),
    /** The government service platform. Absent: the terminal serves only the catalog it already holds. */
    platform: z
      .object({
        url: z.url().optional(),
        /** Name of the emulator `npm start` launches and whose address replaces `url`. */
        emulator: z.string().optional(),
        /** This terminal's secret for signing requests (see main/core/platform/openapi.yaml). */
        secret: z.string().min(8, 'at least 8 characters'),
        timeoutMs: z.number().int().min(500).max(120_000).default(10_000),
        /** Catalog sync schedule; after a failure it retries sooner (from 30 s, doubling up to this). */
        syncIntervalMinutes: z
          .number()
          .min(0.05)
          .max(24 * 60)
          .default(30),
      })
      .refine((p) => p.url !== undefined || p.emulator !== undefined, {
        message: 'set "url" (the platform address) or "emulator" (to run on the platform emulator)',
        path: ['url'],
      })
      .optional(),
    /** Window permissions the kiosk grants (all others are denied). */
    permissions: z.array(z.enum(['media', 'clipboard-read', 'fullscreen'])).default([]),
    devices: z.array(DeviceConfigSchema).default([]),
  })
  .superRefine((c, ctx) => {
    if (!c.languages.includes(c.defaultLanguage))
      ctx.addIssue({ code: 'custom', path: ['defaultLanguage'], message: `must be one of languages (${c.languages.join(', ')})` });
    const seen = new Set<string>();
    c.devices.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['devices', i, 'id'], message: `duplicate device id "${d.id}"` });
      seen.add(d.id);
    });
  });

export type KioskConfig = z.infer<typeof ConfigSchema>;
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;

import { z } from 'zod';
import { checkPlatformUrl } from '../platform/platform-url.js';
import { pinHashProblem } from '../maintenance/pin.js';
import { suiteProblem } from '../crypto/suite.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../time/format.js';
import { deviceEntrySchema, type DriverCatalog } from './device-entry.js';
import { fleetConfigSchema } from '../fleet/config.js';

export type { DeviceConfig, DriverCatalog } from './device-entry.js';

const absolutePath = z.string().regex(/^\//, 'an absolute path to a PEM file');

const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

/**
 * The kiosk configuration. Every object is strict: a key the schema does not know (`timeout:` for `timeouts:`)
 * is refused with its name, never silently ignored. Device entries are checked against the driver registry.
 */
export function configSchema(drivers: DriverCatalog) {
  return z
    .strictObject({
      terminal: z.strictObject({
        id: z.string().regex(/^[A-Za-z0-9-]{3,32}$/, '3–32 letters, digits or dashes'),
        name: z.string().min(1),
        outlet: z.string().min(1),
        hotline: z.string().default('12345'),
        /** IANA zone every shown and printed time is written in, whatever the machine's own zone. */
        timeZone: z.string().refine(isTimeZone, 'an IANA time zone name, e.g. Asia/Shanghai').default(DEFAULT_TIME_ZONE),
        /** GB/T 2260 code of the region the terminal serves (`310106`): search shows its matters first. */
        region: z
          .string()
          .regex(/^\d{6}$/, 'a 6-digit GB/T 2260 region code, e.g. 310106')
          .optional(),
      }),
      languages: z
        .array(z.enum(['zh-CN', 'en', 'ug']))
        .min(1)
        .default(['zh-CN', 'en']),
      defaultLanguage: z.enum(['zh-CN', 'en', 'ug']).default('zh-CN'),
      /**
       * Voice guidance (README "Voice guidance"): `espeak-ng` (Debian, offline) or `command`, a vendor engine run as
       * `path args…` that reads text on stdin and writes a WAV to stdout ({voice}, {rate}, {lang} in args are filled in).
       */
      speech: z
        .strictObject({
          enabled: z.boolean().default(true),
          engine: z.enum(['espeak-ng', 'command']).default('espeak-ng'),
          command: z
            .strictObject({
              path: z.string().min(1),
              args: z.array(z.string()).default([]),
              voices: z.partialRecord(z.enum(['zh-CN', 'en', 'ug']), z.string()).default({}),
            })
            .optional(),
        })
        .refine((s) => s.engine !== 'command' || s.command !== undefined, {
          path: ['command'],
          message: 'engine "command" needs "command.path"',
        })
        .prefault({}),
      /**
       * The tactile keypad (EZ Access style, README "Keypad"): for each key, the KeyboardEvent codes or keys a USB HID
       * keypad sends (a plain keyboard's keys by default, so tests and technicians can use one).
       */
      keypad: z
        .strictObject({
          up: z.array(z.string()).default(['ArrowUp']),
          down: z.array(z.string()).default(['ArrowDown']),
          left: z.array(z.string()).default(['ArrowLeft']),
          right: z.array(z.string()).default(['ArrowRight']),
          enter: z.array(z.string()).default(['Enter', 'NumpadEnter']),
          back: z.array(z.string()).default(['Escape']),
          help: z.array(z.string()).default(['F1', 'Help']),
          volumeUp: z.array(z.string()).default(['AudioVolumeUp', 'NumpadAdd', 'F3']),
          volumeDown: z.array(z.string()).default(['AudioVolumeDown', 'NumpadSubtract', 'F2']),
        })
        .prefault({}),
      timeouts: z
        .strictObject({
          /** Seconds without a touch before the "need more time?" countdown. */
          idleSeconds: z.number().int().min(5).max(3600).default(60),
          /** Length of that countdown. */
          countdownSeconds: z.number().int().min(3).max(120).default(15),
          /** Idle limit inside maintenance mode. */
          maintenanceIdleSeconds: z.number().int().min(30).max(7200).default(300),
        })
        .prefault({}),
      maintenance: z.strictObject({
        /** scrypt hash made by `npm run -s diag -- pin-hash <PIN>`; checked to be usable at load. */
        pinHash: z.string().check((ctx) => {
          const problem = pinHashProblem(ctx.value);
          if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
        }),
        maxAttempts: z.number().int().min(1).max(20).default(5),
        /** The first lockout; each further one (without a correct PIN between) lasts twice as long, up to 24 h. */
        lockoutSeconds: z.number().int().min(10).max(86_400).default(300),
      }),
      /** The government service platform. Absent: the terminal serves only the catalog it already holds. */
      platform: z
        .strictObject({
          /** https only; plain http only to this machine (an emulator). */
          url: z
            .string()
            .check((ctx) => {
              const r = checkPlatformUrl(ctx.value);
              if (!r.ok) ctx.issues.push({ code: 'custom', message: r.reason, input: ctx.value });
            })
            .optional(),
          /** Name of the emulator `npm start` launches and whose address is used instead of `url`. */
          emulator: z.string().min(1).optional(),
          /** This terminal's secret for signing requests (see main/core/platform/openapi.yaml). */
          secret: z.string().min(8, 'at least 8 characters'),
          timeoutMs: z.number().int().min(500).max(120_000).default(10_000),
          /** Catalog sync schedule; after a failure it retries sooner (from 30 s, doubling up to this). */
          syncIntervalMinutes: z
            .number()
            .min(0.05)
            .max(24 * 60)
            .default(30),
          /** TLS to the platform: PEM files (absolute paths) for a private CA and mutual TLS, and key pins. */
          tls: z
            .strictObject({
              ca: absolutePath.optional(),
              cert: absolutePath.optional(),
              key: absolutePath.optional(),
              /** base64 SHA-256 of a certificate's public key (SPKI) in the platform's chain; see README. */
              pinnedSpkiSha256: z
                .array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 SHA-256 (44 characters)'))
                .min(1)
                .optional(),
            })
            .refine((t) => (t.cert === undefined) === (t.key === undefined), {
              path: ['key'],
              message: 'mutual TLS needs both "cert" and "key"',
            })
            .optional(),
        })
        // run even when a field failed, so a file with a bad url and both url and emulator hears about both
        .refine((p) => p.url !== undefined || p.emulator !== undefined, {
          path: ['url'],
          message: 'set "url" (the platform address) or "emulator" (to run on the platform emulator)',
          when: isObject,
        })
        .refine((p) => p.tls === undefined || (p.url !== undefined && p.url.startsWith('https:')), {
          path: ['tls'],
          message: 'TLS settings need an https "url" (an emulator runs plain http)',
          when: isObject,
        })
        .refine((p) => p.url === undefined || p.emulator === undefined, {
          path: ['emulator'],
          message: 'set "url" or "emulator", not both (a real terminal has only "url")',
          when: isObject,
        })
        .optional(),
      /** Cryptographic suite: `sm` signs with HMAC-SM3 and seals the outbox with SM4 (商用密码); see README. */
      crypto: z
        .strictObject({
          suite: z
            .enum(['default', 'sm'])
            .check((ctx) => {
              const problem = suiteProblem(ctx.value);
              if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
            })
            .default('default'),
        })
        .prefault({}),
      /** Window permissions the kiosk grants (all others are denied). */
      permissions: z.array(z.enum(['media', 'clipboard-read', 'fullscreen'])).default([]),
      devices: z.array(deviceEntrySchema(drivers)).default([]),
      /**
       * The document camera (高拍仪), a UVC camera the materials screen opens to photograph paper: the (part of the)
       * label its video device goes by, or null for the only camera. Absent: none, and no window may use a camera.
       */
      documentCamera: z.strictObject({ label: z.string().min(1).max(120).nullable().default(null) }).optional(),
      /** The fleet agent (MQTT presence, alarms, signed commands, updates). Absent: off. */
      fleet: fleetConfigSchema.optional(),
      /** Applications saved at this terminal: how many days a local reference still answers once delivered or refused. */
      applications: z.strictObject({ referenceRetentionDays: z.number().int().min(1).max(400).default(30) }).prefault({}),
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
}

export type KioskConfig = z.output<ReturnType<typeof configSchema>>;

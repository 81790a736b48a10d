import { z } from 'zod';
import { isPublicKey } from './signing.js';

const name = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, '1–40 letters, digits or dashes');
const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Config section `fleet`: the terminal's fleet agent. Absent, the agent is off and nothing else changes.
 * Plain `mqtt://` only to this machine (a test broker): on a network the connection is TLS (`mqtts://`).
 */
export const fleetConfigSchema = z.strictObject({
  broker: z.strictObject({
    url: z.string().check((ctx) => {
      let u: URL;
      try {
        u = new URL(ctx.value);
      } catch {
        ctx.issues.push({ code: 'custom', message: 'a URL such as mqtts://broker.example:8883', input: ctx.value });
        return;
      }
      if (u.protocol === 'mqtts:' || u.protocol === 'wss:') return;
      if ((u.protocol === 'mqtt:' || u.protocol === 'ws:') && loopback.has(u.hostname)) return;
      ctx.issues.push({ code: 'custom', message: 'mqtts:// (TLS); plain mqtt:// only to this machine', input: ctx.value });
    }),
    /** One identity per terminal: the broker's user name (normally the terminal id) and its password ... */
    username: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    /** ... or a client certificate (PEM files). */
    certFile: z.string().optional(),
    keyFile: z.string().optional(),
    /** The CA that signed the broker's certificate (PEM), when it is not a public one. */
    caFile: z.string().optional(),
    rejectUnauthorized: z.boolean().default(true),
  }),
  /** The console's Ed25519 public key (base64, 32 bytes): only commands it signed are run. */
  consoleKey: z.string().refine(isPublicKey, 'an Ed25519 public key, base64 of 32 bytes (npm run -s fleet -- keygen)'),
  /** The key release packages are signed with (default: the console key). */
  releaseKey: z.string().refine(isPublicKey, 'an Ed25519 public key, base64 of 32 bytes').optional(),
  region: name,
  /** Further groups this terminal takes commands for (the outlet, a pilot group...); `all` is implicit. */
  groups: z.array(name).default([]),
  keepaliveSeconds: z.number().int().min(5).max(600).default(30),
  heartbeatSeconds: z.number().int().min(5).max(3600).default(60),
  debounceMs: z.number().int().min(0).max(60_000).default(500),
  updates: z
    .strictObject({
      /** The side-by-side install root (`versions/<v>/`, `current` link the launcher starts from). */
      dir: z.string().min(1),
      /** A new version must be healthy (ready, devices back online) within this, or it is rolled back. */
      healthDeadlineSeconds: z.number().int().min(10).max(3600).default(180),
    })
    .optional(),
});
export type FleetConfig = z.output<typeof fleetConfigSchema>;

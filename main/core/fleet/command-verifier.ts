import type { KeyObject } from 'node:crypto';
import { CommandSchema, SignedCommandSchema, type Command, type CommandRefusal } from './protocol.js';
import { verifyBytes } from './signing.js';

/** Ids of commands already accepted, kept until they expire (persisted, so a restart does not reopen replays). */
export interface SeenCommands {
  has(id: string): boolean;
  add(id: string, expiresAtMs: number): void;
  /** Drops ids whose command expired before `nowMs`. */
  prune(nowMs: number): void;
}

export class MemorySeenCommands implements SeenCommands {
  private readonly ids = new Map<string, number>();
  has(id: string): boolean {
    return this.ids.has(id);
  }
  add(id: string, expiresAtMs: number): void {
    this.ids.set(id, expiresAtMs);
  }
  prune(nowMs: number): void {
    for (const [id, exp] of this.ids) if (exp < nowMs) this.ids.delete(id);
  }
  entries(): [string, number][] {
    return [...this.ids];
  }
}

/** A command may not claim a lifetime longer than this (a leaked, long-lived command is a standing threat). */
export const MAX_COMMAND_LIFETIME_MS = 7 * 24 * 3600_000;

/** How far ahead of this terminal's clock a command may claim to have been issued (clock skew). */
export const MAX_CLOCK_SKEW_MS = 10 * 60_000;

export type Verified = { ok: true; command: Command } | { ok: false; code: CommandRefusal; id: string | null; detail: string };

/**
 * Checks a signed command before anything runs: the console's signature over the exact payload bytes, the shape,
 * the target (the topic it arrived on), the expiry and replays. Pure apart from the seen-ids store.
 */
export function verifyCommand(
  raw: Buffer,
  opts: { key: KeyObject; acceptedTargets: ReadonlySet<string>; nowMs: number; seen: SeenCommands },
): Verified {
  let envelope;
  try {
    envelope = SignedCommandSchema.safeParse(JSON.parse(raw.toString('utf8')));
  } catch {
    return { ok: false, code: 'badMessage', id: null, detail: 'not JSON' };
  }
  if (!envelope.success) return { ok: false, code: 'badMessage', id: null, detail: 'not a signed command envelope' };
  const payload = Buffer.from(envelope.data.payload, 'base64');
  if (!verifyBytes(opts.key, payload, envelope.data.sig))
    return { ok: false, code: 'badSignature', id: null, detail: 'signature does not verify' };
  let parsed;
  try {
    parsed = CommandSchema.safeParse(JSON.parse(payload.toString('utf8')));
  } catch {
    return { ok: false, code: 'badMessage', id: null, detail: 'payload is not JSON' };
  }
  if (!parsed.success) return { ok: false, code: 'badMessage', id: null, detail: parsed.error.issues[0]?.message ?? 'invalid command' };
  const command = parsed.data;
  if (!opts.acceptedTargets.has(command.target))
    return { ok: false, code: 'wrongTarget', id: command.id, detail: `addressed to ${command.target}` };
  const expires = Date.parse(command.expiresAt);
  const issued = Date.parse(command.issuedAt);
  if (!Number.isFinite(expires) || !Number.isFinite(issued) || expires - issued > MAX_COMMAND_LIFETIME_MS)
    return { ok: false, code: 'badMessage', id: command.id, detail: 'bad issue or expiry time' };
  // bounded lifetime means nothing if the start can lie in the future
  if (issued > opts.nowMs + MAX_CLOCK_SKEW_MS)
    return { ok: false, code: 'badMessage', id: command.id, detail: `issued in the future (${command.issuedAt})` };
  if (expires <= opts.nowMs) return { ok: false, code: 'expired', id: command.id, detail: `expired at ${command.expiresAt}` };
  if (opts.seen.has(command.id)) return { ok: false, code: 'replayed', id: command.id, detail: 'already received' };
  opts.seen.add(command.id, expires);
  return { ok: true, command };
}

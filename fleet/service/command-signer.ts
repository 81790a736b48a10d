import { randomUUID, type KeyObject } from 'node:crypto';
import type { Command, CommandBody, SignedCommand } from '../../main/core/fleet/protocol.js';
import { signBytes } from '../../main/core/fleet/signing.js';

export const DEFAULT_COMMAND_TTL_MS = 3600_000;

/** Signs console commands: a fresh id, an expiry, the target (terminal id or `group:<name>`), Ed25519 over the exact bytes. */
export class CommandSigner {
  constructor(
    private readonly key: KeyObject,
    private readonly now: () => number = Date.now,
  ) {}

  sign(
    target: string,
    body: CommandBody,
    ttlMs = DEFAULT_COMMAND_TTL_MS,
    id: string = randomUUID(),
  ): { command: Command; signed: SignedCommand } {
    const now = this.now();
    const command: Command = { id, target, issuedAt: new Date(now).toISOString(), expiresAt: new Date(now + ttlMs).toISOString(), body };
    const payload = Buffer.from(JSON.stringify(command));
    return { command, signed: { payload: payload.toString('base64'), sig: signBytes(this.key, payload) } };
  }
}

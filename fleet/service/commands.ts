import type { MqttClient } from 'mqtt';
import { topics, type Command, type CommandBody } from '../../main/core/fleet/protocol.js';
import type { CommandSigner } from './command-signer.js';
import type { FleetStore } from './store.js';

export type Target = { terminal: string } | { group: string };

export const targetName = (t: Target) => ('terminal' in t ? t.terminal : `group:${t.group}`);

/** Signs, records and publishes console commands; results arrive through the ingest and are stored there. */
export class CommandSender {
  constructor(
    private readonly client: MqttClient,
    private readonly signer: CommandSigner,
    private readonly store: FleetStore,
  ) {}

  async send(target: Target, body: CommandBody, issuedBy: string, opts: { ttlMs?: number; rolloutId?: string } = {}): Promise<Command> {
    const { command, signed } = this.signer.sign(targetName(target), body, opts.ttlMs);
    await this.store.addCommand({
      id: command.id,
      target: command.target,
      type: body.type,
      body,
      issuedBy,
      issuedAt: command.issuedAt,
      expiresAt: command.expiresAt,
      rolloutId: opts.rolloutId ?? null,
    });
    const topic = 'terminal' in target ? topics.cmd(target.terminal) : topics.groupCmd(target.group);
    await this.client.publishAsync(topic, JSON.stringify(signed), { qos: 1 });
    return command;
  }
}

import type { KeyObject } from 'node:crypto';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { TOPIC_ROOT } from '../../main/core/fleet/protocol.js';
import { CommandSigner } from './command-signer.js';
import { CommandSender } from './commands.js';
import { Ingest } from './ingest.js';
import { RolloutEngine } from './rollouts.js';
import { migrate } from './schema.js';
import type { Sql } from './sql.js';
import { FleetStore } from './store.js';

export interface FleetServiceOptions {
  brokerUrl: string;
  connection?: Pick<IClientOptions, 'username' | 'password' | 'ca' | 'cert' | 'key' | 'rejectUnauthorized'>;
  sql: Sql;
  consoleKey: KeyObject;
  /** Replicas share one group name: the broker gives each message to one of them. */
  shareGroup?: string;
  clientId?: string;
  /** Run the rollout engine here (one replica only). */
  rollouts?: boolean;
  rolloutTickMs?: number;
  log?: (msg: string) => void;
}

const SNAPSHOT_QUIET_MS = 1000;

/**
 * The fleet service: one MQTT connection with shared subscriptions to every terminal's state, events and results
 * (replicas split the load), the store, command sending and the rollout engine. At start it also reads the
 * retained states once without sharing, because brokers do not deliver retained messages to shared subscriptions.
 */
export class FleetService {
  readonly store: FleetStore;
  readonly ingest: Ingest;
  commands!: CommandSender;
  rollouts: RolloutEngine | null = null;
  client!: MqttClient;
  private readonly chains = new Map<string, Promise<void>>();
  processed = 0;

  constructor(private readonly opts: FleetServiceOptions) {
    this.store = new FleetStore(opts.sql);
    this.ingest = new Ingest(this.store);
  }

  async start(): Promise<void> {
    await migrate(this.opts.sql);
    this.client = await mqtt.connectAsync(this.opts.brokerUrl, {
      ...this.opts.connection,
      clientId: this.opts.clientId ?? `fleet-service-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
      protocolVersion: 5,
      clean: true,
      reconnectPeriod: 2000,
    });
    const noDelay = () => (this.client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
    noDelay();
    this.client.on('connect', noDelay);
    this.commands = new CommandSender(this.client, new CommandSigner(this.opts.consoleKey), this.store);
    let snapshotTimer: ReturnType<typeof setTimeout> | null = null;
    let snapshotDone: () => void = () => undefined;
    const snapshotEnded = new Promise<void>((resolve) => (snapshotDone = resolve));
    const snapshotTopic = `${TOPIC_ROOT}/+/state`;
    this.client.on('message', (topic, payload, packet) => {
      if (packet.retain) {
        if (snapshotTimer) clearTimeout(snapshotTimer);
        snapshotTimer = setTimeout(snapshotDone, SNAPSHOT_QUIET_MS);
      }
      this.enqueue(topic, payload);
    });
    const g = this.opts.shareGroup ?? 'zwfleet';
    await this.client.subscribeAsync(
      [`$share/${g}/${TOPIC_ROOT}/+/state`, `$share/${g}/${TOPIC_ROOT}/+/events`, `$share/${g}/${TOPIC_ROOT}/+/result`],
      { qos: 1 },
    );
    await this.client.subscribeAsync(snapshotTopic, { qos: 1 });
    snapshotTimer = setTimeout(snapshotDone, SNAPSHOT_QUIET_MS);
    void snapshotEnded.then(() => this.client.unsubscribeAsync(snapshotTopic).catch(() => undefined));
    if (this.opts.rollouts ?? true) {
      this.rollouts = new RolloutEngine(this.store, this.commands, { tickMs: this.opts.rolloutTickMs ?? 1000 });
      this.rollouts.start();
    }
  }

  /** Messages of one terminal are handled in order; different terminals concurrently. */
  private enqueue(topic: string, payload: Buffer): void {
    const id = topic.split('/')[2] ?? '';
    const prev = this.chains.get(id) ?? Promise.resolve();
    const next = prev
      .then(() => this.ingest.handle(topic, payload))
      .catch((err: Error) => this.opts.log?.(`ingest failed on ${topic}: ${err.message}`))
      .finally(() => {
        this.processed++;
        if (this.chains.get(id) === next) this.chains.delete(id);
      });
    this.chains.set(id, next);
  }

  /** Resolves when every message received so far has been stored. */
  async settled(): Promise<void> {
    while (this.chains.size) await Promise.all([...this.chains.values()]);
  }

  async stop(): Promise<void> {
    this.rollouts?.stop();
    // never wait long on a broker that is gone
    if (this.client) await Promise.race([this.client.endAsync().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    this.client?.end(true);
    await this.settled();
    await this.opts.sql.close();
  }
}

import type { KeyObject } from 'node:crypto';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { activeAlarms, type AlarmCondition } from './alarms.js';
import { verifyCommand, type SeenCommands } from './command-verifier.js';
import type { FleetHost } from './host.js';
import type { UpdateEvent } from './updater.js';
import { topics, type AlarmEvent, type Command, type CommandResult, type Presence } from './protocol.js';

const STOP_GRACE_MS = 2000;

export interface AgentLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface FleetAgentOptions {
  terminalId: string;
  region: string;
  outlet: string;
  groups: string[];
  brokerUrl: string;
  /** Credentials and TLS (username/password, ca/cert/key, rejectUnauthorized). */
  connection: Pick<IClientOptions, 'username' | 'password' | 'ca' | 'cert' | 'key' | 'rejectUnauthorized' | 'servername'>;
  consoleKey: KeyObject;
  keepaliveSeconds: number;
  heartbeatMs: number;
  debounceMs: number;
  seen: SeenCommands;
  log: AgentLog;
  now?: () => number;
  /** Backlog window: how many heartbeat samples of the outbox depth the "growing" test looks at. */
  backlogSamples?: number;
}

/**
 * The terminal's fleet agent: one MQTT connection that keeps a retained presence (with a last will saying
 * offline), raises and clears alarms, and runs signed commands, never in the middle of a resident's session.
 */
export class FleetAgent {
  private client: MqttClient | null = null;
  private readonly since: string;
  private readonly now: () => number;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private lastPublished = '';
  private raised = new Map<string, AlarmCondition>();
  private readonly outboxTrend: number[] = [];
  private diskFree: number | null = null;
  private readonly queue: Command[] = [];
  private running = false;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly targets: Set<string>;

  constructor(
    private readonly host: FleetHost,
    private readonly opts: FleetAgentOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.since = new Date(this.now()).toISOString();
    this.targets = new Set([opts.terminalId, ...this.allGroups().map((g) => `group:${g}`)]);
  }

  private allGroups(): string[] {
    return [...new Set(['all', ...this.opts.groups])];
  }

  /** Connects (MQTT.js reconnects by itself) and starts reporting. Resolves on the first connection, however long that takes. */
  async start(): Promise<void> {
    const id = this.opts.terminalId;
    const client = mqtt.connect(this.opts.brokerUrl, {
      ...this.opts.connection,
      clientId: id,
      protocolVersion: 5,
      keepalive: this.opts.keepaliveSeconds,
      // commands sent while the terminal was away wait at the broker (they carry their own expiry)
      clean: false,
      properties: { sessionExpiryInterval: 86_400 },
      reconnectPeriod: 2000,
      connectTimeout: 15_000,
      will: { topic: topics.state(id), payload: Buffer.from(JSON.stringify({ ...this.presence(), online: false })), qos: 1, retain: true },
    });
    this.client = client;
    client.on('message', (topic, payload) => void this.onCommand(topic, payload));
    client.on('connect', (ack) => {
      // small messages both ways: without this, Nagle holds a command result back for a delayed ACK
      (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
      this.opts.log.info({ sessionPresent: ack.sessionPresent }, 'fleet broker connected');
      if (!ack.sessionPresent) void this.subscribe();
      this.lastPublished = '';
      this.publishState();
    });
    client.on('error', (err) => this.opts.log.warn({ err: err.message }, 'fleet broker error'));
    this.unsubscribe.push(this.host.onChange(() => this.schedule()));
    this.unsubscribe.push(this.host.onSessionEnd(() => void this.drain()));
    this.heartbeat = setInterval(() => void this.beat(), this.opts.heartbeatMs);
    // a broker that is down (or refuses us) is retried every few seconds for as long as the kiosk runs
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  }

  /** Leaves cleanly: publishes offline itself (a clean DISCONNECT does not fire the will). */
  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.debounce) clearTimeout(this.debounce);
    for (const u of this.unsubscribe.splice(0)) u();
    const client = this.client;
    this.client = null;
    if (!client) return;
    // a shutdown never waits on a broker that is gone: the goodbye gets a moment, then the socket is closed
    const within = (p: Promise<unknown>) => Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, STOP_GRACE_MS))]);
    if (client.connected)
      await within(
        client.publishAsync(topics.state(this.opts.terminalId), JSON.stringify({ ...this.presence(), online: false }), {
          qos: 1,
          retain: true,
        }),
      );
    await within(client.endAsync(!client.connected));
    if (!client.disconnected) client.end(true);
  }

  /** Drops the connection without a DISCONNECT, as a crash would (the broker publishes the will). */
  kill(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.debounce) clearTimeout(this.debounce);
    for (const u of this.unsubscribe.splice(0)) u();
    this.client?.stream.destroy();
    this.client?.end(true);
    this.client = null;
  }

  presence(): Presence {
    const s = this.host.snapshot();
    return {
      online: true,
      version: s.version,
      catalogVersion: s.catalogVersion,
      outboxDepth: s.outboxDepth,
      unfinishedPayments: s.unfinishedPayments,
      inSession: s.inSession,
      locked: s.locked,
      region: this.opts.region,
      outlet: this.opts.outlet,
      groups: this.allGroups(),
      devices: s.devices,
      alarms: [...this.raised.keys()],
      since: this.since,
      at: new Date(this.now()).toISOString(),
    };
  }

  private async subscribe(): Promise<void> {
    const subs = [topics.cmd(this.opts.terminalId), ...this.allGroups().map(topics.groupCmd)];
    await this.client
      ?.subscribeAsync(subs, { qos: 1 })
      .catch((err: Error) => this.opts.log.warn({ err: err.message }, 'fleet subscribe failed'));
  }

  private schedule(): void {
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.publishState();
    }, this.opts.debounceMs);
  }

  private async beat(): Promise<void> {
    this.outboxTrend.push(this.host.snapshot().outboxDepth);
    if (this.outboxTrend.length > (this.opts.backlogSamples ?? 5)) this.outboxTrend.shift();
    this.diskFree = await this.host.diskFreeBytes().catch(() => null);
    this.lastPublished = '';
    this.publishState();
  }

  /** Publishes the retained presence when it changed (or on a heartbeat), after raising/clearing alarms. */
  private publishState(): void {
    const client = this.client;
    if (!client?.connected) return;
    this.updateAlarms();
    const presence = this.presence();
    const { at: _at, ...content } = presence;
    const fingerprint = JSON.stringify(content);
    if (fingerprint === this.lastPublished) return;
    this.lastPublished = fingerprint;
    client.publish(topics.state(this.opts.terminalId), JSON.stringify(presence), { qos: 1, retain: true });
  }

  private updateAlarms(): void {
    const presence = { ...this.presence(), alarms: [] };
    const now = new Date(this.now()).toISOString();
    const current = new Map(activeAlarms({ presence, outboxTrend: this.outboxTrend, diskFreeBytes: this.diskFree }).map((a) => [a.key, a]));
    for (const [key, a] of current)
      if (!this.raised.has(key))
        this.publishEvent({
          type: 'alarm.raised',
          key,
          kind: a.kind,
          severity: a.severity,
          deviceId: a.deviceId,
          detail: a.detail,
          at: now,
        });
    for (const [key, a] of this.raised)
      if (!current.has(key))
        this.publishEvent({
          type: 'alarm.cleared',
          key,
          kind: a.kind,
          severity: a.severity,
          deviceId: a.deviceId,
          detail: a.detail,
          at: now,
        });
    this.raised = current;
  }

  private publishEvent(e: AlarmEvent): void {
    this.opts.log.info({ key: e.key, type: e.type }, 'fleet alarm');
    this.client?.publish(topics.events(this.opts.terminalId), JSON.stringify(e), { qos: 1 });
  }

  /** Publishes a non-alarm event (an update committed or rolled back). */
  report(e: UpdateEvent): void {
    this.client?.publish(topics.events(this.opts.terminalId), JSON.stringify({ ...e, at: new Date(this.now()).toISOString() }), { qos: 1 });
  }

  private publishResult(r: Omit<CommandResult, 'at'>): void {
    this.client?.publish(topics.results(this.opts.terminalId), JSON.stringify({ ...r, at: new Date(this.now()).toISOString() }), {
      qos: 1,
    });
  }

  private async onCommand(_topic: string, payload: Buffer): Promise<void> {
    this.opts.seen.prune(this.now());
    const v = verifyCommand(payload, { key: this.opts.consoleKey, acceptedTargets: this.targets, nowMs: this.now(), seen: this.opts.seen });
    if (!v.ok) {
      this.opts.log.warn({ code: v.code, id: v.id, detail: v.detail }, 'fleet command refused');
      // a forged or unreadable message gets no answer keyed by its claimed id (it may not be ours to answer)
      if (v.id) this.publishResult({ id: v.id, type: null, status: 'refused', code: v.code, detail: v.detail });
      return;
    }
    const c = v.command;
    this.opts.log.info({ id: c.id, type: c.body.type }, 'fleet command accepted');
    this.queue.push(c);
    if (this.host.snapshot().inSession) {
      this.publishResult({ id: c.id, type: c.body.type, status: 'queued', code: null, detail: 'waiting for the resident session to end' });
      return;
    }
    await this.drain();
  }

  /** Runs queued commands in order while no resident session runs. */
  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length && !this.host.snapshot().inSession) {
        const c = this.queue.shift()!;
        const outcome = await this.host
          .execute(c.body)
          .catch((err: Error) => ({ ok: false as const, code: 'unavailable' as const, detail: err.message }));
        this.publishResult(
          outcome.ok
            ? { id: c.id, type: c.body.type, status: 'done', code: null, detail: outcome.detail }
            : { id: c.id, type: c.body.type, status: 'failed', code: outcome.code, detail: outcome.detail },
        );
        this.schedule();
      }
    } finally {
      this.running = false;
    }
  }
}

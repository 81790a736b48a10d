import { mkdtempSync, rmSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { FleetAgent, type AgentLog } from '../../main/core/fleet/agent.js';
import { MemorySeenCommands } from '../../main/core/fleet/command-verifier.js';
import type { CommandOutcome, FleetHost, FleetHostSnapshot } from '../../main/core/fleet/host.js';
import type { CommandBody } from '../../main/core/fleet/protocol.js';
import { Updater, type Installer } from '../../main/core/fleet/updater.js';

export interface SimOptions {
  id: string;
  region: string;
  outlet: string;
  groups: string[];
  brokerUrl: string;
  consoleKey: KeyObject;
  version: string;
  keepaliveSeconds: number;
  heartbeatMs: number;
  /** Random device trouble (paper running out, readers dropping off) per terminal and minute; 0 for none. */
  faultsPerMinute: number;
  /** Share of updates whose new version comes up broken (a reader that never comes back) and rolls back by itself. */
  updateFailureRate: number;
  healthDeadlineMs: number;
  restartDelayMs: number;
  log?: AgentLog;
  random?: () => number;
}

const quiet: AgentLog = { info: () => undefined, warn: () => undefined };

/** One simulated terminal: the real fleet agent and updater over simulated devices and a simulated installer. */
export class SimTerminal implements FleetHost {
  private devices: FleetHostSnapshot['devices'] = {
    'printer-a4': { kind: 'documentPrinter', status: 'online', media: [] },
    'printer-receipt': { kind: 'receiptPrinter', status: 'online', media: [] },
    'id-reader': { kind: 'idCardReader', status: 'online', media: [] },
    'ss-reader': { kind: 'smartCardReader', status: 'online', media: [] },
  };
  version: string;
  private activeVersion: string;
  private previousVersion: string | null = null;
  private readonly broken = new Set<string>();
  private agent: FleetAgent | null = null;
  private updater: Updater | null = null;
  private readonly dir: string;
  private readonly changes = new Set<() => void>();
  private faultTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  inSession = false;
  locked = false;
  notice: string | null = null;
  readonly executed: CommandBody['type'][] = [];
  private readonly random: () => number;

  constructor(private readonly o: SimOptions) {
    this.version = o.version;
    this.activeVersion = o.version;
    this.random = o.random ?? Math.random;
    this.dir = mkdtempSync(path.join(os.tmpdir(), `sim-${o.id}-`));
  }

  get id(): string {
    return this.o.id;
  }

  snapshot(): FleetHostSnapshot {
    return {
      version: this.version,
      catalogVersion: 42,
      outboxDepth: 0,
      unfinishedPayments: 0,
      inSession: this.inSession,
      locked: this.locked,
      devices: this.devices,
    };
  }
  onChange(listener: () => void): () => void {
    this.changes.add(listener);
    return () => this.changes.delete(listener);
  }
  onSessionEnd(): () => void {
    return () => undefined;
  }
  async diskFreeBytes(): Promise<number | null> {
    return 20 * 1024 ** 3;
  }

  setDevice(id: string, patch: Partial<{ status: string; media: string[] }>): void {
    this.devices = { ...this.devices, [id]: { ...this.devices[id]!, ...patch } };
    for (const l of this.changes) l();
  }

  async execute(body: CommandBody): Promise<CommandOutcome> {
    this.executed.push(body.type);
    switch (body.type) {
      case 'restart':
        setTimeout(() => void this.restart(), 100);
        return { ok: true, detail: 'restarting' };
      case 'lock':
        this.locked = true;
        return { ok: true, detail: 'locked' };
      case 'unlock':
        this.locked = false;
        return { ok: true, detail: 'unlocked' };
      case 'notice':
        this.notice = body.text;
        return { ok: true, detail: 'notice set' };
      case 'syncCatalog':
      case 'collectLogs':
        return { ok: true, detail: 'simulated' };
      case 'update':
        return this.updater!.update(body);
      case 'rollback':
        return this.updater!.rollback(body.version);
    }
  }

  private installer(): Installer {
    return {
      current: () => this.version,
      previous: async () => this.previousVersion,
      install: async (version) => {
        if (this.random() < this.o.updateFailureRate) this.broken.add(version);
      },
      activate: async (version) => {
        if (this.activeVersion !== version) this.previousVersion = this.activeVersion;
        this.activeVersion = version;
      },
    };
  }

  async boot(): Promise<void> {
    this.stopped = false;
    this.version = this.activeVersion;
    const brokenNow = this.broken.has(this.version);
    this.devices = Object.fromEntries(
      Object.entries(this.devices).map(([id, d]) => [id, { ...d, status: brokenNow && id === 'id-reader' ? 'offline' : 'online' }]),
    );
    const online = () =>
      Object.entries(this.devices)
        .filter(([, d]) => d.status === 'online')
        .map(([id]) => id);
    this.updater = new Updater({
      installer: this.installer(),
      dir: this.dir,
      releaseKey: this.o.consoleKey,
      healthDeadlineMs: this.o.healthDeadlineMs,
      restart: () => void this.restart(),
      devicesOnline: online,
      report: (e) => this.agent?.report(e),
    });
    this.agent = new FleetAgent(this, {
      terminalId: this.o.id,
      region: this.o.region,
      outlet: this.o.outlet,
      groups: this.o.groups,
      brokerUrl: this.o.brokerUrl,
      connection: {},
      consoleKey: this.o.consoleKey,
      keepaliveSeconds: this.o.keepaliveSeconds,
      heartbeatMs: this.o.heartbeatMs,
      debounceMs: 200,
      seen: new MemorySeenCommands(),
      log: this.o.log ?? quiet,
    });
    await this.agent.start();
    void this.updater.confirmOnStart({ ready: () => !this.stopped, onlineDevices: online, pollMs: 200 });
    if (this.o.faultsPerMinute > 0 && !this.faultTimer) this.faultTimer = setInterval(() => this.maybeFault(), 1000);
  }

  /** A restart as the supervisor does it: a clean stop, a pause, and a start on the activated version. */
  async restart(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.agent?.stop();
    await new Promise((r) => setTimeout(r, this.o.restartDelayMs));
    await this.boot();
  }

  private maybeFault(): void {
    if (this.random() >= this.o.faultsPerMinute / 60) return;
    const roll = this.random();
    if (roll < 0.5) {
      const media = this.devices['printer-a4']!.media;
      this.setDevice('printer-a4', { media: media.includes('paperLow') ? ['paperOut'] : media.includes('paperOut') ? [] : ['paperLow'] });
    } else if (roll < 0.8) {
      this.setDevice('id-reader', { status: this.devices['id-reader']!.status === 'online' ? 'offline' : 'online' });
    } else {
      this.setDevice('printer-receipt', { media: this.devices['printer-receipt']!.media.length ? [] : ['paperOut'] });
    }
  }

  /** Dies without a goodbye (the broker publishes the last will). */
  kill(): void {
    this.stopped = true;
    if (this.faultTimer) clearInterval(this.faultTimer);
    this.agent?.kill();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.faultTimer) clearInterval(this.faultTimer);
    await this.agent?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kiosk } from '../kiosk.js';
import type { Logger } from '../log/logger.js';
import type { KeyValueStore } from '../store/kv.js';
import { FleetAgent } from './agent.js';
import type { FleetConfig } from './config.js';
import { DirectoryInstaller } from './directory-installer.js';
import { KioskFleetHost } from './kiosk-host.js';
import { KvSeenCommands } from './seen-store.js';
import { publicKeyFrom } from './signing.js';
import { Updater } from './updater.js';

/** The fleet agent wired to a running kiosk (config `fleet`); the composition root creates it only when configured. */
export class TerminalFleet {
  readonly agent: FleetAgent;
  readonly host: KioskFleetHost;
  readonly updater: Updater | null;
  private readonly confirm = new AbortController();

  constructor(
    private readonly kiosk: Kiosk,
    config: FleetConfig,
    opts: { dataDir: string; kv: KeyValueStore; logger: Logger },
  ) {
    const log = opts.logger.child({ module: 'fleet' });
    const consoleKey = publicKeyFrom(config.consoleKey);
    const onlineDevices = () =>
      kiosk.devices
        .statuses()
        .filter((s) => s.state !== 'offline' && s.state !== 'hardwareError')
        .map((s) => s.deviceId);
    this.updater = config.updates
      ? new Updater({
          installer: new DirectoryInstaller(config.updates.dir, kiosk.version),
          dir: path.join(opts.dataDir, 'updates'),
          releaseKey: config.releaseKey ? publicKeyFrom(config.releaseKey) : consoleKey,
          healthDeadlineMs: config.updates.healthDeadlineSeconds * 1000,
          restart: () => kiosk.requestRestart(),
          devicesOnline: onlineDevices,
          report: (e) => {
            log.info(e, 'update outcome');
            kiosk.audit.append('fleet.update', { ...e });
            this.agent.report(e);
          },
        })
      : null;
    this.host = new KioskFleetHost(kiosk, opts.dataDir, this.updater);
    const b = config.broker;
    this.agent = new FleetAgent(this.host, {
      terminalId: kiosk.config.terminal.id,
      region: config.region,
      outlet: kiosk.config.terminal.outlet,
      groups: config.groups,
      brokerUrl: b.url,
      connection: {
        username: b.username,
        password: b.password,
        ca: b.caFile ? readFileSync(b.caFile) : undefined,
        cert: b.certFile ? readFileSync(b.certFile) : undefined,
        key: b.keyFile ? readFileSync(b.keyFile) : undefined,
        rejectUnauthorized: b.rejectUnauthorized,
      },
      consoleKey,
      keepaliveSeconds: config.keepaliveSeconds,
      heartbeatMs: config.heartbeatSeconds * 1000,
      debounceMs: config.debounceMs,
      seen: new KvSeenCommands(opts.kv),
      log,
    });
  }

  /** Connects in the background (a broker that is down must not hold up the kiosk) and confirms a pending update. */
  start(ready: () => boolean): void {
    void this.agent.start().catch(() => undefined);
    if (this.updater)
      void this.updater
        .confirmOnStart({
          ready,
          onlineDevices: () =>
            this.kiosk.devices
              .statuses()
              .filter((s) => s.state !== 'offline' && s.state !== 'hardwareError')
              .map((s) => s.deviceId),
          signal: this.confirm.signal,
        })
        .catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.confirm.abort();
    await this.agent.stop();
  }
}

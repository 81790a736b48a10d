import { statfs } from 'node:fs/promises';
import type { Kiosk } from '../kiosk.js';
import type { CommandOutcome, FleetHost, FleetHostSnapshot } from './host.js';
import { composeLogBundle, uploadLogBundle } from './log-bundle.js';
import type { CommandBody } from './protocol.js';
import type { Updater } from './updater.js';

const RESTART_DELAY_MS = 500;
/** An order still settling this long after its last change is "unresolved" (a normal payment settles in ~45 s). */
export const UNRESOLVED_AFTER_MS = 2 * 60_000;

/** Orders of the payment journal that have been unfinished for longer than a payment normally takes. */
export function unresolvedPayments(orders: readonly { updatedAt: string }[], nowMs: number, afterMs = UNRESOLVED_AFTER_MS): number {
  return orders.filter((o) => nowMs - Date.parse(o.updatedAt) > afterMs).length;
}

/** The real terminal as the fleet agent sees it: the kiosk's state, and commands carried out on it. */
export class KioskFleetHost implements FleetHost {
  /** Unfinished orders of the payment journal past the normal settling time (0 without a platform). */
  unfinishedPayments: () => number = () => unresolvedPayments(this.kiosk.payments?.service.journal.unfinished() ?? [], Date.now());

  constructor(
    private readonly kiosk: Kiosk,
    private readonly dataDir: string,
    private readonly updater: Updater | null,
  ) {}

  snapshot(): FleetHostSnapshot {
    const k = this.kiosk;
    const session = k.session.snapshot();
    return {
      version: k.version,
      catalogVersion: k.catalog.status().version,
      outboxDepth: k.outbox.depth(),
      unfinishedPayments: this.unfinishedPayments(),
      inSession: session.phase !== 'idle' && session.mode === 'resident',
      locked: k.fleetDisplay.get().lock !== null,
      devices: Object.fromEntries(k.devices.statuses().map((s) => [s.deviceId, { kind: s.kind, status: s.state, media: [...s.media] }])),
    };
  }

  onChange(listener: () => void): () => void {
    return this.kiosk.onEvent((e) => {
      if (e.name === 'device.status' || e.name === 'session.changed' || e.name === 'catalog.status' || e.name === 'fleet.display')
        listener();
    });
  }

  onSessionEnd(listener: () => void): () => void {
    return this.kiosk.onEvent((e) => {
      if (e.name === 'session.ended') setImmediate(listener);
    });
  }

  async diskFreeBytes(): Promise<number | null> {
    const s = await statfs(this.dataDir);
    return s.bavail * s.bsize;
  }

  async execute(body: CommandBody): Promise<CommandOutcome> {
    const k = this.kiosk;
    k.audit.append('fleet.command', { type: body.type });
    switch (body.type) {
      case 'restart':
        setTimeout(() => k.requestRestart(), RESTART_DELAY_MS);
        return { ok: true, detail: 'restarting' };
      case 'syncCatalog':
        try {
          const r = await k.catalog.syncNow();
          return { ok: true, detail: `${r.result} (version ${r.version})` };
        } catch (err) {
          return { ok: false, code: 'syncFailed', detail: (err as Error).message };
        }
      case 'lock':
        k.fleetDisplay.set({ lock: { message: body.message, alternative: body.alternative } });
        return { ok: true, detail: 'locked' };
      case 'unlock':
        k.fleetDisplay.set({ lock: null });
        return { ok: true, detail: 'unlocked' };
      case 'notice':
        k.fleetDisplay.set({ notice: body.text });
        return { ok: true, detail: body.text ? 'notice set' : 'notice cleared' };
      case 'collectLogs': {
        const bundle = composeLogBundle({
          terminalId: k.config.terminal.id,
          version: k.version,
          entries: k.audit.latest(2000),
          extra: { devices: k.devices.statuses().map((s) => ({ id: s.deviceId, state: s.state, media: s.media, detail: s.detail })) },
        });
        const up = await uploadLogBundle(body.uploadUrl, bundle);
        return up.ok ? { ok: true, detail: `${bundle.length} bytes uploaded` } : { ok: false, code: 'uploadFailed', detail: up.detail };
      }
      case 'update':
        if (!this.updater) return { ok: false, code: 'unavailable', detail: 'updates are not configured (fleet.updates)' };
        k.audit.append('fleet.update', { to: body.version });
        return this.updater.update(body);
      case 'rollback':
        if (!this.updater) return { ok: false, code: 'unavailable', detail: 'updates are not configured (fleet.updates)' };
        return this.updater.rollback(body.version);
    }
  }
}

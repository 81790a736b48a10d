import type { Device } from '../../../devices/core/device.js';
import type { DeviceStatus, SelfTestResult } from '../../../devices/core/status.js';
import type { Logger } from '../log/logger.js';
import type { AuditLog } from '../store/audit.js';

/**
 * Owns the configured devices: starts and stops them, forwards status changes to listeners
 * (the bridge pushes them to the UI), audits each change, and runs technicians' self-tests.
 */
export class DeviceManager {
  private readonly listeners = new Set<(s: DeviceStatus) => void>();
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    private readonly devices: Device[],
    private readonly audit: AuditLog,
    private readonly log: Logger,
  ) {
    for (const d of devices) {
      this.unsubscribers.push(
        d.onStatus((s) => {
          this.log.info({ device: s.deviceId, state: s.state, media: s.media, reason: s.reasonKey, detail: s.detail }, 'device status');
          this.audit.append('device.status', { device: s.deviceId, state: s.state, media: s.media, reason: s.reasonKey });
          for (const l of this.listeners) l(s);
        }),
      );
    }
  }

  list(): { id: string; kind: string; capabilities: Device['capabilities'] }[] {
    return this.devices.map((d) => ({ id: d.id, kind: d.kind, capabilities: d.capabilities }));
  }

  info(id: string): Record<string, string> {
    return this.get(id)?.info?.() ?? {};
  }

  all(): readonly Device[] {
    return this.devices;
  }

  statuses(): DeviceStatus[] {
    return this.devices.map((d) => d.status());
  }

  get(id: string): Device | undefined {
    return this.devices.find((d) => d.id === id);
  }

  onStatus(listener: (s: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async startAll(): Promise<void> {
    await Promise.all(this.devices.map((d) => d.start()));
  }

  async stopAll(): Promise<void> {
    for (const u of this.unsubscribers) u();
    await Promise.all(this.devices.map((d) => d.stop().catch(() => undefined)));
  }

  async selfTest(id: string): Promise<SelfTestResult | null> {
    const device = this.get(id);
    if (!device) return null;
    const result = await device.selfTest(AbortSignal.timeout(30_000));
    this.audit.append('device.selfTest', { device: id, passed: result.passed });
    return result;
  }
}

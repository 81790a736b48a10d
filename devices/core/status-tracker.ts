import type { DeviceState, DeviceStatus, MediaCondition } from './status.js';

/** Holds one device's status and notifies listeners only when it actually changes (log state changes, not polls). */
export class StatusTracker {
  private current: DeviceStatus;
  private readonly listeners = new Set<(s: DeviceStatus) => void>();

  constructor(
    deviceId: string,
    kind: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.current = {
      deviceId,
      kind,
      state: 'offline',
      media: [],
      reasonKey: 'device.reason.starting',
      detail: null,
      since: this.now().toISOString(),
    };
  }

  get(): DeviceStatus {
    return this.current;
  }

  set(state: DeviceState, opts: { media?: MediaCondition[]; reasonKey?: string | null; detail?: string | null } = {}): void {
    const media = [...(opts.media ?? this.current.media)].sort();
    const reasonKey = opts.reasonKey === undefined ? (state === 'online' ? null : this.current.reasonKey) : opts.reasonKey;
    const detail = opts.detail === undefined ? (state === 'online' ? null : this.current.detail) : opts.detail;
    const same =
      state === this.current.state &&
      reasonKey === this.current.reasonKey &&
      detail === this.current.detail &&
      media.join() === this.current.media.join();
    if (same) return;
    this.current = { ...this.current, state, media, reasonKey, detail, since: this.now().toISOString() };
    for (const l of this.listeners) l(this.current);
  }

  subscribe(listener: (s: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

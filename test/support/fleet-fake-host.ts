import type { CommandOutcome, FleetHost, FleetHostSnapshot } from '../../main/core/fleet/host.js';
import type { CommandBody } from '../../main/core/fleet/protocol.js';

/** A terminal for agent tests: a mutable snapshot, and a log of the commands it was asked to run. */
export class FakeFleetHost implements FleetHost {
  state: FleetHostSnapshot = {
    version: '1.0.0',
    catalogVersion: 7,
    outboxDepth: 0,
    unfinishedPayments: 0,
    inSession: false,
    locked: false,
    devices: {
      'printer-a4': { kind: 'documentPrinter', status: 'online', media: [] },
      'id-reader': { kind: 'idCardReader', status: 'online', media: [] },
    },
  };
  readonly executed: CommandBody[] = [];
  disk: number | null = 10 * 1024 ** 3;
  private readonly changeListeners = new Set<() => void>();
  private readonly endListeners = new Set<() => void>();

  snapshot(): FleetHostSnapshot {
    return this.state;
  }
  update(patch: Partial<FleetHostSnapshot>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.changeListeners) l();
  }
  device(id: string, patch: Partial<{ status: string; media: string[] }>): void {
    this.update({ devices: { ...this.state.devices, [id]: { ...this.state.devices[id]!, ...patch } } });
  }
  endSession(): void {
    this.update({ inSession: false });
    for (const l of this.endListeners) l();
  }
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }
  onSessionEnd(listener: () => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }
  async diskFreeBytes(): Promise<number | null> {
    return this.disk;
  }
  async execute(body: CommandBody): Promise<CommandOutcome> {
    this.executed.push(body);
    if (body.type === 'lock') this.update({ locked: true });
    if (body.type === 'unlock') this.update({ locked: false });
    return { ok: true, detail: body.type };
  }
}

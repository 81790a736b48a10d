import { MemorySeenCommands } from './command-verifier.js';

interface Kv {
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
}

const KEY = 'fleet.seenCommands';

/** Accepted command ids in the kiosk's key-value store until they expire: a replay after a restart is still refused. */
export class KvSeenCommands extends MemorySeenCommands {
  constructor(private readonly kv: Kv) {
    super();
    for (const [id, exp] of kv.get<[string, number][]>(KEY, [])) super.add(id, exp);
  }
  override add(id: string, expiresAtMs: number): void {
    super.add(id, expiresAtMs);
    this.kv.set(KEY, this.entries());
  }
  override prune(nowMs: number): void {
    const before = this.entries().length;
    super.prune(nowMs);
    if (this.entries().length !== before) this.kv.set(KEY, this.entries());
  }
}

import type { PlatformMatter } from './generate.js';

export type Change = { op: 'upsert'; matter: PlatformMatter } | { op: 'delete'; id: string };

/**
 * The platform's publication history. Version 1 holds all but a reserve of matters; each `publish()` releases
 * some of the reserve, updates the popularity of others and withdraws one, as a real catalog changes between
 * publications. Changes between any two versions are the difference of their snapshots.
 */
export class CatalogVersions {
  private readonly snapshots: Map<string, PlatformMatter>[] = [];
  private readonly reserve: PlatformMatter[];
  private readonly changeCache = new Map<string, Change[]>();

  constructor(all: PlatformMatter[], reserveSize = 12) {
    this.reserve = all.slice(all.length - reserveSize);
    this.snapshots.push(new Map(all.slice(0, all.length - reserveSize).map((m) => [m.id, m])));
  }

  get current(): number {
    return this.snapshots.length;
  }

  has(version: number): boolean {
    return version >= 1 && version <= this.snapshots.length;
  }

  snapshot(version: number): Map<string, PlatformMatter> {
    return this.snapshots[version - 1]!;
  }

  publish(): number {
    const next = new Map(this.snapshot(this.current));
    const v = this.current + 1;
    for (const m of this.reserve.splice(0, 4)) next.set(m.id, m);
    const ids = [...next.keys()];
    for (let i = 0; i < 10; i++) {
      const id = ids[(v * 131 + i * 97) % ids.length]!;
      const m = next.get(id)!;
      next.set(id, { ...m, popularity: Math.min(100, m.popularity + 5) });
    }
    next.delete(ids[(v * 53) % ids.length]!);
    this.snapshots.push(next);
    return v;
  }

  /** Changes turning version `since` (0 = nothing) into `version`, ordered by id. */
  changes(since: number, version: number): Change[] {
    const key = `${since}:${version}`;
    const cached = this.changeCache.get(key);
    if (cached) return cached;
    const from = since === 0 ? new Map<string, PlatformMatter>() : this.snapshot(since);
    const to = this.snapshot(version);
    const out: Change[] = [];
    for (const [id, m] of to) if (from.get(id) !== m) out.push({ op: 'upsert', matter: m });
    for (const id of from.keys()) if (!to.has(id)) out.push({ op: 'delete', id });
    out.sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1));
    this.changeCache.set(key, out);
    return out;
  }
}

const idOf = (c: Change) => (c.op === 'upsert' ? c.matter.id : c.id);

import type { Logger } from '../log/logger.js';
import { fetchMatterForm } from '../platform/applications.js';
import type { PlatformClient } from '../platform/client.js';
import type { Db } from '../store/db.js';
import type { MatterForm } from './apply-types.js';
import { FormCache, platformUnreachable } from './form-cache.js';

export interface PrefetchResult {
  cached: number;
  failed: number;
  /** The platform went away part way: the rest waits for the next sync. */
  stopped: boolean;
  dropped: number;
}

/**
 * After a catalog sync: fetches and caches the form of every matter this terminal takes applications for, one at a
 * time, so a terminal that has been online once can show them when the platform is down (a village station at night).
 * A form the platform refuses or garbles is skipped (its older copy stays); the platform going away stops the run.
 * Forms of matters no longer applied for here are dropped only after a complete run.
 */
export async function prefetchApplyForms(o: {
  matterIds: readonly string[];
  fetch: (matterId: string, signal: AbortSignal) => Promise<MatterForm>;
  cache: FormCache;
  log: Logger;
  signal?: AbortSignal;
}): Promise<PrefetchResult> {
  const signal = o.signal ?? new AbortController().signal;
  const r: PrefetchResult = { cached: 0, failed: 0, stopped: false, dropped: 0 };
  for (const id of o.matterIds) {
    if (signal.aborted) return { ...r, stopped: true };
    try {
      o.cache.put(await o.fetch(id, signal));
      r.cached++;
    } catch (e) {
      if (platformUnreachable(e) || signal.aborted) {
        o.log.warn(
          { cached: r.cached, left: o.matterIds.length - r.cached - r.failed },
          'apply form prefetch stopped: platform unreachable',
        );
        return { ...r, stopped: true };
      }
      r.failed++;
      o.log.warn({ matterId: id, err: (e as Error).message }, 'apply form not cached');
    }
  }
  r.dropped = o.cache.keepOnly(o.matterIds);
  o.log.info({ cached: r.cached, failed: r.failed, dropped: r.dropped }, 'apply forms cached for offline use');
  return r;
}

/**
 * Runs the prefetch after each successful catalog sync, one run at a time (a sync finishing during a run asks for
 * one more afterwards, so the last catalog is the one cached).
 */
export class FormPrefetcher {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly abort = new AbortController();

  constructor(private readonly run: (signal: AbortSignal) => Promise<unknown>) {}

  /** Starts a run now, or after the one under way. */
  request(): void {
    if (this.abort.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.run(this.abort.signal).catch(() => undefined);
      } while (this.again && !this.abort.signal.aborted);
      this.running = null;
    })();
  }

  /** Resolves when no run is under way (tests). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  stop(): void {
    this.abort.abort();
  }
}

/** The matters whose `channels.terminal.flows` include `apply`, from the local catalog, page by page. */
export function applyMatterIds(
  browse: (filter: { flow: 'apply' }, sort: 'popular', page: number, pageSize: number) => { items: { id: string }[]; total: number },
): string[] {
  const ids: string[] = [];
  for (let page = 0; ; page++) {
    const { items, total } = browse({ flow: 'apply' }, 'popular', page, 200);
    ids.push(...items.map((m) => m.id));
    if (items.length === 0 || ids.length >= total) return ids;
  }
}

/**
 * The kiosk's offline forms: the cache in kiosk.sqlite and its prefetch (`prefetcher.request()` after every catalog
 * sync that ended well). Null without a platform.
 */
export function createOfflineForms(o: {
  db: Db;
  platform: PlatformClient | null;
  browse: Parameters<typeof applyMatterIds>[0];
  log: Logger;
}): { cache: FormCache; prefetcher: FormPrefetcher } | null {
  const client = o.platform;
  if (!client) return null;
  const cache = new FormCache(o.db, o.log);
  const prefetcher = new FormPrefetcher((signal) =>
    prefetchApplyForms({
      matterIds: applyMatterIds(o.browse),
      fetch: (id, s) => fetchMatterForm(client, id, s),
      cache,
      log: o.log,
      signal,
    }),
  );
  return { cache, prefetcher };
}

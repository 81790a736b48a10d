import type { PlatformClient } from '../platform/client.js';
import { PlatformError } from '../platform/errors.js';
import { CatalogPageSchema } from '../platform/schemas.js';
import type { CatalogStore, PendingSync } from './catalog-store.js';

export type SyncOutcome =
  { result: 'upToDate'; version: number } | { result: 'updated'; version: number; from: number; applied: number; resumed: boolean };

export interface SyncOptions {
  pageSize?: number;
  signal?: AbortSignal;
  now?: () => Date;
}

/**
 * One catalog sync: pages of changes since the local version, each stored as it arrives (so a cut connection
 * resumes from the last page), applied in one transaction after the last page. Failures leave the applied catalog
 * as it was and are recorded in the catalog state; the caller decides when to try again.
 */
export async function syncCatalog(client: PlatformClient, store: CatalogStore, options: SyncOptions = {}): Promise<SyncOutcome> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  try {
    const outcome = await run(client, store, options, now);
    if (outcome.result === 'upToDate')
      store.saveState({ updatedAt: startedAt, lastAttemptAt: startedAt, lastResult: 'ok', lastError: null });
    return outcome;
  } catch (e) {
    const err = e instanceof PlatformError ? e : new PlatformError('badReply', `catalog sync failed: ${(e as Error).message ?? String(e)}`);
    store.saveState({ lastAttemptAt: startedAt, lastResult: 'failed', lastError: { code: err.code, message: err.message } });
    throw err;
  }
}

async function run(client: PlatformClient, store: CatalogStore, options: SyncOptions, now: () => Date): Promise<SyncOutcome> {
  const local = store.state().version;
  let pending = store.state().pending;
  if (pending && pending.since !== local && !pending.full) {
    store.discardPending();
    pending = null;
  }
  if (pending && pending.cursor === null) {
    // every page arrived but applying did not finish (e.g. power cut): apply what is stored
    if (pending.received === pending.total) {
      const applied = store.applyPending(pending.version, pending.full, now().toISOString());
      return { result: 'updated', version: pending.version, from: local, applied, resumed: true };
    }
    store.discardPending();
    pending = null;
  }
  const resumed = pending !== null;
  let restarted = false;
  for (;;) {
    const query = pending?.cursor
      ? { since: pending.since, version: pending.version, cursor: pending.cursor, limit: options.pageSize }
      : { since: local, limit: options.pageSize };
    let page;
    try {
      page = await client.get('/api/v1/catalog/changes', { query, schema: CatalogPageSchema, signal: options.signal });
    } catch (e) {
      if (e instanceof PlatformError && e.code === 'gone' && pending && !restarted) {
        store.discardPending();
        pending = null;
        restarted = true;
        continue;
      }
      throw e;
    }
    if (page.version < local)
      throw new PlatformError(
        'versionRollback',
        `the platform offers catalog version ${page.version}, older than ours (${local}); keeping ours`,
      );
    if (!pending) {
      if (page.version === local && page.total === 0) return { result: 'upToDate', version: local };
      if (store.state().pending) store.discardPending();
      pending = { since: page.since, version: page.version, cursor: null, total: page.total, received: 0, full: page.since === 0 };
    } else if (page.version !== pending.version || page.since !== pending.since) {
      throw new PlatformError(
        'badReply',
        `catalog page is for version ${page.version} since ${page.since}; expected ${pending.version} since ${pending.since}`,
        {
          field: 'version',
        },
      );
    }
    const next: PendingSync = { ...pending, cursor: page.nextCursor, received: pending.received + page.changes.length };
    if (next.received > next.total)
      throw new PlatformError('badReply', `catalog sync sent ${next.received} changes, more than the ${next.total} announced`, {
        field: 'total',
      });
    store.addPendingPage(page.changes, next);
    pending = next;
    if (page.nextCursor === null) {
      if (pending.received !== pending.total) {
        store.discardPending();
        throw new PlatformError('badReply', `catalog sync ended after ${pending.received} of ${pending.total} changes`, { field: 'total' });
      }
      const applied = store.applyPending(pending.version, pending.full, now().toISOString());
      return { result: 'updated', version: pending.version, from: local, applied, resumed };
    }
  }
}

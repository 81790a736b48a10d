import type { Logger } from '../log/logger.js';
import type { PlatformClient } from '../platform/client.js';
import { PlatformError } from '../platform/errors.js';
import type { Matter } from '../platform/schemas.js';
import type { BrowseFilter, CatalogStore, MatterSummary } from './catalog-store.js';
import { syncCatalog, type SyncOutcome } from './catalog-sync.js';
import { SearchIndex, type SearchHit } from './search/search-index.js';

/** A search hit as the UI gets it: with the matter's department, whether it is done here, and translated names. */
export type CatalogHit = SearchHit & { department: string | null; terminal: boolean; names: Record<string, string> };

export interface CatalogStatus {
  configured: boolean;
  version: number;
  matterCount: number;
  updatedAt: string | null;
  lastAttemptAt: string | null;
  lastResult: 'never' | 'ok' | 'failed';
  lastError: { code: string; message: string } | null;
  syncing: boolean;
  /** Changes received by a sync that has not finished (it resumes from there). */
  pendingChanges: number;
}

export interface CatalogServiceOptions {
  intervalMs: number;
  /** Registers this service's session-end wipe (what the last resident typed narrows no later search). */
  registerWipe?: (wipe: () => void) => void;
  firstRetryMs?: number;
  pageSize?: number;
  /** This terminal's GB/T 2260 region (config `terminal.region`): its matters first, others only when none match. */
  terminalRegion?: string | null;
  /** After each sync that ended well (updated or already up to date): e.g. caching the apply forms for offline use. */
  onSynced?: (outcome: SyncOutcome) => void;
}

/**
 * The terminal's matter catalog: syncs from the platform on start and on a schedule (sooner after a failure),
 * keeps serving the last good catalog while offline, and answers search and browsing from SQLite and the index.
 */
export class CatalogService {
  private index: SearchIndex;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SyncOutcome> | null = null;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly store: CatalogStore,
    private readonly client: PlatformClient | null,
    private readonly log: Logger,
    private readonly onStatus: (s: CatalogStatus) => void,
    private readonly options: CatalogServiceOptions,
  ) {
    this.index = this.buildIndex();
    options.registerWipe?.(() => this.resetTyping());
  }

  start(): void {
    if (!this.client) {
      this.log.warn('no platform configured: serving the catalog already stored');
      return;
    }
    void this.syncNow().catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  status(): CatalogStatus {
    const s = this.store.state();
    return {
      configured: this.client !== null,
      version: s.version,
      matterCount: this.index.matterCount,
      updatedAt: s.updatedAt,
      lastAttemptAt: s.lastAttemptAt,
      lastResult: s.lastResult,
      lastError: s.lastError,
      syncing: this.running !== null,
      pendingChanges: s.pending?.received ?? 0,
    };
  }

  /** Runs a sync now (or joins the one running) and schedules the next. */
  syncNow(): Promise<SyncOutcome> {
    if (!this.client) return Promise.reject(new PlatformError('unreachable', 'no platform is configured'));
    if (this.running) return this.running;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.running = (async () => {
      this.onStatus(this.status());
      try {
        const outcome = await syncCatalog(client, this.store, { pageSize: this.options.pageSize });
        this.failures = 0;
        if (outcome.result === 'updated') {
          this.index = this.buildIndex();
          this.log.info(
            { version: outcome.version, from: outcome.from, applied: outcome.applied, resumed: outcome.resumed },
            'catalog updated',
          );
        }
        this.options.onSynced?.(outcome);
        return outcome;
      } catch (e) {
        this.failures++;
        const err = e as PlatformError;
        this.log.warn({ code: err.code, err: err.message, failures: this.failures }, 'catalog sync failed; serving the stored catalog');
        throw e;
      } finally {
        this.running = null;
        this.schedule();
        this.onStatus(this.status());
      }
    })();
    return this.running;
  }

  search(query: string, limit: number): CatalogHit[] {
    const hits = this.withSummaries(this.index.search(query, limit));
    return hits.length < limit ? [...hits, ...this.byTranslatedName(query, limit - hits.length, hits)] : hits;
  }

  /** When a search finds nothing: matters on the same topic (sharing a word with the query). */
  nearby(query: string, limit: number): CatalogHit[] {
    return this.withSummaries(this.index.nearby(query, limit));
  }

  private withSummaries(hits: SearchHit[]): CatalogHit[] {
    const summaries = new Map(this.store.summaries(hits.map((h) => h.id)).map((s) => [s.id, s]));
    return hits.flatMap((h) => {
      const s = summaries.get(h.id);
      return s ? [{ ...h, department: s.department, terminal: s.terminal, names: s.names }] : [];
    });
  }

  /** English or Uyghur typed into search: the matters whose translated name holds it (after the Chinese hits). */
  private byTranslatedName(query: string, limit: number, already: CatalogHit[]): CatalogHit[] {
    if (limit <= 0 || /\p{Script=Han}/u.test(query)) return [];
    const seen = new Set(already.map((h) => h.id));
    return this.store
      .findByTranslatedName(query, limit + seen.size)
      .filter((m) => !seen.has(m.id))
      .slice(0, limit)
      .map((m) => ({
        id: m.id,
        name: m.name,
        names: m.names,
        department: m.department,
        terminal: m.terminal,
        score: 0,
        kind: 'substring' as const,
        viaAlias: null,
        otherImplementations: 0,
        region: null,
      }));
  }

  /** A new resident (or a cleared field): the next search starts from every name. */
  resetTyping(): void {
    this.index.resetTyping();
  }

  matter(id: string): Matter | null {
    return this.store.get(id);
  }

  browse(filter: BrowseFilter, sort: 'hereFirst' | 'popular', page: number, pageSize: number): { items: MatterSummary[]; total: number } {
    return this.store.browse(filter, sort, page, pageSize);
  }

  facets() {
    return this.store.facets();
  }

  private schedule(): void {
    if (this.stopped) return;
    const first = this.options.firstRetryMs ?? 30_000;
    const delay = this.failures === 0 ? this.options.intervalMs : Math.min(this.options.intervalMs, first * 2 ** (this.failures - 1));
    this.timer = setTimeout(() => void this.syncNow().catch(() => undefined), delay);
    this.timer.unref();
  }

  private buildIndex(): SearchIndex {
    const started = performance.now();
    const index = new SearchIndex(this.store.indexRows(), { terminalRegion: this.options.terminalRegion ?? null });
    this.log.info(
      { matters: index.matterCount, names: index.distinctNames, ms: Math.round(performance.now() - started) },
      'search index built',
    );
    return index;
  }
}

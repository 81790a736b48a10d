import { createStore } from 'zustand/vanilla';
import type { EventPayload, Reply } from '../../../main/bridge/contract.js';

export type CatalogStatus = EventPayload<'catalog.status'>;
export type SearchHit = Reply<'catalog.search'>['hits'][number];

export interface CatalogState {
  status: CatalogStatus | null;
  /** What the resident has typed on the search screen (kept while they look at a guide and come back). */
  query: string;
  hits: SearchHit[];
}

export const initialCatalogSession = (): Pick<CatalogState, 'query' | 'hits'> => ({ query: '', hits: [] });

/** Mirror of the catalog's freshness, plus this session's search. */
export const createCatalogStore = () => createStore<CatalogState>()(() => ({ status: null, ...initialCatalogSession() }));
export type CatalogStore = ReturnType<typeof createCatalogStore>;

/** What the offline banner says, if anything: the catalog is stale (last sync failed) or missing. */
export function catalogNotice(status: CatalogStatus | null): 'none' | 'offline' | 'empty' {
  if (!status) return 'none';
  // an empty catalog is only normal while the very first sync is still on its way
  if (status.matterCount === 0) return status.syncing || (status.configured && status.lastResult === 'never') ? 'none' : 'empty';
  return status.lastResult === 'failed' ? 'offline' : 'none';
}

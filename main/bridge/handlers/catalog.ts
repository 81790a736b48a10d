import type { Kiosk } from '../../core/kiosk.js';
import type { Handlers } from '../dispatcher.js';

export function catalogHandlers(
  kiosk: Kiosk,
): Pick<Handlers, 'catalog.status' | 'catalog.search' | 'catalog.nearby' | 'catalog.browse' | 'catalog.facets' | 'catalog.matter'> {
  return {
    'catalog.status': () => kiosk.catalog.status(),
    'catalog.search': ({ query, limit }) => ({ hits: kiosk.catalog.search(query, limit) }),
    'catalog.nearby': ({ query, limit }) => ({ hits: kiosk.catalog.nearby(query, limit) }),
    'catalog.browse': ({ sort, page, pageSize, ...filter }) => ({ ...kiosk.catalog.browse(filter, sort, page, pageSize), page, pageSize }),
    'catalog.facets': () => kiosk.catalog.facets(),
    'catalog.matter': ({ id }) => {
      const matter = kiosk.catalog.matter(id);
      const flow = matter?.channels.terminal?.flows.find((f) => kiosk.flows.runnable.has(f)) ?? null;
      return { matter, flow };
    },
  };
}

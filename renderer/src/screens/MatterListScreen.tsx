import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogFrame, LoadState } from '../components/CatalogFrame.js';
import { MatterButton } from '../components/MatterButton.js';
import { Pager } from '../components/Pager.js';
import { pageKeepingFirst, useFitPageSize } from '../components/useFitPageSize.js';
import { useBridgeQuery } from '../bridge/useBridgeQuery.js';
import type { BrowseParams } from '../stores/navigation.js';

/** the first request's page size, until the screen has measured what fits */
const FIRST_PAGE_SIZE = 6;

/** A paged list of matters for one browse filter ("can be done here" first unless sorted by popularity). */
export function MatterListScreen({ filter, title }: { filter: BrowseParams; title: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const keepFirst = useCallback((oldSize: number, newSize: number) => setPage((p) => pageKeepingFirst(p, oldSize, newSize)), []);
  const fit = useFitPageSize<HTMLElement>(FIRST_PAGE_SIZE, keepFirst);
  const params = { ...filter, page, pageSize: fit.size };
  const list = useBridgeQuery('catalog.browse', params, JSON.stringify(params));
  const pages = list.status === 'ok' ? Math.max(1, Math.ceil(list.data.total / fit.size)) : 1;
  return (
    <CatalogFrame title={title} testId="matter-list">
      <LoadState query={list} />
      {list.status === 'ok' && (
        <>
          <p className="muted" data-testid="matter-total">
            {t('catalog.count', { count: list.data.total })}
          </p>
          {list.data.total === 0 && <p>{t('catalog.none')}</p>}
          <section className="results fit-list" ref={fit.ref} data-testid="matter-page" data-page-size={fit.size}>
            {list.data.items.map((m) => (
              <MatterButton key={m.id} matter={m} />
            ))}
          </section>
        </>
      )}
      <Pager page={page} pages={pages} onPage={setPage} />
    </CatalogFrame>
  );
}

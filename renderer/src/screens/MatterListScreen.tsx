import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogFrame, LoadState } from '../components/CatalogFrame.js';
import { MatterButton } from '../components/MatterButton.js';
import { Pager } from '../components/Pager.js';
import { useBridgeQuery } from '../bridge/useBridgeQuery.js';
import type { BrowseParams } from '../stores/navigation.js';

const PAGE_SIZE = 6;

/** A paged list of matters for one browse filter ("can be done here" first unless sorted by popularity). */
export function MatterListScreen({ filter, title }: { filter: BrowseParams; title: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const params = { ...filter, page, pageSize: PAGE_SIZE };
  const list = useBridgeQuery('catalog.browse', params, JSON.stringify(params));
  const pages = list.status === 'ok' ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  return (
    <CatalogFrame title={title} testId="matter-list">
      <LoadState query={list} />
      {list.status === 'ok' && (
        <>
          <p className="muted" data-testid="matter-total">
            {t('catalog.count', { count: list.data.total })}
          </p>
          {list.data.total === 0 && <p>{t('catalog.none')}</p>}
          <section className="results">
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

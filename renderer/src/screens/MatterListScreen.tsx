import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../components/Breadcrumb.js';
import { Button } from '../components/Button.js';
import { CatalogNotice } from '../components/CatalogNotice.js';
import { MatterButton } from '../components/MatterButton.js';
import { Pager } from '../components/Pager.js';
import { TopBar } from '../components/TopBar.js';
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
    <main className="screen" data-testid="matter-list">
      <TopBar title={title} showBack />
      <Breadcrumb />
      <CatalogNotice />
      {list.status === 'loading' && <p role="status">{t('catalog.loading')}</p>}
      {list.status === 'error' && (
        <p role="alert">
          {t(list.messageKey)} <Button onClick={list.retry}>{t('common.retry')}</Button>
        </p>
      )}
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
    </main>
  );
}

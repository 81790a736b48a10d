import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogFrame, LoadState } from '../components/CatalogFrame.js';
import { Pager } from '../components/Pager.js';
import { useBridgeQuery } from '../bridge/useBridgeQuery.js';
import { useApp } from '../stores/index.js';
import { push } from '../stores/navigation.js';

const PAGE = 9;

/** Departments as tiles, paged. */
export function DepartmentsScreen() {
  const { t } = useTranslation();
  const { stores } = useApp();
  const [page, setPage] = useState(0);
  const facets = useBridgeQuery('catalog.facets', {}, 'facets');
  const all = facets.status === 'ok' ? facets.data.departments : [];
  const pages = Math.max(1, Math.ceil(all.length / PAGE));
  return (
    <CatalogFrame title={t('catalog.byDepartment')} testId="departments-screen">
      <LoadState query={facets} />
      {facets.status === 'ok' && all.length === 0 && <p>{t('catalog.none')}</p>}
      <nav className="tiles" aria-label={t('catalog.byDepartment')}>
        {all.slice(page * PAGE, (page + 1) * PAGE).map((d) => (
          <button
            type="button"
            className="tile"
            key={d.name}
            data-testid="department"
            onClick={() =>
              stores.navigation.setState(
                push(stores.navigation.getState(), {
                  screen: 'matters',
                  filter: { department: d.name },
                  title: d.name,
                  literalTitle: true,
                }),
              )
            }
          >
            <span lang="zh-CN">{d.name}</span>
            <span className="hint">{t('catalog.count', { count: d.count })}</span>
          </button>
        ))}
      </nav>
      <Pager page={page} pages={pages} onPage={setPage} />
    </CatalogFrame>
  );
}

import { useTranslation } from 'react-i18next';
import { useTimeFormat } from '../i18n/useTimeFormat.js';
import { catalogNotice } from '../stores/catalog.js';
import { useApp, useSlice } from '../stores/index.js';

/** Says plainly when the catalog may be stale (network down) or is missing; nothing when all is well. */
export function CatalogNotice() {
  const { t } = useTranslation();
  const format = useTimeFormat();
  const { stores } = useApp();
  const status = useSlice(stores.catalog, (s) => s.status);
  const hotline = useSlice(stores.terminal, (s) => s.info?.hotline ?? '12345');
  const notice = catalogNotice(status);
  if (notice === 'none') return null;
  const time = status?.updatedAt ? format.dateTime(status.updatedAt) : '';
  return (
    <div className="banner" role="status" data-testid="catalog-offline" data-notice={notice}>
      {notice === 'offline' ? t('catalog.offline', { time }) : t('catalog.empty', { hotline })}
    </div>
  );
}

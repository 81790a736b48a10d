import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Method } from '../../../main/bridge/contract.js';
import type { QueryState } from '../bridge/useBridgeQuery.js';
import { Breadcrumb } from './Breadcrumb.js';
import { Button } from './Button.js';
import { CatalogNotice } from './CatalogNotice.js';
import { ScreenFrame } from './ScreenFrame.js';

/** Every catalog screen: the top bar, the path back, the offline notice, then its content. */
export function CatalogFrame({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <ScreenFrame testId={testId} title={title} showBack above={<CatalogNotice />}>
      <Breadcrumb />
      {children}
    </ScreenFrame>
  );
}

/** While a screen's data loads: "loading", or the error with a retry button. Renders nothing once loaded. */
export function LoadState<M extends Method>({ query }: { query: QueryState<M> & { retry: () => void } }) {
  const { t } = useTranslation();
  if (query.status === 'loading') return <p role="status">{t('catalog.loading')}</p>;
  if (query.status === 'error')
    return (
      <p role="alert">
        {t(query.messageKey)} <Button onClick={query.retry}>{t('common.retry')}</Button>
      </p>
    );
  return null;
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { useTimeFormat } from '../i18n/useTimeFormat.js';
import { useApp, useSlice } from '../stores/index.js';

/** Technicians: catalog version, freshness, last sync result and a "sync now" button. */
export function CatalogPanel() {
  const { t } = useTranslation();
  const format = useTimeFormat();
  const { stores, bridge } = useApp();
  const status = useSlice(stores.catalog, (s) => s.status);
  const [busy, setBusy] = useState(false);
  const when = (iso: string | null) => (iso ? format.dateTime(iso, { seconds: true }) : '—');
  const sync = async () => {
    setBusy(true);
    try {
      stores.catalog.setState({ status: await bridge.call('maintenance.catalogSync', {}) });
    } catch {
      // the status event carries the outcome; nothing else to show here
    } finally {
      setBusy(false);
    }
  };
  if (!status) return null;
  return (
    <section className="panel" data-testid="maint-catalog">
      <h2>{t('maintenance.catalog.title')}</h2>
      {!status.configured && <p>{t('maintenance.catalog.notConfigured')}</p>}
      <dl className="facts">
        <dt>{t('maintenance.catalog.version')}</dt>
        <dd data-testid="maint-catalog-version">{status.version}</dd>
        <dt>{t('maintenance.catalog.matters')}</dt>
        <dd data-testid="maint-catalog-count">{status.matterCount}</dd>
        <dt>{t('maintenance.catalog.updatedAt')}</dt>
        <dd>{when(status.updatedAt)}</dd>
        <dt>{t('maintenance.catalog.lastAttempt')}</dt>
        <dd>{when(status.lastAttemptAt)}</dd>
        <dt>{t('maintenance.catalog.result')}</dt>
        <dd data-testid="maint-catalog-result" data-result={status.lastResult}>
          {t(`maintenance.catalog.resultValue.${status.lastResult}`)}
          {status.lastError && <div className="muted">{`${status.lastError.code}: ${status.lastError.message}`}</div>}
        </dd>
      </dl>
      {status.pendingChanges > 0 && <p className="muted">{t('maintenance.catalog.pending', { count: status.pendingChanges })}</p>}
      {status.configured && (
        <Button data-testid="maint-catalog-sync" disabled={busy || status.syncing} onClick={() => void sync()}>
          {busy || status.syncing ? t('maintenance.catalog.syncing') : t('maintenance.catalog.syncNow')}
        </Button>
      )}
    </section>
  );
}

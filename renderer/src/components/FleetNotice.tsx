import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../stores/index.js';

/** The operations centre's notice on the attract screen (e.g. planned maintenance); nothing when none is set. */
export function FleetNotice() {
  const { t } = useTranslation();
  const { stores } = useApp();
  const notice = useSlice(stores.fleet, (s) => s.display.notice);
  if (!notice) return null;
  return (
    <div className="banner fleet-notice" role="status" data-testid="fleet-notice">
      <strong>{t('fleet.notice')}</strong> {notice}
    </div>
  );
}

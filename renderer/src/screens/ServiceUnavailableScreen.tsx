import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions, ScreenFrame } from '../components/ScreenFrame.js';
import { useApp, useSlice } from '../stores/index.js';
import { home, type ServiceTile } from '../stores/navigation.js';

/** Where a service is not connected on this terminal yet: say so plainly and offer the way forward. */
export function ServiceUnavailableScreen({ service, matterName }: { service: ServiceTile; matterName?: string }) {
  const { t } = useTranslation();
  const { stores } = useApp();
  const hotline = useSlice(stores.terminal, (s) => s.info?.hotline ?? '12345');
  const name = matterName ?? t(`home.tiles.${service}.label`);
  return (
    <ScreenFrame testId="service-unavailable" title={name} showBack>
      <div className="panel">
        <h2>{t('service.unavailableTitle', { service: name })}</h2>
        <p>{t('service.unavailableBody', { hotline })}</p>
        <FrameActions>
          <Button variant="primary" autoFocus onClick={() => stores.navigation.setState(home(stores.navigation.getState()))}>
            {t('common.home')}
          </Button>
        </FrameActions>
      </div>
    </ScreenFrame>
  );
}

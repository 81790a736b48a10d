import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../stores/index.js';

const LONG_PRESS_MS = 3000;

/** "暂停服务": the fleet locked this terminal. Says why and where to go instead; touches start nothing (technicians keep their corner). */
export function LockScreen({ message, alternative }: { message: string; alternative: string }) {
  const { t } = useTranslation();
  const { stores } = useApp();
  const info = useSlice(stores.terminal, (s) => s.info);
  const pressTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  return (
    <main className="screen attract fleet-lock" data-testid="fleet-lock" role="alert">
      <h1>{t('fleet.lockTitle')}</h1>
      <p data-testid="fleet-lock-message">{message}</p>
      {alternative && <p data-testid="fleet-lock-alternative">{t('fleet.lockAlternative', { alternative })}</p>}
      <p>{t('fleet.lockHotline', { hotline: info?.hotline ?? '12345' })}</p>
      <div
        className="hidden-corner"
        aria-hidden="true"
        data-testid="maintenance-corner"
        onPointerDown={() => {
          pressTimer.current = setTimeout(() => stores.navigation.setState({ overlay: 'pin' }), LONG_PRESS_MS);
        }}
        onPointerUp={() => pressTimer.current && clearTimeout(pressTimer.current)}
        onPointerLeave={() => pressTimer.current && clearTimeout(pressTimer.current)}
      />
    </main>
  );
}

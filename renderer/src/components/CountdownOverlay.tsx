import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../stores/index.js';
import { Button } from './Button.js';

/** Seconds left until `endsAt`, never negative. */
export const secondsLeft = (endsAt: string, now: number): number => Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000));

/** Full-screen "need more time?" shown while the core counts down; the core ends the session, not this view. */
export function CountdownOverlay({ endsAt }: { endsAt: string }) {
  const { t } = useTranslation();
  const { bridge } = useApp();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, []);
  const seconds = secondsLeft(endsAt, now);
  return (
    <div
      className="overlay"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="countdown-title"
      data-focus-scope
      data-testid="countdown"
    >
      <h2 id="countdown-title">{t('countdown.title')}</h2>
      <div className="countdown-number" aria-live="polite" data-testid="countdown-seconds">
        {seconds}
      </div>
      <p>{t('countdown.body', { seconds })}</p>
      <div className="topbar">
        <Button variant="primary" autoFocus data-testid="more-time" onClick={() => void bridge.call('session.activity', {})}>
          {t('countdown.more')}
        </Button>
        <Button variant="danger" onClick={() => void bridge.call('session.end', { reason: 'canceled' })}>
          {t('countdown.end')}
        </Button>
      </div>
    </div>
  );
}

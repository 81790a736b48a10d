import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { secondsUntil, yuan } from './pay-money.js';
import type { StepProps } from './types.js';

/** While the payer confirms on the phone (or the terminal checks the result): a countdown and "cancel". */
export function PayWaitingStep({ view, answer }: StepProps<'payWaiting'>) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, []);
  const message = view.canceling ? 'pay.waiting.canceling' : view.passwordAsked ? 'pay.waiting.password' : 'pay.waiting.checking';
  return (
    <div className="panel" data-testid="pay-waiting" aria-live="polite">
      <p className="pay-amount" style={{ fontSize: '2em', fontWeight: 700 }}>
        ￥{yuan(view.totalFen)}
      </p>
      <p className="big" data-testid="pay-waiting-message">
        {t(message)}
      </p>
      {view.waitingUntil && !view.canceling && (
        <p data-testid="pay-countdown">{t('pay.waiting.countdown', { seconds: secondsUntil(view.waitingUntil, now) })}</p>
      )}
      <p>{t('pay.waiting.dontLeave')}</p>
      {!view.canceling && (
        <FrameActions>
          <Button data-testid="pay-cancel" onClick={() => answer({ cancel: true })}>
            {t('pay.cancel')}
          </Button>
        </FrameActions>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { QrCode } from '../components/QrCode.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { yuan } from './pay-money.js';
import type { StepProps } from './types.js';

/** A phone moving to the scanner window below the screen: where to hold the payment code. */
function ScannerHint({ label }: { label: string }) {
  return (
    <svg width="220" height="160" viewBox="0 0 220 160" role="img" aria-label={label} data-testid="pay-scanner-hint">
      <rect x="60" y="120" width="100" height="30" rx="6" fill="#1f4e79" />
      <rect x="85" y="126" width="50" height="8" rx="3" fill="#7fd1ff">
        <animate attributeName="opacity" values="1;0.3;1" dur="1.2s" repeatCount="indefinite" />
      </rect>
      <g>
        <rect x="90" y="10" width="40" height="70" rx="6" fill="#333" />
        <rect x="95" y="18" width="30" height="30" fill="#fff" />
        <animateTransform attributeName="transform" type="translate" values="0 0;0 30;0 30;0 0" dur="2.4s" repeatCount="indefinite" />
      </g>
    </svg>
  );
}

/** Show the payment code to the scanner, or scan the QR on screen; the amount stays in view; cancel is always there. */
export function PayAwaitStep({ view, answer }: StepProps<'payAwait'>) {
  const { t } = useTranslation();
  return (
    <div className="panel" data-testid="pay-await">
      <p className="pay-amount" style={{ fontSize: '2em', fontWeight: 700 }}>
        ￥{yuan(view.totalFen)}
      </p>
      {view.messageKey && (
        <p className="error" role="alert" data-testid="pay-await-message">
          {t(view.messageKey)}
        </p>
      )}
      {view.method === 'code' ? (
        <>
          <p className="big">{t('pay.await.showCode')}</p>
          <ScannerHint label={t('pay.await.where')} />
          <p>{t('pay.await.where')}</p>
        </>
      ) : (
        <>
          <p className="big">{t('pay.await.scanQr')}</p>
          {view.codeUrl ? <QrCode text={view.codeUrl} label={t('pay.await.scanQr')} size={260} /> : <p>{t('flow.working.default')}</p>}
        </>
      )}
      <FrameActions>
        <Button data-testid="pay-cancel" onClick={() => answer({ cancel: true })}>
          {t('pay.cancel')}
        </Button>
      </FrameActions>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { QrCode } from '../components/QrCode.js';
import { useSlice, useApp } from '../stores/index.js';
import type { FlowState } from '../stores/flow.js';

type Failure = NonNullable<FlowState['failure']>;
const actionLabel = { retry: 'flow.action.retry', back: 'flow.action.back', home: 'flow.action.home', skip: 'flow.action.skip' } as const;

/**
 * What went wrong and every way forward the core offers: retry (reprint), back, skip, home; the QR code whenever the
 * message refers to one; the hotline always.
 */
export function FailurePanel({ failure, onAction }: { failure: Failure; onAction: (a: Failure['actions'][number]) => void }) {
  const { t } = useTranslation();
  const { stores } = useApp();
  const hotline = useSlice(stores.terminal, (s) => s.info?.hotline ?? '12345');
  // `xKey` params are message keys themselves: translated before use; `reasonKey` is the device's own sentence
  const { reasonKey, ...rest } = failure.params ?? {};
  const params = Object.fromEntries(Object.entries(rest).map(([k, v]) => (k.endsWith('Key') ? [k.slice(0, -3), t(String(v))] : [k, v])));
  return (
    <div className="panel" role="alert" data-testid="flow-failure" data-message-key={failure.messageKey}>
      <p className="big">{t(failure.messageKey, params)}</p>
      {reasonKey !== undefined && <p data-testid="flow-failure-reason">{t(String(reasonKey))}</p>}
      {failure.qrUrl && (
        <figure className="qr-box">
          <QrCode text={failure.qrUrl} label={t('flow.qrLabel')} />
          <figcaption>{t('flow.qrLabel')}</figcaption>
        </figure>
      )}
      <FrameActions>
        {failure.actions.map((a, i) => (
          <Button key={a} variant={i === 0 ? 'primary' : undefined} data-testid={`flow-${a}`} onClick={() => onAction(a)}>
            {t(actionLabel[a])}
          </Button>
        ))}
      </FrameActions>
      <p>{t('flow.orCall', { hotline })}</p>
    </div>
  );
}

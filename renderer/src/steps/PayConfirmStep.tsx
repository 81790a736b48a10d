import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { yuan } from './pay-money.js';
import type { StepProps } from './types.js';

/** What the notice is for and the amount, large; paying starts only with one of the two explicit buttons. */
export function PayConfirmStep({ view, answer }: StepProps<'payConfirm'>) {
  const { t } = useTranslation();
  const n = view.notice;
  return (
    <div className="panel" data-testid="pay-confirm">
      <h2>{n.item}</h2>
      <p className="pay-amount" data-testid="pay-amount" style={{ fontSize: '3em', fontWeight: 700, margin: '0.3em 0' }}>
        ￥{yuan(n.totalFen)}
      </p>
      {n.lateFeeFen > 0 && (
        <p data-testid="pay-late-fee">{t('pay.confirm.lateFee', { amount: yuan(n.amountFen), lateFee: yuan(n.lateFeeFen) })}</p>
      )}
      <dl className="pay-details">
        <dt>{t('pay.confirm.payer')}</dt>
        <dd>{n.payer}</dd>
        <dt>{t('pay.confirm.agency')}</dt>
        <dd>{n.agency}</dd>
        <dt>{t('pay.confirm.noticeNo')}</dt>
        <dd>{n.noticeNo}</dd>
        <dt>{t('pay.confirm.dueDate')}</dt>
        <dd>{n.dueDate}</dd>
      </dl>
      <p>{t('pay.confirm.check')}</p>
      <FrameActions>
        <Button data-testid="pay-by-qr" onClick={() => answer({ confirm: true, method: 'qr' })}>
          {t('pay.confirm.byQr')}
        </Button>
        {view.scanner && (
          <Button variant="primary" data-testid="pay-by-code" autoFocus onClick={() => answer({ confirm: true, method: 'code' })}>
            {t('pay.confirm.byCode', { amount: yuan(n.totalFen) })}
          </Button>
        )}
      </FrameActions>
    </div>
  );
}

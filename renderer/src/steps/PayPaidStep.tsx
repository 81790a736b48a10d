import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { yuan } from './pay-money.js';
import type { StepProps } from './types.js';

/** Paid: the amount, the 缴费凭条 printed, the 财政电子票据's numbers and a button to print it. */
export function PayPaidStep({ view, answer }: StepProps<'payPaid'>) {
  const { t } = useTranslation();
  return (
    <div className="panel" data-testid="pay-paid">
      <h2>{t('pay.paid.title')}</h2>
      <p className="pay-amount" data-testid="pay-paid-amount" style={{ fontSize: '2.5em', fontWeight: 700 }}>
        ￥{yuan(view.totalFen)}
      </p>
      <p>{view.item}</p>
      {view.printed.receipt && <p data-testid="pay-receipt-printed">{t('pay.paid.receiptPrinted')}</p>}
      {view.printed.messageKey && <p className="error">{t('pay.paid.printFailed', { reason: t(view.printed.messageKey) })}</p>}
      {view.invoice ? (
        <dl data-testid="pay-invoice">
          <dt>{t('pay.paid.invoiceCode')}</dt>
          <dd>{view.invoice.invoiceCode}</dd>
          <dt>{t('pay.paid.invoiceNumber')}</dt>
          <dd>{view.invoice.invoiceNumber}</dd>
          <dt>{t('pay.paid.checkCode')}</dt>
          <dd>{view.invoice.checkCode}</dd>
        </dl>
      ) : (
        <p>{t('pay.paid.invoiceLater')}</p>
      )}
      {view.printed.invoice && <p data-testid="pay-invoice-printed">{t('pay.paid.invoicePrinted')}</p>}
      <FrameActions>
        {view.invoicePrintable && !view.printed.invoice && (
          <Button data-testid="pay-print-invoice" onClick={() => answer({ printInvoice: true })}>
            {t('pay.paid.printInvoice')}
          </Button>
        )}
        <Button variant="primary" data-testid="pay-paid-next" autoFocus onClick={() => answer({ done: true })}>
          {t('pay.paid.next')}
        </Button>
      </FrameActions>
    </div>
  );
}

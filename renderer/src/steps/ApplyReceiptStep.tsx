import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { CaseCodes } from './CaseCodes.js';
import type { StepProps } from './types.js';

/**
 * Accepted: the case number and 查询码, large, and the papers printed. Saved while the platform is unreachable: it
 * says exactly that, with the local reference; never that it was submitted.
 */
export function ApplyReceiptStep({ view, answer }: StepProps<'applyReceipt'>) {
  const { t } = useTranslation();
  const o = view.outcome;
  return (
    <section className="panel apply" data-testid="apply-receipt" data-outcome={o.kind}>
      {o.kind === 'accepted' ? (
        <>
          <h2>{o.status === 'needsReview' ? t('apply.receipt.needsReview') : t('apply.receipt.accepted')}</h2>
          <CaseCodes caseNumber={o.caseNumber} queryCode={o.queryCode} testId="receipt">
            {o.promisedDate && (
              <>
                <dt>{t('apply.receipt.promisedDate')}</dt>
                <dd>{o.promisedDate}</dd>
              </>
            )}
          </CaseCodes>
          <p>{t('apply.receipt.keep')}</p>
        </>
      ) : (
        <>
          <h2 data-testid="receipt-queued">{t('apply.receipt.queued')}</h2>
          <p>{t('apply.receipt.queuedBody')}</p>
          <dl className="apply-case">
            <dt>{t('apply.receipt.localReference')}</dt>
            <dd className="big" data-testid="receipt-local-reference">
              {o.localReference}
            </dd>
          </dl>
        </>
      )}
      {view.printed.a4 && <p data-testid="receipt-printed-a4">{t('apply.receipt.printedA4')}</p>}
      {view.printed.slip && <p data-testid="receipt-printed-slip">{t('apply.receipt.printedSlip')}</p>}
      {view.printed.messageKey && (
        <p className="error" role="alert" data-testid="receipt-not-printed">
          {t('apply.receipt.notPrinted', { reason: t(view.printed.messageKey) })}
        </p>
      )}
      <FrameActions>
        {view.canReprint && (
          <Button data-testid="receipt-reprint" onClick={() => answer({ reprint: true })}>
            {t('apply.receipt.reprint')}
          </Button>
        )}
        <Button variant="primary" data-testid="receipt-next" autoFocus onClick={() => answer({ done: true })}>
          {t('apply.receipt.next')}
        </Button>
      </FrameActions>
    </section>
  );
}

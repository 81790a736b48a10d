import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { useApp } from '../stores/index.js';
import type { StepProps } from './types.js';

/** The end of the journey: end the session (asked once, in the confirmation) or do something else. */
export function DoneStep({ view, answer }: StepProps<'done'>) {
  // "finish" is answered by the confirmation overlay, which asks once before ending the session
  const { t } = useTranslation();
  const { stores } = useApp();
  return (
    <div className="panel" data-testid="flow-done">
      <h2>{t('flow.done.title')}</h2>
      {view.caseId && <p data-testid="done-case">{t('proof.caseId', { caseId: view.caseId })}</p>}
      {view.receipt?.printed && <p data-testid="receipt-done">{t('proof.receiptDone')}</p>}
      <FrameActions>
        <Button data-testid="flow-more" onClick={() => answer({ action: 'more' })}>
          {t('flow.done.more')}
        </Button>
        <Button variant="primary" data-testid="finish" autoFocus onClick={() => stores.navigation.setState({ overlay: 'confirmEnd' })}>
          {t('common.exit')}
        </Button>
      </FrameActions>
    </div>
  );
}

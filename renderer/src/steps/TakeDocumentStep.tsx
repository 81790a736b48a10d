import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import type { StepProps } from './types.js';

/** "Please take your document", and the receipt offer. */
export function TakeDocumentStep({ view, answer }: StepProps<'takeDocument'>) {
  const { t } = useTranslation();
  return (
    <div className="panel" data-testid="take-document">
      <h2>{t('proof.takeIt')}</h2>
      <FrameActions>
        {view.receiptAvailable && (
          <Button data-testid="receipt" onClick={() => answer({ receipt: true })}>
            {t('proof.receipt')}
          </Button>
        )}
        <Button variant="primary" data-testid="to-evaluation" autoFocus onClick={() => answer({ receipt: false })}>
          {t('proof.next')}
        </Button>
      </FrameActions>
    </div>
  );
}

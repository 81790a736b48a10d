import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { HeldApplicationCard } from './HeldApplicationCard.js';
import type { StepProps } from './types.js';

/** What became of the application whose local reference (本机编号) was typed; a delivered one opens its case. */
export function HeldApplicationStep({ view, answer }: StepProps<'heldApplication'>) {
  const { t } = useTranslation();
  const a = view.application;
  return (
    <div data-testid="held-application">
      <HeldApplicationCard application={a} />
      {a.outcome === 'accepted' && a.caseNumber && (
        <FrameActions>
          <Button variant="primary" autoFocus data-testid="held-open-case" onClick={() => answer({ caseNumber: a.caseNumber! })}>
            {t('progress.held.open')}
          </Button>
        </FrameActions>
      )}
    </div>
  );
}

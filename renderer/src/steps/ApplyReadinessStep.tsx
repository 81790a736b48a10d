import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import type { StepProps } from './types.js';

/** What is not ready (the scanner, the receipt printer) and what that means; the resident goes on knowing it. */
export function ApplyReadinessStep({ view, answer }: StepProps<'applyReadiness'>) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel apply" data-testid="apply-readiness">
      {view.notices.map((n) => (
        <p key={n.messageKey} className="notice big" data-testid="apply-readiness-notice" data-key={n.messageKey}>
          {t(n.messageKey)}
          {n.reasonKey && i18n.exists(n.reasonKey) ? ` ${t(n.reasonKey)}` : ''}
        </p>
      ))}
      <FrameActions>
        <Button variant="primary" data-testid="apply-readiness-continue" autoFocus onClick={() => answer({ continue: true })}>
          {t('apply.readiness.continue')}
        </Button>
      </FrameActions>
    </section>
  );
}

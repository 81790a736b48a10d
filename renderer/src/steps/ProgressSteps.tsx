import { useTranslation } from 'react-i18next';
import type { StepProps } from './types.js';

/** The core is working (asking the platform, checking the printer): say what, so nobody waits in silence. */
export function WorkingStep({ view }: StepProps<'working'>) {
  const { t } = useTranslation();
  return (
    <p role="status" className="big" data-testid="flow-working" aria-busy="true">
      {t(view.messageKey)}
    </p>
  );
}

/** Printing, page by page. */
export function PrintingStep({ view }: StepProps<'printing'>) {
  const { t } = useTranslation();
  return (
    <p role="status" className="big" data-testid="print-progress">
      {view.pages > 0
        ? t('proof.printingPage', { page: Math.min(view.pages, view.pagesDone + 1), pages: view.pages })
        : t('proof.printing')}
    </p>
  );
}

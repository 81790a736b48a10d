import { useTranslation } from 'react-i18next';
import { IdentifyStep } from './IdentifyStep.js';
import type { StepProps } from './types.js';

/** The flow's identify step: why the card is needed here, then the shared identify panel. */
export function IdentifyFlowStep({ view }: StepProps<'identify'>) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t(view.messageKey ?? 'proof.identifyFirst')}</p>
      <IdentifyStep />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { StepProps } from './types.js';

/** The submission under way: saved first, then materials going up, then the application itself. */
export function ApplySubmittingStep({ view }: StepProps<'applySubmitting'>) {
  const { t } = useTranslation();
  const percent = view.bytesTotal > 0 ? Math.floor((view.bytesDone / view.bytesTotal) * 100) : null;
  return (
    <section className="panel apply" data-testid="apply-submitting" data-phase={view.phase} aria-live="polite">
      <h2>{t(`apply.submit.phase.${view.phase}`)}</h2>
      {view.phase === 'uploading' && percent !== null && (
        <>
          <progress max={100} value={percent} aria-label={t('apply.submit.progress', { percent })} />
          <p>{t('apply.submit.progress', { percent })}</p>
        </>
      )}
      <p className="muted">{t('apply.submit.wait')}</p>
    </section>
  );
}

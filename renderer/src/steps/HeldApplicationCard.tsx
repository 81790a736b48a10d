import { MatterName } from '../guide/MatterName.js';
import { useTranslation } from 'react-i18next';
import { useTimeFormat } from '../i18n/useTimeFormat.js';
import type { StepView } from '../stores/flow.js';
import { useApp, useSlice } from '../stores/index.js';
import { CaseCodes } from './CaseCodes.js';

type HeldApplicationView = Extract<StepView, { step: 'heldApplication' }>['application'];

/**
 * One application saved at this terminal: the matter, when it was saved and its local reference, then what became of
 * it — waiting to be submitted, accepted (case number and query code, large), or refused (the platform's words and
 * where to turn: the service counter or the hotline).
 */
export function HeldApplicationCard({ application: a }: { application: HeldApplicationView }) {
  const { t } = useTranslation();
  const { dateTime } = useTimeFormat();
  const hotline = useSlice(useApp().stores.terminal, (s) => s.info?.hotline ?? '12345');
  return (
    <article className="panel held-application" data-testid={`held-${a.localReference}`} data-outcome={a.outcome}>
      <h3>{a.matter.name ? <MatterName matter={{ id: a.matter.id, name: a.matter.name }} /> : a.matter.id}</h3>
      <p>
        {t('progress.held.savedAt', { at: dateTime(a.savedAt) })} · {t('progress.localReference')}{' '}
        <strong data-testid="held-reference">{a.localReference}</strong>
      </p>
      <p className="big" data-testid="held-state">
        <strong>{t(`progress.held.${a.outcome}`)}</strong>
      </p>
      {a.outcome === 'queued' && <p>{t('progress.held.queuedAdvice')}</p>}
      {a.outcome === 'accepted' && <CaseCodes caseNumber={a.caseNumber} queryCode={a.queryCode} testId="held" />}
      {a.outcome === 'refused' && (
        <>
          <p data-testid="held-message">{a.message}</p>
          <p>{t('progress.held.refusedAdvice', { hotline })}</p>
        </>
      )}
    </article>
  );
}

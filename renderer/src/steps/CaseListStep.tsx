import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { MatterName } from '../guide/MatterName.js';
import { useTimeFormat } from '../i18n/useTimeFormat.js';
import { useApp, useSlice } from '../stores/index.js';
import { HeldApplicationCard } from './HeldApplicationCard.js';
import type { StepProps } from './types.js';

/**
 * My cases, newest first: matter, date, state; touch one for its detail. Above them, the applications this terminal
 * still holds for me (waiting to be submitted, or refused after I left), which the platform's list cannot show.
 */
export function CaseListStep({ view, answer }: StepProps<'caseList'>) {
  const { t } = useTranslation();
  const { date } = useTimeFormat();
  const { stores } = useApp();
  const hotline = useSlice(stores.terminal, (s) => s.info?.hotline ?? '12345');
  const held = view.held.length > 0 && (
    <section data-testid="held-list" aria-label={t('progress.held.title')}>
      <h2>{t('progress.held.title')}</h2>
      {view.held.map((a) => (
        <HeldApplicationCard key={a.localReference} application={a} />
      ))}
    </section>
  );
  if (view.cases.length === 0)
    return (
      <>
        {held}
        {view.platformUnavailable ? (
          <p className="panel" data-testid="platform-unavailable">
            {t('progress.held.platformUnavailable')}
          </p>
        ) : (
          <div className="panel" data-testid="no-cases">
            <p className="big">{t(held ? 'progress.noPlatformCases' : 'progress.noCases')}</p>
            <p>{t('flow.orCall', { hotline })}</p>
          </div>
        )}
      </>
    );
  return (
    <>
      {held}
      {held && <h2>{t('progress.platformCases')}</h2>}
      <ul className="case-list" data-testid="case-list">
        {view.cases.map((c, i) => (
          <li key={c.caseNumber}>
            <Button
              className="matter-button"
              data-testid={`case-${c.caseNumber}`}
              autoFocus={i === 0}
              onClick={() => answer({ caseNumber: c.caseNumber })}
            >
              <span className="case-matter">
                <MatterName matter={c.matter} />
              </span>
              <span className="case-meta">
                {date(c.submittedAt)} · <strong data-state={c.state}>{t(`progress.state.${c.state}`)}</strong>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}

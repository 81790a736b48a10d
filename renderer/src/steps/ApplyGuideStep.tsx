import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import type { StepProps } from './types.js';
import './apply.css';

/**
 * 一次告知 for this resident: every material (an e-licence of theirs marked), conditions, time limit, devices; and, when
 * the platform could not be reached, that e-licences cannot be looked up now, so paper is needed.
 */
export function ApplyGuideStep({ view, answer }: StepProps<'applyGuide'>) {
  const { t } = useTranslation();
  const time = view.timeLimit;
  return (
    <section className="panel apply" data-testid="apply-guide">
      <h2>{t('apply.guide.title')}</h2>
      {view.licencesUnavailable && (
        <p className="banner" role="status" data-testid="guide-licences-unavailable">
          {t('apply.guide.licencesUnavailable')}
        </p>
      )}
      <h3>{t('apply.guide.materials')}</h3>
      <ul className="apply-list">
        {view.materials.map((m) => (
          <li key={m.id} data-testid={`guide-material-${m.id}`} data-licence={m.licence ? 'yes' : 'no'}>
            <span className="apply-name">{m.name}</span>
            <span className="muted">
              {[m.required ? t('apply.guide.required') : t('apply.guide.optional'), m.deferrable ? t('apply.guide.deferrable') : null]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <span className={m.licence ? 'apply-good' : 'muted'}>
              {m.licence ? t('apply.guide.byLicence', { name: m.licence.name, issuer: m.licence.issuer }) : t('apply.guide.paper')}
            </span>
          </li>
        ))}
      </ul>
      {view.conditions.length > 0 && (
        <>
          <h3>{t('apply.guide.conditions')}</h3>
          <ul>
            {view.conditions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('apply.guide.time')}</h3>
      <p>
        {!time
          ? t('apply.guide.timeUnknown')
          : time.instant
            ? t('apply.guide.timeInstant')
            : time.promisedDays !== null
              ? t('apply.guide.timeDays', { days: time.promisedDays })
              : time.legalDays !== null
                ? t('apply.guide.timeLegal', { days: time.legalDays })
                : t('apply.guide.timeUnknown')}
      </p>
      <ul className="apply-needs" data-testid="apply-needs">
        {view.needs.map((n) => (
          <li key={n} data-need={n}>
            {t(`apply.guide.needs.${n}`)}
          </li>
        ))}
      </ul>
      <FrameActions>
        <Button variant="primary" data-testid="apply-start" autoFocus onClick={() => answer({ start: true })}>
          {t('apply.guide.start')}
        </Button>
      </FrameActions>
    </section>
  );
}

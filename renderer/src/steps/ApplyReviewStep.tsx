import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { prefilledLabel, shownText } from './apply-text.js';
import type { StepProps } from './types.js';

/** Everything on one screen before signing; every part has 修改, which goes there and comes back here. */
export function ApplyReviewStep({ view, answer }: StepProps<'applyReview'>) {
  const { t } = useTranslation();
  return (
    <section className="panel apply" data-testid="apply-review">
      <h2>{t('apply.review.title')}</h2>
      {view.messageKey && (
        <p className="error" role="alert" data-testid="review-message">
          {t(view.messageKey)}
        </p>
      )}
      {view.groups.map((g) => (
        <section key={g.id} className="apply-part" data-testid={`review-group-${g.id}`}>
          <div className="apply-part-head">
            <h3>{g.title}</h3>
            {g.editable && (
              <Button
                data-testid={`edit-group-${g.id}`}
                aria-label={`${t('apply.review.edit')} ${g.title}`}
                onClick={() => answer({ edit: 'form', group: g.id })}
              >
                {t('apply.review.edit')}
              </Button>
            )}
          </div>
          <dl>
            {g.fields.map((f) => (
              <div key={f.id} className="apply-row" data-testid={`review-${f.id}`}>
                <dt>{f.label}</dt>
                <dd>
                  {shownText(t, f)}
                  {f.prefilled && <span className="muted"> （{prefilledLabel(t, f)}）</span>}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section className="apply-part" data-testid="review-licences">
        <div className="apply-part-head">
          <h3>{t('apply.review.licences')}</h3>
          {view.canEditLicences && (
            <Button
              data-testid="edit-licences"
              aria-label={`${t('apply.review.edit')} ${t('apply.review.licences')}`}
              onClick={() => answer({ edit: 'licences' })}
            >
              {t('apply.review.edit')}
            </Button>
          )}
        </div>
        <p>{view.licences.length ? view.licences.map((l) => l.name).join('、') : t('apply.review.noLicences')}</p>
      </section>
      {view.materials.length > 0 && (
        <section className="apply-part" data-testid="review-materials">
          <div className="apply-part-head">
            <h3>{t('apply.review.materials')}</h3>
            <Button
              data-testid="edit-materials"
              aria-label={`${t('apply.review.edit')} ${t('apply.review.materials')}`}
              onClick={() => answer({ edit: 'materials' })}
            >
              {t('apply.review.edit')}
            </Button>
          </div>
          <dl>
            {view.materials.map((m) => (
              <div key={m.id} className="apply-row" data-testid={`review-material-${m.id}`} data-how={m.how}>
                <dt>{m.name}</dt>
                <dd className={m.how === 'missing' && m.required ? 'error' : undefined}>
                  {t(`apply.review.how.${m.how}`, { name: m.licenceName ?? '', count: m.pages ?? 0 })}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <FrameActions>
        <Button variant="primary" data-testid="review-confirm" onClick={() => answer({ confirm: true })}>
          {t('apply.review.confirm')}
        </Button>
      </FrameActions>
    </section>
  );
}

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
          <PartHead
            title={g.title}
            editTestId={`edit-group-${g.id}`}
            onEdit={g.editable ? () => answer({ edit: 'form', group: g.id }) : null}
          />
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
        <PartHead
          title={t('apply.review.licences')}
          editTestId="edit-licences"
          onEdit={view.canEditLicences ? () => answer({ edit: 'licences' }) : null}
        />
        <p>{view.licences.length ? view.licences.map((l) => l.name).join('、') : t('apply.review.noLicences')}</p>
      </section>
      {view.materials.length > 0 && (
        <section className="apply-part" data-testid="review-materials">
          <PartHead title={t('apply.review.materials')} editTestId="edit-materials" onEdit={() => answer({ edit: 'materials' })} />
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

/** A part's title and, when it can be changed, its 修改 button (named with the part, for a screen reader). */
function PartHead({ title, editTestId, onEdit }: { title: string; editTestId: string; onEdit: (() => void) | null }) {
  const { t } = useTranslation();
  return (
    <div className="apply-part-head">
      <h3>{title}</h3>
      {onEdit && (
        <Button data-testid={editTestId} aria-label={`${t('apply.review.edit')} ${title}`} onClick={onEdit}>
          {t('apply.review.edit')}
        </Button>
      )}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import type { StepProps } from './types.js';

/** 免证办: each useful e-licence with what it replaces and fills; used only when the resident ticks it. */
export function ApplyLicencesStep({ view, answer }: StepProps<'applyLicences'>) {
  const { t } = useTranslation();
  const [use, setUse] = useState<string[]>(view.licences.filter((l) => l.authorised).map((l) => l.id));
  const toggle = (id: string) => setUse(use.includes(id) ? use.filter((x) => x !== id) : [...use, id]);
  return (
    <section className="panel apply" data-testid="apply-licences">
      <h2>{t('apply.licences.title')}</h2>
      <p>{t('apply.licences.intro')}</p>
      <ul className="apply-list">
        {view.licences.map((l) => (
          <li key={l.id}>
            <Button
              role="checkbox"
              aria-checked={use.includes(l.id)}
              className="apply-choice"
              data-testid={`licence-${l.id}`}
              onClick={() => toggle(l.id)}
            >
              <span className="apply-tick" aria-hidden="true">
                {use.includes(l.id) ? '☑' : '☐'}
              </span>
              <span className="apply-name">{l.name}</span>
            </Button>
            <span className="muted">
              {t('apply.licences.number', { number: l.maskedNumber })} · {t('apply.licences.issuer', { issuer: l.issuer })} ·{' '}
              {l.validUntil ? t('apply.licences.validUntil', { date: l.validUntil }) : t('apply.licences.longTerm')}
            </span>
            {l.replaces.length > 0 && <span>{t('apply.licences.replaces', { names: l.replaces.join('、') })}</span>}
            {l.fills.length > 0 && <span>{t('apply.licences.fills', { labels: l.fills.join('、') })}</span>}
          </li>
        ))}
      </ul>
      <FrameActions>
        <Button data-testid="licences-none" onClick={() => answer({ use: [] })}>
          {t('apply.licences.none')}
        </Button>
        <Button variant="primary" data-testid="licences-confirm" disabled={use.length === 0} onClick={() => answer({ use })}>
          {t('apply.licences.confirm')}
        </Button>
      </FrameActions>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { MatterName } from '../guide/MatterName.js';
import { useTimeFormat } from '../i18n/useTimeFormat.js';
import type { StepProps } from './types.js';

type Case = StepProps<'caseDetail'>['view']['case'];

/** How the result reaches the resident, in words. */
function Delivery({ c }: { c: Case }) {
  const { t } = useTranslation();
  const { dateTime } = useTimeFormat();
  if (!c.result) return c.promisedBy ? <p>{t('progress.promisedBy', { at: dateTime(c.promisedBy) })}</p> : null;
  const d = c.result.delivery;
  return (
    <div data-testid="case-result">
      <p>
        {t(`progress.outcome.${c.result.outcome}`)}：{c.result.name}
      </p>
      <p data-testid="case-delivery">
        {t(`progress.delivery.${d.method}.${d.status}`)}
        {d.method === 'post' && d.trackingNumber && ` · ${t('progress.tracking', { carrier: d.carrier, number: d.trackingNumber })}`}
        {(d.method === 'window' || d.method === 'selfService') && ` · ${d.place}`}
      </p>
    </div>
  );
}

/** What the resident must do next: hand in missing materials (补正) or collect the result. */
function NextStep({ c }: { c: Case }) {
  const { t } = useTranslation();
  const { dateTime } = useTimeFormat();
  const n = c.nextStep;
  if (!n) return null;
  if (n.kind === 'supplement')
    return (
      <div className="panel notice" role="note" data-testid="case-next-step" data-kind="supplement">
        <h3>{t('progress.supplementTitle')}</h3>
        <ul>
          {n.materials.map((m) => (
            <li key={m.name}>
              {m.name}
              {m.reason && `（${m.reason}）`}
            </li>
          ))}
        </ul>
        <p>
          {t('progress.where', { where: n.where })}
          {n.deadline && ` · ${t('progress.deadline', { at: dateTime(n.deadline) })}`}
        </p>
      </div>
    );
  return (
    <div className="panel notice" role="note" data-testid="case-next-step" data-kind="collect">
      <h3>{t('progress.collectTitle')}</h3>
      <p>
        {t('progress.where', { where: n.where })}
        {n.until && ` · ${t('progress.until', { at: dateTime(n.until) })}`}
      </p>
    </div>
  );
}

/** One case: state, a vertical progress line of its events, result and delivery, what to do next, slips. */
export function CaseDetailStep({ view, answer }: StepProps<'caseDetail'>) {
  const { t } = useTranslation();
  const { dateTime } = useTimeFormat();
  const c = view.case;
  return (
    <div className="case-detail" data-testid="case-detail" data-case={c.caseNumber}>
      <div className="panel">
        <h2>
          <MatterName matter={c.matter} />
        </h2>
        <p>{t('proof.caseId', { caseId: c.caseNumber })}</p>
        <p>
          {t('progress.submitted', { at: dateTime(c.submittedAt), channel: t(`progress.channel.${c.channel}`) })} ·{' '}
          <strong data-testid="case-state" data-state={c.state}>
            {t(`progress.state.${c.state}`)}
          </strong>
        </p>
        <Delivery c={c} />
      </div>
      <NextStep c={c} />
      <ol className="timeline" data-testid="timeline" aria-label={t('progress.timeline')}>
        {c.timeline.map((e, i) => (
          <li key={`${e.at}-${i}`} className={i === c.timeline.length - 1 ? 'current' : undefined}>
            <span className="timeline-time">{dateTime(e.at)}</span>
            <span className="timeline-title">{e.title}</span>
            {e.note && <span className="muted">{e.note}</span>}
          </li>
        ))}
      </ol>
      {view.slipPrinted && (
        <p role="status" data-testid="slip-printed">
          {t('progress.slipPrinted')}
        </p>
      )}
      <FrameActions>
        {view.slips.a4 && (
          <Button data-testid="slip-a4" onClick={() => answer({ action: 'slipA4' })}>
            {t('progress.slipA4')}
          </Button>
        )}
        {view.slips.receipt && (
          <Button data-testid="slip-receipt" onClick={() => answer({ action: 'slipReceipt' })}>
            {t('progress.slipReceipt')}
          </Button>
        )}
        <Button variant="primary" data-testid="case-done" autoFocus onClick={() => answer({ action: 'done' })}>
          {t('progress.done')}
        </Button>
      </FrameActions>
    </div>
  );
}

import type { Reply } from '../../../main/bridge/contract.js';

export type Matter = NonNullable<Reply<'catalog.matter'>['matter']>;
type T = (key: string, options?: Record<string, unknown>) => string;

/** What the read-aloud button says: the guide in the order it is shown, in plain sentences. */
export function guideSpeechText(m: Matter, t: T): string {
  const parts: string[] = [m.name];
  parts.push(`${t('guide.audience')}：${m.audience.map((a) => t(`guide.audienceValue.${a}`)).join('、')}`);
  if (m.conditions.length) parts.push(`${t('guide.conditions')}：${m.conditions.join('；')}`);
  parts.push(
    m.materials.length
      ? `${t('guide.materialsIntro', { count: m.materials.length })}${m.materials
          .map((x) => `${x.name}，${t(`guide.form.${x.form}`)}${x.electronicLicence ? `，${t('guide.electronicLicence')}` : ''}`)
          .join('；')}`
      : t('guide.materialsNone'),
  );
  parts.push(timeText(m, t).join('，'));
  parts.push(m.fee.free ? t('guide.feeFree') : t('guide.fee', { amount: m.fee.amount ?? '' }));
  if (m.channels.terminal)
    parts.push(t('guide.doHereFlows', { flows: m.channels.terminal.flows.map((f) => t(`guide.flows.${f}`)).join('、') }));
  else if (m.hall) parts.push(`${t('guide.notHere')}${m.hall.name}，${m.hall.address}，${m.hall.hours}`);
  return parts.join('。\n');
}

export function timeText(m: Matter, t: T): string[] {
  if (m.timeLimit.instant) return [t('guide.timeInstant')];
  const out: string[] = [];
  if (m.timeLimit.legalDays !== null) out.push(t('guide.timeLegal', { days: m.timeLimit.legalDays }));
  if (m.timeLimit.promisedDays !== null) out.push(t('guide.timePromised', { days: m.timeLimit.promisedDays }));
  if (m.timeLimit.note) out.push(m.timeLimit.note);
  return out.length ? out : [t('guide.timeUnknown')];
}

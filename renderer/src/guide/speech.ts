import type { Reply } from '../../../main/bridge/contract.js';
import type { GuideView } from './localized.js';

export type Matter = NonNullable<Reply<'catalog.matter'>['matter']>;
type T = (key: string, options?: Record<string, unknown>) => string;

/** Punctuation between a label and its value, list items and sentences, per language (no full-width marks in English). */
export function marks(language: string): { colon: string; semi: string; comma: string; stop: string; list: string } {
  if (language.startsWith('zh')) return { colon: '：', semi: '；', comma: '，', stop: '。', list: '、' };
  if (language === 'ug') return { colon: ': ', semi: '؛ ', comma: '، ', stop: '. ', list: '، ' };
  return { colon: ': ', semi: '; ', comma: ', ', stop: '. ', list: ', ' };
}

/** One stretch the read-aloud button says, and the language it is written in (so the core picks the voice). */
export interface SpeechPart {
  text: string;
  language: string;
}

/**
 * What 朗读指南 says: a guide only in Chinese on an English or Uyghur screen is announced in the session's language,
 * then read whole in Chinese (labels too, with the Chinese voice); otherwise the guide in the session's language.
 * `t` is fixed to the guide's language, `session` to the screen's.
 */
export function guideSpeech(m: Matter, g: GuideView, t: T, session: { t: T; language: string }): SpeechPart[] {
  const parts: SpeechPart[] = [];
  if (g.chineseOnly) parts.push({ text: session.t('guide.chineseOnlyReading'), language: session.language });
  parts.push({ text: guideSpeechText(m, t, g), language: g.lang });
  return parts;
}

/** The guide in the order it is shown, in plain sentences of one language (`g.lang`; by default the Chinese guide). */
export function guideSpeechText(
  m: Matter,
  t: T,
  g: Pick<GuideView, 'lang' | 'name' | 'conditions' | 'timeLimitNote'> & { materials: Matter['materials'] } = {
    lang: 'zh-CN',
    name: m.name,
    conditions: m.conditions,
    materials: m.materials,
    timeLimitNote: m.timeLimit.note,
  },
): string {
  const p = marks(g.lang);
  const parts: string[] = [g.name];
  parts.push(`${t('guide.audience')}${p.colon}${m.audience.map((a) => t(`guide.audienceValue.${a}`)).join(p.list)}`);
  if (g.conditions.length) parts.push(`${t('guide.conditions')}${p.colon}${g.conditions.join(p.semi)}`);
  parts.push(
    g.materials.length
      ? `${t('guide.materialsIntro', { count: g.materials.length })} ${g.materials
          .map(
            (x) =>
              `${x.name}${p.comma}${t(`guide.form.${x.form}`)}${x.electronicLicence ? `${p.comma}${t('guide.electronicLicence')}` : ''}`,
          )
          .join(p.semi)}`
      : t('guide.materialsNone'),
  );
  parts.push(timeText(m, t, g.timeLimitNote).join(p.comma));
  if (m.fee.free) parts.push(t('guide.feeFree'));
  else if (m.fee.amount) parts.push(`${t('guide.feeLabel')}${p.colon}${m.fee.amount}`);
  if (m.channels.terminal)
    parts.push(t('guide.doHereFlows', { flows: m.channels.terminal.flows.map((f) => t(`guide.flows.${f}`)).join(p.list) }));
  else if (m.hall) parts.push(`${t('guide.notHere')} ${[m.hall.name, m.hall.address, m.hall.hours].join(p.comma)}`);
  return parts.map((s) => s.trim()).join(`${p.stop.trim()}\n`);
}

/** The time limit lines; `note` is the time limit note in the guide's language (the Chinese one by default). */
export function timeText(m: Matter, t: T, note: string | null = m.timeLimit.note): string[] {
  if (m.timeLimit.instant) return [t('guide.timeInstant')];
  const out: string[] = [];
  if (m.timeLimit.legalDays !== null) out.push(t('guide.timeLegal', { days: m.timeLimit.legalDays }));
  if (m.timeLimit.promisedDays !== null) out.push(t('guide.timePromised', { days: m.timeLimit.promisedDays }));
  if (note) out.push(note);
  return out.length ? out : [t('guide.timeUnknown')];
}

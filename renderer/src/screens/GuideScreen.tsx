import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogFrame, LoadState } from '../components/CatalogFrame.js';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { QrCode } from '../components/QrCode.js';
import { useBridgeQuery } from '../bridge/useBridgeQuery.js';
import { guideView, type GuideView, type Text } from '../guide/localized.js';
import { guideSpeech, marks, timeText, type Matter } from '../guide/speech.js';
import { useReadAloud } from '../guide/useReadAloud.js';
import { directionOf } from '../i18n/languages.js';
import { useApp, useSlice } from '../stores/index.js';

const sections = ['overview', 'materials', 'timeFee', 'process', 'where'] as const;
type Section = (typeof sections)[number];

/** 一次告知: everything a matter needs, one section at a time (no long scroll), with read-aloud and a QR code. */
export function GuideScreen({ matterId, name }: { matterId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const q = useBridgeQuery('catalog.matter', { id: matterId }, matterId);
  const [section, setSection] = useState<Section>('overview');
  const title = q.status === 'ok' && q.data.matter ? guideView(q.data.matter, i18n.language).name : name;
  return (
    <CatalogFrame title={title} testId="guide">
      <LoadState query={q} />
      {q.status === 'ok' && !q.data.matter && (
        <p role="alert" data-testid="guide-missing">
          {t('catalog.notFound')}
        </p>
      )}
      {q.status === 'ok' && q.data.matter && <Guide matter={q.data.matter} flow={q.data.flow} section={section} onSection={setSection} />}
    </CatalogFrame>
  );
}

function Guide({
  matter: m,
  flow,
  section,
  onSection,
}: {
  matter: Matter;
  flow: string | null;
  section: Section;
  onSection: (s: Section) => void;
}) {
  const { t, i18n } = useTranslation();
  const { stores } = useApp();
  const errorKey = useSlice(stores.voice, (s) => s.errorKey);
  const unavailable = errorKey !== null;
  const reader = useReadAloud();
  const g = guideView(m, i18n.language);
  // the guide's own language: labels inside it match its text (never "Proof：户籍证明")
  const bt = i18n.getFixedT(g.lang);
  return (
    <div className="guide" data-matter-id={m.id}>
      <nav className="guide-sections" aria-label={t('guide.sectionsLabel')}>
        {sections.map((s) => (
          <Button key={s} data-testid={`guide-section-${s}`} aria-pressed={section === s} onClick={() => onSection(s)}>
            {t(`guide.sections.${s}`)}
          </Button>
        ))}
        <Button
          data-testid="read-aloud"
          aria-pressed={reader.speaking}
          disabled={unavailable && !reader.speaking}
          onClick={() => reader.toggle(guideSpeech(m, g, bt, { t, language: i18n.language }))}
        >
          {unavailable ? t('guide.readUnavailable') : reader.speaking ? t('guide.stopReading') : t('guide.readAloud')}
        </Button>
      </nav>
      {errorKey?.startsWith('speech.error.noVoice') && (
        <p role="status" className="notice" data-testid="read-aloud-no-voice">
          {t(errorKey)}
        </p>
      )}
      {g.chineseOnly && (
        <p className="notice" data-testid="guide-chinese-only">
          {t('guide.chineseOnly')}
        </p>
      )}
      <section
        className="panel guide-body"
        data-testid={`guide-body-${section}`}
        data-guide-lang={g.lang}
        lang={g.lang}
        dir={directionOf(g.lang)}
      >
        {section === 'overview' && <Overview m={m} g={g} t={bt} />}
        {section === 'materials' && <Materials m={m} g={g} t={bt} />}
        {section === 'timeFee' && <TimeFee m={m} g={g} t={bt} />}
        {section === 'process' && <Process m={m} g={g} t={bt} />}
        {section === 'where' && <Where m={m} g={g} t={bt} />}
        {m.synthetic.length > 0 && <p className="muted">{bt('guide.synthetic')}</p>}
      </section>
      <Action m={m} flow={flow} onWhere={() => onSection('where')} />
    </div>
  );
}

type BodyT = (key: string, options?: Record<string, unknown>) => string;
interface SectionProps {
  m: Matter;
  g: GuideView;
  /** fixed to the guide's language */
  t: BodyT;
}

/** A text the guide's translation lacks (still Chinese) inside a translated guide: marked and labelled, never run on. */
function Foreign({ text, g, t }: { text: Text; g: GuideView; t: BodyT }) {
  if (text.lang === g.lang) return <>{text.text}</>;
  return (
    <>
      <span lang={text.lang} dir="ltr">
        {text.text}
      </span>{' '}
      <span className="muted" data-testid="untranslated">
        {t('guide.inChinese')}
      </span>
    </>
  );
}
const zh = (text: string): Text => ({ text, lang: 'zh-CN' });

function Overview({ m, g, t }: SectionProps) {
  return (
    <>
      <h2 data-testid="guide-name">{g.name}</h2>
      <dl className="facts">
        {m.typeCode && (
          <>
            <dt>{t('guide.typeLabel')}</dt>
            <dd>{t(`guide.type.${m.typeCode}`)}</dd>
          </>
        )}
        <dt>{t('guide.agency')}</dt>
        <dd>
          <Foreign text={g.agency} g={g} t={t} />
        </dd>
        <dt>{t('guide.audience')}</dt>
        <dd data-testid="guide-audience">{m.audience.map((a) => t(`guide.audienceValue.${a}`)).join(marks(g.lang).list)}</dd>
        <dt>{t('guide.tongban')}</dt>
        <dd>{t(`guide.tongbanValue.${m.tongban}`)}</dd>
      </dl>
      {g.conditions.length > 0 && (
        <>
          <h3>{t('guide.conditions')}</h3>
          <ul data-testid="guide-conditions">
            {g.conditions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Materials({ g, t }: SectionProps) {
  if (g.materials.length === 0) return <p>{t('guide.materialsNone')}</p>;
  return (
    <>
      <p>{t('guide.materialsIntro', { count: g.materials.length })}</p>
      <ol className="materials" data-testid="materials">
        {g.materials.map((x) => (
          <li key={x.name} data-electronic={x.electronicLicence}>
            <span className={`doc-icon ${x.form}`} aria-hidden="true" />
            <span className="material-name">{x.name}</span>
            <span className="badge">{t(`guide.form.${x.form}`)}</span>
            {x.copies !== null && x.copies > 0 && <span className="muted">{t('guide.copies', { count: x.copies })}</span>}
            {x.electronicLicence && <span className="badge here">{t('guide.electronicLicence')}</span>}
            {x.deferrable && <span className="badge">{t('guide.deferrable')}</span>}
            {x.notes && (
              <span className="muted">
                <Foreign text={{ text: x.notes, lang: x.notesLang }} g={g} t={t} />
              </span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

function TimeFee({ m, g, t }: SectionProps) {
  const translatedOut = g.lang !== 'zh-CN';
  return (
    <>
      <h3>{t('guide.sections.timeFee')}</h3>
      <ul>
        {timeText(m, t, g.timeLimitNote).map((line) => (
          <li key={line}>{line}</li>
        ))}
        {m.fee.free ? (
          <li>{t('guide.feeFree')}</li>
        ) : translatedOut && m.fee.amount ? (
          <li>
            {t('guide.feeLabel')}
            {marks(g.lang).colon}
            <Foreign text={zh(m.fee.amount)} g={g} t={t} />
          </li>
        ) : (
          <li>{t('guide.fee', { amount: m.fee.amount ?? '' })}</li>
        )}
        {m.fee.basis &&
          (translatedOut ? (
            <li className="muted">
              {t('guide.feeBasisLabel')}
              {marks(g.lang).colon}
              <Foreign text={zh(m.fee.basis)} g={g} t={t} />
            </li>
          ) : (
            <li className="muted">{t('guide.feeBasis', { basis: m.fee.basis })}</li>
          ))}
      </ul>
      <h3>{t('guide.result')}</h3>
      <p data-testid="guide-result">
        {g.resultName && g.resultName.lang === g.lang ? (
          t('guide.resultNamed', { type: t(`guide.resultType.${m.result.type}`), name: g.resultName.text })
        ) : (
          <>
            {t(`guide.resultType.${m.result.type}`)}
            {g.resultName && (
              <>
                {marks(g.lang).colon}
                <Foreign text={g.resultName} g={g} t={t} />
              </>
            )}
          </>
        )}
      </p>
      {m.result.sampleUrl && (
        <figure className="qr-box">
          <QrCode text={m.result.sampleUrl} label={t('guide.sample')} size={160} />
          <figcaption>{t('guide.sample')}</figcaption>
        </figure>
      )}
      {m.result.delivery.length > 0 && (
        <p>{t('guide.resultDelivery', { ways: m.result.delivery.map((d) => t(`guide.delivery.${d}`)).join(marks(g.lang).list) })}</p>
      )}
    </>
  );
}

function Process({ m, g, t }: SectionProps) {
  const [basisOpen, setBasisOpen] = useState(false);
  return (
    <>
      <ol className="steps" data-testid="guide-process">
        {g.process.map((p, i) => (
          <li key={`${i}-${p}`}>{p}</li>
        ))}
      </ol>
      <Button aria-expanded={basisOpen} data-testid="basis-toggle" onClick={() => setBasisOpen(!basisOpen)}>
        {basisOpen ? t('guide.basisHide') : t('guide.basisShow')}
      </Button>
      {basisOpen && <p data-testid="basis">{m.legalBasis ? <Foreign text={zh(m.legalBasis)} g={g} t={t} /> : t('guide.basisNone')}</p>}
    </>
  );
}

function Where({ m, g, t }: SectionProps) {
  const { stores } = useApp();
  const hotline = useSlice(stores.terminal, (s) => s.info?.hotline ?? '12345');
  return (
    <div className="where">
      <div>
        {m.channels.terminal ? (
          <p>{t('guide.doHereFlows', { flows: m.channels.terminal.flows.map((f) => t(`guide.flows.${f}`)).join(marks(g.lang).list) })}</p>
        ) : (
          <p>{t('guide.notHere')}</p>
        )}
        {m.hall ? (
          <dl className="facts" data-testid="hall">
            <dt>{t('guide.hallName')}</dt>
            <dd>
              <Foreign text={zh(m.hall.name)} g={g} t={t} />
            </dd>
            <dt>{t('guide.address')}</dt>
            <dd>
              <Foreign text={zh(m.hall.address)} g={g} t={t} />
            </dd>
            <dt>{t('guide.hours')}</dt>
            <dd>
              <Foreign text={zh(m.hall.hours)} g={g} t={t} />
            </dd>
            {m.hall.phone && (
              <>
                <dt>{t('guide.phone')}</dt>
                <dd>{m.hall.phone}</dd>
              </>
            )}
          </dl>
        ) : (
          !m.channels.terminal && <p>{t('guide.noHall', { hotline })}</p>
        )}
      </div>
      {m.guideUrl && (
        <figure className="qr-box">
          <QrCode text={m.guideUrl} label={t('guide.qr')} />
          <figcaption>{t('guide.qr')}</figcaption>
        </figure>
      )}
    </div>
  );
}

/**
 * "在本机办理" starts the flow this terminal runs for the matter (the core said which); a matter the terminal cannot
 * do shows where to go instead. The core refuses a flow whose devices are missing, so the button never leads nowhere.
 */
function Action({ m, flow, onWhere }: { m: Matter; flow: string | null; onWhere: () => void }) {
  const { t } = useTranslation();
  const { bridge, stores } = useApp();
  const [errorKey, setErrorKey] = useState<string | null>(null);
  if (!flow)
    return (
      <FrameActions>
        <Button variant="primary" data-testid="where-to-go" onClick={onWhere}>
          {t('guide.sections.where')}
        </Button>
      </FrameActions>
    );
  const start = () =>
    bridge.call('flow.start', { flowId: flow, matterId: m.id }).then(
      (state) => stores.flow.setState({ state }),
      (e: { error?: { messageKey?: string } }) => setErrorKey(e.error?.messageKey ?? 'flow.error.notHere'),
    );
  return (
    <>
      <FrameActions>
        <Button variant="primary" data-testid="do-here" onClick={() => void start()}>
          {t('guide.doHere')}
        </Button>
      </FrameActions>
      {errorKey && <p role="alert">{t(errorKey)}</p>}
    </>
  );
}

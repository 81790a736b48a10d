import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogFrame, LoadState } from '../components/CatalogFrame.js';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { QrCode } from '../components/QrCode.js';
import { useBridgeQuery } from '../bridge/useBridgeQuery.js';
import { guideSpeechText, timeText, type Matter } from '../guide/speech.js';
import { useReadAloud } from '../guide/useReadAloud.js';
import { useApp, useSlice } from '../stores/index.js';

const sections = ['overview', 'materials', 'timeFee', 'process', 'where'] as const;
type Section = (typeof sections)[number];

/** 一次告知: everything a matter needs, one section at a time (no long scroll), with read-aloud and a QR code. */
export function GuideScreen({ matterId, name }: { matterId: string; name: string }) {
  const { t } = useTranslation();
  const q = useBridgeQuery('catalog.matter', { id: matterId }, matterId);
  const [section, setSection] = useState<Section>('overview');
  return (
    <CatalogFrame title={name} testId="guide">
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
  const { t } = useTranslation();
  const { stores } = useApp();
  const unavailable = useSlice(stores.voice, (s) => s.errorKey !== null);
  const reader = useReadAloud();
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
          onClick={() => reader.toggle(guideSpeechText(m, t))}
        >
          {unavailable ? t('guide.readUnavailable') : reader.speaking ? t('guide.stopReading') : t('guide.readAloud')}
        </Button>
      </nav>
      <section className="panel guide-body" data-testid={`guide-body-${section}`} lang="zh-CN">
        {section === 'overview' && <Overview m={m} />}
        {section === 'materials' && <Materials m={m} />}
        {section === 'timeFee' && <TimeFee m={m} />}
        {section === 'process' && <Process m={m} />}
        {section === 'where' && <Where m={m} />}
        {m.synthetic.length > 0 && <p className="muted">{t('guide.synthetic')}</p>}
      </section>
      <Action m={m} flow={flow} onWhere={() => onSection('where')} />
    </div>
  );
}

function Overview({ m }: { m: Matter }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{m.name}</h2>
      <dl className="facts">
        {m.typeCode && (
          <>
            <dt>{t('guide.typeLabel')}</dt>
            <dd>{t(`guide.type.${m.typeCode}`)}</dd>
          </>
        )}
        <dt>{t('guide.agency')}</dt>
        <dd>{m.agency}</dd>
        <dt>{t('guide.audience')}</dt>
        <dd data-testid="guide-audience">{m.audience.map((a) => t(`guide.audienceValue.${a}`)).join('、')}</dd>
        <dt>{t('guide.tongban')}</dt>
        <dd>{t(`guide.tongbanValue.${m.tongban}`)}</dd>
      </dl>
      {m.conditions.length > 0 && (
        <>
          <h3>{t('guide.conditions')}</h3>
          <ul>
            {m.conditions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Materials({ m }: { m: Matter }) {
  const { t } = useTranslation();
  if (m.materials.length === 0) return <p>{t('guide.materialsNone')}</p>;
  return (
    <>
      <p>{t('guide.materialsIntro', { count: m.materials.length })}</p>
      <ol className="materials" data-testid="materials">
        {m.materials.map((x) => (
          <li key={x.name} data-electronic={x.electronicLicence}>
            <span className={`doc-icon ${x.form}`} aria-hidden="true" />
            <span className="material-name">{x.name}</span>
            <span className="badge">{t(`guide.form.${x.form}`)}</span>
            {x.copies !== null && x.copies > 0 && <span className="muted">{t('guide.copies', { count: x.copies })}</span>}
            {x.electronicLicence && <span className="badge here">{t('guide.electronicLicence')}</span>}
            {x.deferrable && <span className="badge">{t('guide.deferrable')}</span>}
            {x.notes && <span className="muted">{x.notes}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}

function TimeFee({ m }: { m: Matter }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('guide.sections.timeFee')}</h3>
      <ul>
        {timeText(m, t).map((line) => (
          <li key={line}>{line}</li>
        ))}
        <li>{m.fee.free ? t('guide.feeFree') : t('guide.fee', { amount: m.fee.amount ?? '' })}</li>
        {m.fee.basis && <li className="muted">{t('guide.feeBasis', { basis: m.fee.basis })}</li>}
      </ul>
      <h3>{t('guide.result')}</h3>
      <p>
        {t(`guide.resultType.${m.result.type}`)}
        {m.result.name ? `：${m.result.name}` : ''}
      </p>
      {m.result.sampleUrl && (
        <figure className="qr-box">
          <QrCode text={m.result.sampleUrl} label={t('guide.sample')} size={160} />
          <figcaption>{t('guide.sample')}</figcaption>
        </figure>
      )}
      {m.result.delivery.length > 0 && (
        <p>{t('guide.resultDelivery', { ways: m.result.delivery.map((d) => t(`guide.delivery.${d}`)).join('、') })}</p>
      )}
    </>
  );
}

function Process({ m }: { m: Matter }) {
  const { t } = useTranslation();
  const [basisOpen, setBasisOpen] = useState(false);
  return (
    <>
      <ol className="steps">
        {m.process.map((p, i) => (
          <li key={`${i}-${p}`}>{p}</li>
        ))}
      </ol>
      <Button aria-expanded={basisOpen} data-testid="basis-toggle" onClick={() => setBasisOpen(!basisOpen)}>
        {basisOpen ? t('guide.basisHide') : t('guide.basisShow')}
      </Button>
      {basisOpen && <p data-testid="basis">{m.legalBasis ?? t('guide.basisNone')}</p>}
    </>
  );
}

function Where({ m }: { m: Matter }) {
  const { t } = useTranslation();
  const { stores } = useApp();
  const hotline = useSlice(stores.terminal, (s) => s.info?.hotline ?? '12345');
  return (
    <div className="where">
      <div>
        {m.channels.terminal ? (
          <p>{t('guide.doHereFlows', { flows: m.channels.terminal.flows.map((f) => t(`guide.flows.${f}`)).join('、') })}</p>
        ) : (
          <p>{t('guide.notHere')}</p>
        )}
        {m.hall ? (
          <dl className="facts" data-testid="hall">
            <dt>{t('guide.hallName')}</dt>
            <dd>{m.hall.name}</dd>
            <dt>{t('guide.address')}</dt>
            <dd>{m.hall.address}</dd>
            <dt>{t('guide.hours')}</dt>
            <dd>{m.hall.hours}</dd>
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

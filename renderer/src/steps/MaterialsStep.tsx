import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { useTimeFormat } from '../i18n/useTimeFormat.js';
import { AuthoriseLicence } from './materials/AuthoriseLicence.js';
import { CameraCapture } from './materials/CameraCapture.js';
import { PageCard } from './materials/PageCard.js';
import './materials/materials.css';
import type { StepProps } from './types.js';

type View = StepProps<'materials'>['view'];
type Material = View['materials'][number];
type Licence = Material['licences'][number];

/**
 * 材料: one material at a time — use the e-licence (after the authorisation on screen), scan it on the glass or in
 * the feeder, photograph it with the document camera, or bring it later (容缺) where allowed; captured pages with
 * their previews, checks and 旋转 / 重新扫描 / 删除. The core decides everything; this screen only asks.
 */
export function MaterialsStep({ state, view, answer }: StepProps<'materials'>) {
  const { t } = useTranslation();
  const { date } = useTimeFormat();
  const [authorising, setAuthorising] = useState<Licence | null>(null);
  const [camera, setCamera] = useState<{ replacePageId?: string } | null>(null);
  const busy = state.status !== 'waiting';
  const problemRef = useRef<HTMLParagraphElement>(null);
  const problemKey = view.problem
    ? `${view.problem.materialId}:${view.problem.messageKey}:${JSON.stringify(view.problem.params ?? {})}`
    : null;
  // a new problem is brought into view and focused, so voice mode reads it and the keypad starts from it
  useEffect(() => {
    if (problemKey) problemRef.current?.focus();
  }, [problemKey, state.seq]);
  const m = view.materials[view.current];
  if (!m) return null;
  const act = (a: Record<string, unknown>) => {
    if (!busy) answer({ materialId: m.id, ...a });
  };
  const problem = view.problem?.materialId === m.id ? view.problem : null;
  const scanning = view.scanning?.materialId === m.id ? view.scanning : null;
  const usedLicence = m.licences.find((l) => l.id === m.licenceId) ?? null;
  const scanSources = m.sources.filter((s): s is 'platen' | 'feeder' => s !== 'camera');

  const captureButtons = (
    <>
      {scanSources.map((source) => (
        <div className="material-way" key={source}>
          <Button data-testid={`scan-${source}`} disabled={busy} onClick={() => act({ action: 'scan', source })}>
            {t(`materials.scan.${source}`)}
          </Button>
          <span className="muted">{t(source === 'platen' ? 'materials.scan.platenHow' : 'materials.scan.feederHow')}</span>
        </div>
      ))}
      {m.sources.includes('camera') && (
        <div className="material-way">
          <Button data-testid="camera-open" disabled={busy} onClick={() => setCamera({})}>
            {t('materials.camera.open')}
          </Button>
        </div>
      )}
    </>
  );

  return (
    <div className="materials" data-testid="materials" data-material={m.id} data-choice={m.choice}>
      <p className="muted flow-position" data-testid="material-counter">
        {t('materials.counter', { n: view.current + 1, count: view.materials.length })}
      </p>
      <section className="panel material" aria-labelledby="material-name">
        <h2 id="material-name" className="material-name">
          {m.name}
        </h2>
        <p className="material-tags">
          <span className="badge">{t(m.required ? 'materials.required' : 'materials.optional')}</span>
          {m.deferrable && <span className="badge">{t('materials.deferrable')}</span>}
          {m.pagesHint > 1 && <span className="muted">{t('materials.pagesHint', { count: m.pagesHint })}</span>}
        </p>
        <p className="big" data-testid="material-status">
          {m.choice === 'scan'
            ? t('materials.status.scan', { count: m.pages.length })
            : m.choice === 'licence' && usedLicence
              ? t('materials.licence.use', { name: usedLicence.name })
              : t(`materials.status.${m.choice}`)}
        </p>
        {scanning && (
          <p role="status" className="big" data-testid="scan-progress" aria-live="polite">
            {t('materials.scan.scanning', { n: scanning.pages + 1 })}
          </p>
        )}
        {problem && (
          <p
            ref={problemRef}
            tabIndex={-1}
            role="alert"
            className="material-problem"
            data-testid="materials-problem"
            data-key={problem.messageKey}
          >
            {t(problem.messageKey, problem.params)}
          </p>
        )}

        {m.choice === 'none' && (
          <div className="material-ways">
            {m.licences.map((l) => (
              <div className="material-way" key={l.id}>
                <Button variant="primary" data-testid="use-licence" disabled={busy} onClick={() => setAuthorising(l)}>
                  {t('materials.licence.use', { name: l.name })}
                </Button>
                <span className="muted">
                  {t('materials.licence.detail', {
                    number: l.maskedNumber,
                    issuer: l.issuer,
                    validity: l.validUntil
                      ? t('materials.licence.validUntil', { date: date(l.validUntil) })
                      : t('materials.licence.longTerm'),
                  })}
                </span>
              </div>
            ))}
            {captureButtons}
            {m.deferrable && (
              <div className="material-way">
                <Button data-testid="defer" disabled={busy} onClick={() => act({ action: 'defer' })}>
                  {t('materials.defer')}
                </Button>
              </div>
            )}
          </div>
        )}

        {m.choice === 'scan' && (
          <>
            <ol className="page-list" data-testid="pages">
              {m.pages.map((p, i) => (
                <PageCard
                  key={p.id}
                  runId={state.runId}
                  materialId={m.id}
                  page={p}
                  n={i + 1}
                  busy={busy}
                  onRotate={() => act({ action: 'rotate', pageId: p.id })}
                  onDelete={() => act({ action: 'delete', pageId: p.id })}
                  onRescan={() =>
                    p.source === 'camera'
                      ? setCamera({ replacePageId: p.id })
                      : act({
                          action: 'scan',
                          source: p.source === 'feeder' && scanSources.includes('platen') ? 'platen' : p.source,
                          replacePageId: p.id,
                        })
                  }
                />
              ))}
            </ol>
            <div className="material-ways">{captureButtons}</div>
          </>
        )}

        {m.choice !== 'none' && (
          <Button className="material-change" data-testid="material-change" disabled={busy} onClick={() => act({ action: 'clear' })}>
            {t('materials.change')}
          </Button>
        )}
      </section>

      <FrameActions>
        {view.current > 0 && (
          <Button
            data-testid="material-previous"
            disabled={busy}
            onClick={() => !busy && answer({ action: 'show', index: view.current - 1 })}
          >
            {t('materials.previous')}
          </Button>
        )}
        {view.current < view.materials.length - 1 && (
          <Button
            data-testid="material-next"
            variant={view.ready ? undefined : 'primary'}
            disabled={busy}
            onClick={() => !busy && answer({ action: 'show', index: view.current + 1 })}
          >
            {t('materials.next')}
          </Button>
        )}
        <Button
          data-testid="materials-done"
          variant={view.ready ? 'primary' : undefined}
          disabled={busy}
          onClick={() => !busy && answer({ action: 'done' })}
        >
          {t('materials.done')}
        </Button>
      </FrameActions>

      {authorising && (
        <AuthoriseLicence
          licence={authorising.name}
          material={m.name}
          onCancel={() => setAuthorising(null)}
          onAuthorise={() => {
            setAuthorising(null);
            act({ action: 'useLicence', licenceId: authorising.id });
          }}
        />
      )}
      {camera && (
        <CameraCapture
          label={view.cameraLabel}
          onClose={() => setCamera(null)}
          onPhoto={(jpegBase64) => {
            setCamera(null);
            act({ action: 'photo', jpegBase64, ...(camera.replacePageId ? { replacePageId: camera.replacePageId } : {}) });
          }}
        />
      )}
    </div>
  );
}

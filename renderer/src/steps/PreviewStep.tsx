import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { useApp } from '../stores/index.js';
import type { StepProps } from './types.js';

const PdfPreview = lazy(() => import('../components/PdfPreview.js').then((m) => ({ default: m.PdfPreview })));

/** The issued proof as the screen may show it (ID number masked by the platform), then "next". */
export function PreviewStep({ state, view, answer }: StepProps<'preview'>) {
  const { t } = useTranslation();
  const { bridge } = useApp();
  const [base64, setBase64] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    bridge.call('flow.document', { runId: state.runId }).then(
      (d) => live && setBase64(d.base64),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [bridge, state.runId]);
  return (
    <div className="proof-preview">
      {failed ? (
        <p role="alert">{t('proof.previewFailed')}</p>
      ) : base64 ? (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <PdfPreview base64={base64} />
        </Suspense>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
      <div className="panel">
        <p data-testid="case-id">{t('proof.caseId', { caseId: view.caseId })}</p>
        {view.masked && <p className="muted">{t('flow.preview.masked')}</p>}
        <FrameActions>
          <Button variant="primary" data-testid="preview-next" autoFocus onClick={() => answer({ confirm: true })}>
            {t('flow.preview.next')}
          </Button>
        </FrameActions>
      </div>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { CatalogFrame } from '../components/CatalogFrame.js';
import { PdfPreview } from '../components/PdfPreview.js';
import { QrCode } from '../components/QrCode.js';
import { IdentifyStep } from '../steps/IdentifyStep.js';
import { useApp, useSlice } from '../stores/index.js';
import { EvaluationPanel } from './EvaluationPanel.js';

type Step =
  | { at: 'identify' }
  | { at: 'checking' }
  | { at: 'notReady'; messageKey: string; electronicUrl: string | null }
  | { at: 'issuing' }
  | { at: 'preview'; caseId: string; pages: number; base64: string }
  | { at: 'printing' }
  | { at: 'printed'; receipt: 'none' | 'printing' | 'printed' | 'failed' }
  | { at: 'printFailed'; messageKey: string }
  | { at: 'evaluate' }
  | { at: 'thanks' }
  | { at: 'error'; messageKey: string };

const errorKey = (e: unknown) => (e as { error?: { messageKey?: string } }).error?.messageKey ?? 'proof.error.platform';

/**
 * Query and print a proof: identify → is the printer ready (said before any work) → the platform issues the proof →
 * preview → copies → printing with live progress → "please take your document" → optional receipt → 好差评 → end.
 */
export function ProofFlowScreen({ matterId, name }: { matterId: string; name: string }) {
  const { t } = useTranslation();
  const { stores, bridge } = useApp();
  const identified = useSlice(stores.identity, (s) => s.state === 'read' && s.person !== null);
  const hotline = useSlice(stores.terminal, (s) => s.info?.hotline ?? '12345');
  const progress = useSlice(stores.flow, (s) => s.progress);
  const [step, setStep] = useState<Step>(identified ? { at: 'checking' } : { at: 'identify' });
  const [copies, setCopies] = useState(1);
  // each attempt (the first once identified, then every retry) runs readiness → issue → preview once
  const [attempt, setAttempt] = useState(identified ? 1 : 0);

  useEffect(() => {
    if (identified && attempt === 0) setAttempt(1);
  }, [identified, attempt]);

  useEffect(() => {
    if (attempt === 0) return;
    let live = true;
    setStep({ at: 'checking' });
    void (async () => {
      try {
        const ready = await bridge.call('proof.readiness', { matterId });
        if (!live) return;
        if (!ready.ready)
          return setStep({ at: 'notReady', messageKey: ready.messageKey ?? 'proof.error.noPrinter', electronicUrl: ready.electronicUrl });
        setStep({ at: 'issuing' });
        const issued = await bridge.call('proof.issue', { matterId });
        const doc = await bridge.call('proof.document', {});
        if (live) setStep({ at: 'preview', caseId: issued.caseId, pages: issued.pages, base64: doc.base64 });
      } catch (e) {
        if (live) setStep({ at: 'error', messageKey: errorKey(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [attempt, bridge, matterId]);

  const print = async () => {
    stores.flow.setState({ progress: null });
    setStep({ at: 'printing' });
    try {
      const r = await bridge.call('proof.print', { copies });
      setStep(
        r.result === 'printed'
          ? { at: 'printed', receipt: 'none' }
          : { at: 'printFailed', messageKey: r.messageKey ?? 'printer.error.aborted' },
      );
    } catch (e) {
      setStep({ at: 'printFailed', messageKey: errorKey(e) });
    }
  };

  const receipt = async () => {
    setStep({ at: 'printed', receipt: 'printing' });
    const r = await bridge.call('proof.receipt', {}).catch(() => ({ result: 'failed' as const, messageKey: null }));
    setStep({ at: 'printed', receipt: r.result === 'printed' ? 'printed' : 'failed' });
  };

  const finish = () => void bridge.call('session.end', { reason: 'completed' });

  return (
    <CatalogFrame title={name} testId="proof-flow">
      <div className="flow" data-step={step.at} data-testid="flow-step">
        {step.at === 'identify' && (
          <>
            <p>{t('proof.identifyFirst')}</p>
            <IdentifyStep />
          </>
        )}
        {(step.at === 'checking' || step.at === 'issuing') && (
          <p role="status" className="big">
            {step.at === 'checking' ? t('proof.checking') : t('proof.issuing')}
          </p>
        )}
        {step.at === 'notReady' && (
          <div className="panel" role="alert" data-testid="printer-not-ready">
            <h2>{t('proof.notReadyTitle')}</h2>
            <p>{t(step.messageKey)}</p>
            {step.electronicUrl && (
              <figure className="qr-box">
                <QrCode text={step.electronicUrl} label={t('proof.electronic')} />
                <figcaption>{t('proof.electronic')}</figcaption>
              </figure>
            )}
            <p>{t('proof.orCall', { hotline })}</p>
          </div>
        )}
        {step.at === 'preview' && (
          <div className="proof-preview">
            <PdfPreview base64={step.base64} />
            <div className="panel">
              <p data-testid="case-id">{t('proof.caseId', { caseId: step.caseId })}</p>
              <p>{t('proof.copies')}</p>
              <div className="levels">
                {[1, 2, 3].map((n) => (
                  <Button key={n} aria-pressed={copies === n} data-testid={`copies-${n}`} onClick={() => setCopies(n)}>
                    {t('proof.copiesN', { count: n })}
                  </Button>
                ))}
              </div>
              <Button variant="primary" data-testid="print" onClick={() => void print()}>
                {t('proof.print')}
              </Button>
            </div>
          </div>
        )}
        {step.at === 'printing' && (
          <p role="status" className="big" data-testid="print-progress">
            {progress && progress.pages > 0
              ? t('proof.printingPage', { page: Math.min(progress.pages, progress.pagesDone + 1), pages: progress.pages })
              : t('proof.printing')}
          </p>
        )}
        {step.at === 'printFailed' && (
          <div className="panel" role="alert" data-testid="print-failed">
            <h2>{t('proof.printFailedTitle')}</h2>
            <p>{t(step.messageKey)}</p>
            <Button variant="primary" data-testid="reprint" onClick={() => void print()}>
              {t('proof.reprint')}
            </Button>
            <p>{t('proof.orCall', { hotline })}</p>
          </div>
        )}
        {step.at === 'printed' && (
          <div className="panel" data-testid="take-document">
            <h2>{t('proof.takeIt')}</h2>
            {step.receipt === 'none' && (
              <Button data-testid="receipt" onClick={() => void receipt()}>
                {t('proof.receipt')}
              </Button>
            )}
            {step.receipt === 'printing' && <p role="status">{t('proof.receiptPrinting')}</p>}
            {step.receipt === 'printed' && <p data-testid="receipt-done">{t('proof.receiptDone')}</p>}
            {step.receipt === 'failed' && <p role="alert">{t('printer.error.receiptPaperOut')}</p>}
            <Button variant="primary" data-testid="to-evaluation" onClick={() => setStep({ at: 'evaluate' })}>
              {t('proof.next')}
            </Button>
          </div>
        )}
        {step.at === 'evaluate' && <EvaluationPanel onDone={(sent) => (sent ? setStep({ at: 'thanks' }) : finish())} />}
        {step.at === 'thanks' && (
          <div className="panel" data-testid="thanks">
            <h2>{t('evaluation.thanks')}</h2>
            <Button variant="primary" data-testid="finish" onClick={finish}>
              {t('common.exit')}
            </Button>
          </div>
        )}
        {step.at === 'error' && (
          <div className="panel" role="alert" data-testid="flow-error">
            <p>{t(step.messageKey)}</p>
            <Button data-testid="retry" onClick={() => setAttempt((a) => a + 1)}>
              {t('common.retry')}
            </Button>
            <p>{t('proof.orCall', { hotline })}</p>
          </div>
        )}
      </div>
    </CatalogFrame>
  );
}

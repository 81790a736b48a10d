import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { useReadAloud } from '../guide/useReadAloud.js';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad.js';
import type { StepProps } from './types.js';

/** 告知承诺: the text (朗读 reads it with the terminal's speech), signed with a finger; the core checks the ink. */
export function ApplyCommitmentStep({ view, answer }: StepProps<'applyCommitment'>) {
  const { t } = useTranslation();
  const pad = useRef<SignaturePadHandle>(null);
  const [inked, setInked] = useState(false);
  const read = useReadAloud();
  return (
    <section className="panel apply" data-testid="apply-commitment">
      <div className="apply-part-head">
        <h2>{t('apply.commitment.title')}</h2>
        <Button data-testid="commitment-read" aria-pressed={read.speaking} onClick={() => read.toggle(view.text)}>
          {read.speaking ? t('apply.commitment.stopReading') : t('apply.commitment.readAloud')}
        </Button>
      </div>
      <p className="commitment-text" data-testid="commitment-text">
        {view.text}
      </p>
      <p>{t('apply.commitment.signHere')}</p>
      <SignaturePad ref={pad} onInk={setInked} />
      {view.messageKey && (
        <p className="error" role="alert" data-testid="commitment-message" data-key={view.messageKey}>
          {t(view.messageKey, view.params)}
        </p>
      )}
      <FrameActions>
        <Button data-testid="signature-clear" onClick={() => pad.current?.clear()}>
          {t('apply.commitment.clear')}
        </Button>
        <Button
          variant="primary"
          data-testid="signature-confirm"
          data-inked={inked}
          onClick={() => answer({ signaturePng: pad.current?.png() ?? '' })}
        >
          {t('apply.commitment.confirm')}
        </Button>
      </FrameActions>
    </section>
  );
}

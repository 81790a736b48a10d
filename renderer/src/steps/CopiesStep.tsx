import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import type { StepProps } from './types.js';

/** How many copies, then print. */
export function CopiesStep({ view, answer }: StepProps<'copies'>) {
  const { t } = useTranslation();
  const [copies, setCopies] = useState(view.copies);
  return (
    <div className="panel">
      <p>{t('proof.copies')}</p>
      <div className="levels">
        {Array.from({ length: view.max }, (_, i) => i + 1).map((n) => (
          <Button key={n} aria-pressed={copies === n} data-testid={`copies-${n}`} onClick={() => setCopies(n)}>
            {t('proof.copiesN', { count: n })}
          </Button>
        ))}
      </div>
      <FrameActions>
        <Button variant="primary" data-testid="print" onClick={() => answer({ copies })}>
          {t('proof.print')}
        </Button>
      </FrameActions>
    </div>
  );
}

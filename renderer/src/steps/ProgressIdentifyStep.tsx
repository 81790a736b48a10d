import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions, FrameDock } from '../components/ScreenFrame.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import { IdentifyStep } from './IdentifyStep.js';
import type { StepProps } from './types.js';

type Field = 'caseNumber' | 'queryCode';
const maxLength: Record<Field, number> = { caseNumber: 64, queryCode: 12 };

/** Place the card for all my cases, or type a case number and its query code (查询码) for one case. */
export function ProgressIdentifyStep({ view, answer }: StepProps<'progressIdentify'>) {
  const { t } = useTranslation();
  const [byCode, setByCode] = useState(!view.cardReader);
  const [values, setValues] = useState<Record<Field, string>>({ caseNumber: '', queryCode: '' });
  const [field, setField] = useState<Field>('caseNumber');
  const type = (f: (v: string) => string) => setValues((v) => ({ ...v, [field]: f(v[field]).slice(0, maxLength[field]) }));
  if (!byCode)
    return (
      <div className="flow-identify">
        <p className="big">{t('progress.identifyHint')}</p>
        <IdentifyStep />
        <Button data-testid="by-code" onClick={() => setByCode(true)}>
          {t('progress.byCode')}
        </Button>
      </div>
    );
  return (
    <div className="panel" data-testid="case-code-form">
      <p>{t('progress.codeHint')}</p>
      {(['caseNumber', 'queryCode'] as const).map((f) => (
        <label key={f} className="field">
          <span>{t(`progress.${f}`)}</span>
          <input
            className="search-input"
            data-testid={`field-${f}`}
            value={values[f]}
            readOnly
            inputMode="none"
            aria-current={field === f}
            onFocus={() => setField(f)}
            onClick={() => setField(f)}
          />
        </label>
      ))}
      <FrameDock>
        <OnScreenKeyboard
          onKey={(k) => type((v) => v + k.toUpperCase())}
          onBackspace={() => type((v) => v.slice(0, -1))}
          onClear={() => type(() => '')}
        />
      </FrameDock>
      <FrameActions>
        {view.cardReader && (
          <Button data-testid="by-card" onClick={() => setByCode(false)}>
            {t('progress.byCard')}
          </Button>
        )}
        <Button
          variant="primary"
          data-testid="case-code-submit"
          disabled={!values.caseNumber || !values.queryCode}
          onClick={() => answer(values)}
        >
          {t('progress.find')}
        </Button>
      </FrameActions>
    </div>
  );
}

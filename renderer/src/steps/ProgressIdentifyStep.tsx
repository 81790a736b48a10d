import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions, FrameDock } from '../components/ScreenFrame.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import { IdentifyStep } from './IdentifyStep.js';
import type { StepProps } from './types.js';

type Field = 'caseNumber' | 'queryCode' | 'localReference';
const maxLength: Record<Field, number> = { caseNumber: 64, queryCode: 12, localReference: 24 };
type Mode = 'card' | 'code' | 'reference';

/**
 * Place the card for all my cases, type a case number and its query code (查询码) for one case, or type the local
 * reference (本机编号) from a 受理回执 of an application saved at this terminal.
 */
export function ProgressIdentifyStep({ view, answer }: StepProps<'progressIdentify'>) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(view.cardReader ? 'card' : 'code');
  const [values, setValues] = useState<Record<Field, string>>({ caseNumber: '', queryCode: '', localReference: '' });
  const [field, setField] = useState<Field>('caseNumber');
  const type = (f: (v: string) => string) => setValues((v) => ({ ...v, [field]: f(v[field]).slice(0, maxLength[field]) }));
  const open = (m: Mode) => {
    setMode(m);
    setField(m === 'reference' ? 'localReference' : 'caseNumber');
  };
  const byReference = view.byReference && (
    <Button data-testid="by-reference" onClick={() => open('reference')}>
      {t('progress.byReference')}
    </Button>
  );
  if (mode === 'card')
    return (
      <div className="flow-identify">
        <p className="big">{t('progress.identifyHint')}</p>
        <IdentifyStep />
        <Button data-testid="by-code" onClick={() => open('code')}>
          {t('progress.byCode')}
        </Button>
        {byReference}
      </div>
    );
  const fields: Field[] = mode === 'reference' ? ['localReference'] : ['caseNumber', 'queryCode'];
  const complete = fields.every((f) => values[f].trim() !== '');
  return (
    <div className="panel" data-testid={mode === 'reference' ? 'reference-form' : 'case-code-form'}>
      <p>{t(mode === 'reference' ? 'progress.referenceHint' : 'progress.codeHint')}</p>
      {fields.map((f) => (
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
          <Button data-testid="by-card" onClick={() => open('card')}>
            {t('progress.byCard')}
          </Button>
        )}
        {mode === 'code' ? (
          byReference
        ) : (
          <Button data-testid="by-code" onClick={() => open('code')}>
            {t('progress.byCode')}
          </Button>
        )}
        <Button
          variant="primary"
          data-testid={mode === 'reference' ? 'reference-submit' : 'case-code-submit'}
          disabled={!complete}
          onClick={() =>
            answer(
              mode === 'reference'
                ? { localReference: values.localReference }
                : { caseNumber: values.caseNumber, queryCode: values.queryCode },
            )
          }
        >
          {t('progress.find')}
        </Button>
      </FrameActions>
    </div>
  );
}

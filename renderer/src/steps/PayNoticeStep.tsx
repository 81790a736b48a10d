import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions, FrameDock } from '../components/ScreenFrame.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import type { StepProps } from './types.js';

/** 缴款码: hold the printed notice's QR to the scanner, or type its 20 digits. */
export function PayNoticeStep({ view, answer }: StepProps<'payNotice'>) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const type = (f: (v: string) => string) => setValue((v) => f(v).replace(/\D/g, '').slice(0, 20));
  return (
    <div className="panel" data-testid="pay-notice">
      <p className="big">{t(view.scanner ? 'pay.notice.scanOrType' : 'pay.notice.type')}</p>
      {view.messageKey && (
        <p className="error" role="alert" data-testid="pay-notice-message">
          {t(view.messageKey)}
        </p>
      )}
      <label className="field">
        <span>{t('pay.notice.label')}</span>
        <input
          className="search-input"
          data-testid="field-notice"
          value={value.replace(/(\d{4})(?=\d)/g, '$1 ')}
          readOnly
          inputMode="none"
        />
      </label>
      <FrameDock>
        <OnScreenKeyboard
          onKey={(k) => type((v) => v + k)}
          onBackspace={() => type((v) => v.slice(0, -1))}
          onClear={() => type(() => '')}
        />
      </FrameDock>
      <FrameActions>
        <Button
          variant="primary"
          data-testid="pay-notice-submit"
          disabled={value.length !== 20}
          onClick={() => answer({ noticeNo: value })}
        >
          {t('pay.notice.find')}
        </Button>
      </FrameActions>
    </div>
  );
}

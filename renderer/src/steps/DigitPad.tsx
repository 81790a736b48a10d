import { useTranslation } from 'react-i18next';

const rows = ['123', '456', '789'];

/** Digits only (phone, date, number): big keys, delete and clear; `extra` adds one key (X for an ID number, - for a date). */
export function DigitPad({
  onKey,
  onBackspace,
  onClear,
  extra,
}: {
  onKey: (k: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  extra?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="osk digit-pad" role="group" aria-label={t('catalog.keyboard.label')} data-testid="digit-pad">
      {rows.map((row) => (
        <div className="osk-row" key={row}>
          {[...row].map((k) => (
            <button type="button" className="osk-key" key={k} data-key={k} onClick={() => onKey(k)}>
              {k}
            </button>
          ))}
        </div>
      ))}
      <div className="osk-row">
        {extra && (
          <button type="button" className="osk-key" data-key={extra} onClick={() => onKey(extra)}>
            {extra}
          </button>
        )}
        <button type="button" className="osk-key" data-key="0" onClick={() => onKey('0')}>
          0
        </button>
        <button type="button" className="osk-key wide" data-testid="osk-backspace" onClick={onBackspace}>
          {t('catalog.keyboard.backspace')}
        </button>
        <button type="button" className="osk-key wide" data-testid="osk-clear" onClick={onClear}>
          {t('catalog.keyboard.clear')}
        </button>
      </div>
    </div>
  );
}

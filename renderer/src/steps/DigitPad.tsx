import { useTranslation } from 'react-i18next';
import { CharKey, EraseKeys } from '../components/KeyButtons.js';

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
            <CharKey key={k} k={k} onKey={onKey} />
          ))}
        </div>
      ))}
      <div className="osk-row">
        {extra && <CharKey k={extra} onKey={onKey} />}
        <CharKey k="0" onKey={onKey} />
        <EraseKeys onBackspace={onBackspace} onClear={onClear} />
      </div>
    </div>
  );
}

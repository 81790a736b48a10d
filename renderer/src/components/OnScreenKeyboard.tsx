import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const letterRows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const digitRows = ['123', '456', '789', '0'];

/**
 * The kiosk's own keyboard (the OS keyboard never opens: the field is read-only with inputmode="none").
 * Letters for pinyin and initials, digits; every key is a ≥ 64 px button that reacts on touch.
 */
export function OnScreenKeyboard({
  onKey,
  onBackspace,
  onClear,
}: {
  onKey: (k: string) => void;
  onBackspace: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [layout, setLayout] = useState<'letters' | 'digits'>('letters');
  const rows = layout === 'letters' ? letterRows : digitRows;
  return (
    <div className="osk" role="group" aria-label={t('catalog.keyboard.label')} data-testid="osk">
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
        <button
          type="button"
          className="osk-key wide"
          data-testid="osk-layout"
          onClick={() => setLayout(layout === 'letters' ? 'digits' : 'letters')}
        >
          {layout === 'letters' ? t('catalog.keyboard.digits') : t('catalog.keyboard.letters')}
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

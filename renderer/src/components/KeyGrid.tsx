import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CharKey, EraseKeys } from './KeyButtons.js';

const latinRows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].map((r) => [...r]);
const digitRows = ['123', '456', '789', '0'].map((r) => [...r]);

/** Letter or digit rows and the bottom row (layout switch, delete, clear, plus any extra keys). */
export function KeyGrid({
  onKey,
  onBackspace,
  onClear,
  extraKeys,
  before,
  letterRows = latinRows,
  lettersLang,
}: {
  onKey: (k: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  extraKeys?: ReactNode;
  before?: ReactNode;
  /** the letter keys, row by row (default a–z; the Uyghur layout in Uyghur mode) */
  letterRows?: readonly (readonly string[])[];
  /** the letters' language, so the page draws them in its font (`ug`: the bundled Uyghur face) */
  lettersLang?: string;
}) {
  const { t } = useTranslation();
  const [layout, setLayout] = useState<'letters' | 'digits'>('letters');
  const rows = layout === 'letters' ? letterRows : digitRows;
  return (
    <div className="osk" role="group" aria-label={t('catalog.keyboard.label')} data-testid="osk">
      {before}
      {rows.map((row) => (
        <div className="osk-row" key={row.join('')} lang={layout === 'letters' ? lettersLang : undefined}>
          {row.map((k) => (
            <CharKey key={k} k={k} onKey={onKey} />
          ))}
        </div>
      ))}
      <div className="osk-row">
        {extraKeys}
        <button
          type="button"
          className="osk-key wide"
          data-testid="osk-layout"
          onClick={() => setLayout(layout === 'letters' ? 'digits' : 'letters')}
        >
          {layout === 'letters' ? t('catalog.keyboard.digits') : t('catalog.keyboard.letters')}
        </button>
        <EraseKeys onBackspace={onBackspace} onClear={onClear} />
      </div>
    </div>
  );
}

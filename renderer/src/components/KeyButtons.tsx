import { useTranslation } from 'react-i18next';

/** One character key of an on-screen keyboard: types `k`. */
export function CharKey({ k, onKey }: { k: string; onKey: (k: string) => void }) {
  return (
    <button type="button" className="osk-key" data-key={k} onClick={() => onKey(k)}>
      {k}
    </button>
  );
}

/** The delete-one and clear-all keys that end an on-screen keyboard's bottom row. */
export function EraseKeys({ onBackspace, onClear }: { onBackspace: () => void; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="osk-key wide" data-testid="osk-backspace" onClick={onBackspace}>
        {t('catalog.keyboard.backspace')}
      </button>
      <button type="button" className="osk-key wide" data-testid="osk-clear" onClick={onClear}>
        {t('catalog.keyboard.clear')}
      </button>
    </>
  );
}

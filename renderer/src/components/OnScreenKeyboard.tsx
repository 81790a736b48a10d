import { ChineseKeyboard, type ChineseField } from './ChineseKeyboard.js';
import { KeyGrid } from './KeyGrid.js';
import './keyboard.css';

/**
 * The kiosk's own keyboard (the OS keyboard never opens: the field is read-only with inputmode="none").
 * Without `chinese` it types letters and digits only (the progress-code form); with it, the field also takes
 * Chinese by pinyin with a candidate bar and by handwriting, and a 中/英 switch (with the screen in Uyghur also
 * Uyghur letters, first).
 */
export function OnScreenKeyboard({
  onKey,
  onBackspace,
  onClear,
  chinese,
}: {
  onKey: (k: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  chinese?: ChineseField;
}) {
  if (chinese) return <ChineseKeyboard field={chinese} onClear={onClear} />;
  return <KeyGrid onKey={onKey} onBackspace={onBackspace} onClear={onClear} />;
}

import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../stores/index.js';
import { Button } from './Button.js';
import { Dialog } from './Dialog.js';

export function HelpOverlay() {
  const { t } = useTranslation();
  const { stores } = useApp();
  const hotline = useSlice(stores.terminal, (s) => s.info?.hotline ?? '12345');
  const items = t('help.items', { returnObjects: true, hotline }) as string[];
  return (
    <Dialog id="help" title={t('help.title')} testId="help-overlay">
      <ol>
        {items.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <Button variant="primary" autoFocus onClick={() => stores.navigation.setState({ overlay: null })}>
        {t('common.close')}
      </Button>
    </Dialog>
  );
}

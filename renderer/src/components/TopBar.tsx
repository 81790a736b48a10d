import { useTranslation } from 'react-i18next';
import { languageNames, nextLanguage } from '../i18n/languages.js';
import { useApp, useSlice } from '../stores/index.js';
import { back } from '../stores/navigation.js';
import { VoiceControls } from '../voice/VoiceControls.js';
import { Button } from './Button.js';

/** Title plus the controls every resident screen offers: back, language, elderly mode, voice guidance, help, finish. */
export function TopBar({
  title,
  showBack,
  onBack,
  canExit = true,
}: {
  title: string;
  showBack: boolean;
  onBack?: () => void;
  /** False while something the resident must see the end of is under way (an application being handed over). */
  canExit?: boolean;
}) {
  const { t } = useTranslation();
  const { stores, bridge } = useApp();
  const session = useSlice(stores.session, (s) => s.session);
  const info = useSlice(stores.terminal, (s) => s.info);
  const otherLanguage = info?.languages ? nextLanguage(info.languages, session?.language ?? info.defaultLanguage) : null;
  return (
    <header className="topbar">
      {showBack && (
        <Button onClick={onBack ?? (() => stores.navigation.setState(back(stores.navigation.getState())))} data-testid="back">
          {t('common.back')}
        </Button>
      )}
      <h1 className="title">{title}</h1>
      <div className="topbar-controls">
        {otherLanguage && (
          <Button
            data-testid="language"
            lang={otherLanguage}
            onClick={() => void bridge.call('session.preferences', { language: otherLanguage })}
          >
            {languageNames[otherLanguage] ?? otherLanguage}
          </Button>
        )}
        <Button
          data-testid="elderly"
          aria-pressed={session?.elderly ?? false}
          onClick={() => void bridge.call('session.preferences', { elderly: !session?.elderly })}
        >
          {t('common.elderly')}
        </Button>
        <VoiceControls />
        <Button data-testid="help" onClick={() => stores.navigation.setState({ overlay: 'help' })}>
          {t('common.help')}
        </Button>
        {canExit && (
          <Button data-testid="exit" variant="danger" onClick={() => stores.navigation.setState({ overlay: 'confirmEnd' })}>
            {t('common.exit')}
          </Button>
        )}
      </div>
    </header>
  );
}

import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { useApp, useSlice } from '../stores/index.js';
import { stepVolume } from './voice-store.js';

/** 语音引导 on/off and, while it is on, quieter/louder with the level shown. */
export function VoiceControls() {
  const { t } = useTranslation();
  const { stores } = useApp();
  const on = useSlice(stores.voice, (s) => s.on);
  const volume = useSlice(stores.voice, (s) => s.volume);
  const setVolume = (direction: 1 | -1) => stores.voice.setState({ volume: stepVolume(stores.voice.getState().volume, direction) });
  return (
    <>
      <Button data-testid="voice" aria-pressed={on} onClick={() => stores.voice.setState({ on: !on })}>
        {t('voice.toggle')}
      </Button>
      {on && (
        <span className="volume" role="group" aria-label={t('voice.volume', { percent: Math.round(volume * 100) })}>
          <Button data-testid="volume-down" aria-label={t('voice.quieter')} disabled={volume <= 0.2} onClick={() => setVolume(-1)}>
            −
          </Button>
          <span data-testid="volume-level" aria-hidden="true">
            {Math.round(volume * 100)}%
          </span>
          <Button data-testid="volume-up" aria-label={t('voice.louder')} disabled={volume >= 1} onClick={() => setVolume(1)}>
            +
          </Button>
        </span>
      )}
    </>
  );
}

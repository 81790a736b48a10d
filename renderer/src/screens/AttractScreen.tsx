import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FleetNotice } from '../components/FleetNotice.js';
import { PrintingNotice } from '../components/PrintingNotice.js';
import { languageNames } from '../i18n/languages.js';
import { useTimeFormat } from '../i18n/useTimeFormat.js';
import { useApp, useSlice } from '../stores/index.js';
import { startSession } from './start-session.js';

const LONG_PRESS_MS = 3000;

/** Shown while no session runs: terminal name, time (in the terminal's zone), hotline, printing paused; any touch starts a session. */
export function AttractScreen() {
  const { t } = useTranslation();
  const format = useTimeFormat();
  const { stores, bridge } = useApp();
  const info = useSlice(stores.terminal, (s) => s.info);
  const [now, setNow] = useState(new Date());
  const pressTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);

  const start = () => void startSession(bridge).catch(() => undefined);
  const startIn = (language: string) => void startSession(bridge, language).catch(() => undefined);
  const time = format.time(now);
  const date = format.date(now, { weekday: true });

  return (
    <main className="screen attract" data-testid="attract" onClick={start}>
      <h1>{info?.terminalName ?? t('app.title')}</h1>
      <div className="clock" data-testid="clock">
        {time}
      </div>
      <div data-testid="date">{date}</div>
      <FleetNotice />
      <PrintingNotice />
      <button type="button" className="touch" autoFocus data-testid="touch-to-start">
        {t('attract.touchToStart')}
      </button>
      <div>{t('attract.orPlaceCard')}</div>
      <div>
        {t('attract.open24h')} · {t('attract.hotline', { hotline: info?.hotline ?? '12345' })}
      </div>
      {info?.languages && info.languages.length > 1 && (
        <nav className="attract-languages" aria-label={t('attract.chooseLanguage')} onClick={(e) => e.stopPropagation()}>
          {info.languages.map((l) => (
            <button key={l} type="button" className="touch language-choice" lang={l} data-testid={`start-${l}`} onClick={() => startIn(l)}>
              {languageNames[l] ?? l}
            </button>
          ))}
        </nav>
      )}
      {/* Technicians' hidden entry: press and hold the top corner for 3 s. */}
      <div
        className="hidden-corner"
        aria-hidden="true"
        data-testid="maintenance-corner"
        onClick={(e) => e.stopPropagation()}
        onPointerDown={() => {
          pressTimer.current = setTimeout(() => stores.navigation.setState({ overlay: 'pin' }), LONG_PRESS_MS);
        }}
        onPointerUp={() => pressTimer.current && clearTimeout(pressTimer.current)}
        onPointerLeave={() => pressTimer.current && clearTimeout(pressTimer.current)}
      />
    </main>
  );
}

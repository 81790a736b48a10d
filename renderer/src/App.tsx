import { Suspense, useEffect, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { CountdownOverlay } from './components/CountdownOverlay.js';
import { createAppI18n, switchLanguage } from './i18n/app-i18n.js';
import { directionOf } from './i18n/languages.js';
import { lazyScreen } from './lazy-screen.js';
import { useKeypad } from './keyboard/useKeypad.js';
import { AttractScreen } from './screens/AttractScreen.js';
import { LockScreen } from './screens/LockScreen.js';
import { cssVariables } from './theme/tokens.js';
import { AppContext, useApp, useSlice, type AppContextValue } from './stores/index.js';
import { current } from './stores/navigation.js';
import { VoiceContext } from './voice/context.js';
import { useVoiceGuide } from './voice/useVoiceGuide.js';

// everything but the attract screen loads on demand (see lazy-screen.ts)
const HelpOverlay = lazyScreen(() => import('./components/HelpOverlay.js'), 'HelpOverlay');
const BrowseScreen = lazyScreen(() => import('./screens/BrowseScreen.js'), 'BrowseScreen');
const DepartmentsScreen = lazyScreen(() => import('./screens/DepartmentsScreen.js'), 'DepartmentsScreen');
const GuideScreen = lazyScreen(() => import('./screens/GuideScreen.js'), 'GuideScreen');
const LifeEventsScreen = lazyScreen(() => import('./screens/LifeEventsScreen.js'), 'LifeEventsScreen');
const MatterListScreen = lazyScreen(() => import('./screens/MatterListScreen.js'), 'MatterListScreen');
const FlowScreen = lazyScreen(() => import('./screens/FlowScreen.js'), 'FlowScreen');
const ConfirmEndOverlay = lazyScreen(() => import('./components/ConfirmEndOverlay.js'), 'ConfirmEndOverlay');
const SearchScreen = lazyScreen(() => import('./screens/SearchScreen.js'), 'SearchScreen');
const HomeScreen = lazyScreen(() => import('./screens/HomeScreen.js'), 'HomeScreen');
const MaintenanceScreen = lazyScreen(() => import('./screens/MaintenanceScreen.js'), 'MaintenanceScreen');
const PinPad = lazyScreen(() => import('./screens/PinPad.js'), 'PinPad');
const ServiceUnavailableScreen = lazyScreen(() => import('./screens/ServiceUnavailableScreen.js'), 'ServiceUnavailableScreen');
const TerminalInfoScreen = lazyScreen(() => import('./screens/TerminalInfoScreen.js'), 'TerminalInfoScreen');

const ACTIVITY_THROTTLE_MS = 1000;

function Screens() {
  const { t } = useTranslation();
  const { stores } = useApp();
  const connected = useSlice(stores.session, (s) => s.connected);
  const session = useSlice(stores.session, (s) => s.session);
  const route = useSlice(stores.navigation, (s) => current(s));
  const overlay = useSlice(stores.navigation, (s) => s.overlay);
  const flow = useSlice(stores.flow, (s) => s.state !== null);
  const lock = useSlice(stores.fleet, (s) => s.display.lock);

  if (!session) {
    return (
      <main className="screen attract" data-testid="connecting">
        <h1>{t('app.title')}</h1>
        <p role="status">{connected ? t('common.loading') : t('bridge.disconnected')}</p>
      </main>
    );
  }
  let screen;
  if (session.phase === 'idle' && lock) screen = <LockScreen message={lock.message} alternative={lock.alternative} />;
  else if (session.phase === 'idle') screen = <AttractScreen />;
  else if (session.mode === 'maintenance') screen = <MaintenanceScreen />;
  else if (flow) screen = <FlowScreen />;
  else if (route.screen === 'service') screen = <ServiceUnavailableScreen service={route.service} matterName={route.matterName} />;
  else if (route.screen === 'search') screen = <SearchScreen />;
  else if (route.screen === 'browse') screen = <BrowseScreen />;
  else if (route.screen === 'lifeEvents') screen = <LifeEventsScreen />;
  else if (route.screen === 'departments') screen = <DepartmentsScreen />;
  else if (route.screen === 'matters')
    screen = (
      <MatterListScreen
        key={JSON.stringify(route.filter)}
        filter={route.filter}
        title={route.literalTitle ? route.title : t(route.title)}
      />
    );
  else if (route.screen === 'guide') screen = <GuideScreen key={route.matterId} matterId={route.matterId} name={route.name} />;
  else if (route.screen === 'terminalInfo') screen = <TerminalInfoScreen />;
  else screen = <HomeScreen />;
  return (
    <>
      <div aria-hidden={overlay !== null || session.phase === 'countdown' ? true : undefined} style={{ height: '100%' }}>
        <Suspense fallback={null}>{screen}</Suspense>
      </div>
      {!connected && (
        <div className="banner" role="alert" style={{ position: 'fixed', insetBlockEnd: 16, insetInlineStart: 16 }}>
          {t('bridge.disconnected')}
        </div>
      )}
      <Suspense fallback={null}>
        {overlay === 'help' && <HelpOverlay />}
        {overlay === 'pin' && <PinPad />}
        {overlay === 'confirmEnd' && <ConfirmEndOverlay />}
      </Suspense>
      {session.phase === 'countdown' && session.countdownEndsAt && <CountdownOverlay endsAt={session.countdownEndsAt} />}
    </>
  );
}

/** Root: applies language, direction and elderly scale from the session; routes keys and activity. */
export function App({ value }: { value: AppContextValue }) {
  const { stores, bridge } = value;
  const session = useSlice(stores.session, (s) => s.session);
  // in the session's language from the first render (after the served attract shell, a first render in another
  // language would flash)
  const i18n = useMemo(() => createAppI18n(stores.session.getState().session?.language ?? 'zh-CN'), [stores]);
  const language = session?.language ?? 'zh-CN';
  const elderly = session?.elderly ?? false;
  const speak = useVoiceGuide(stores, bridge);
  useKeypad(stores, bridge, speak);

  useEffect(() => {
    // the page's language changes with the strings, not before them
    let current = true;
    void switchLanguage(i18n, language)
      .catch(() => undefined)
      .then(() => {
        if (!current) return;
        document.documentElement.lang = language;
        document.documentElement.dir = directionOf(language);
      });
    return () => {
      current = false;
    };
  }, [i18n, language]);

  useEffect(() => {
    const root = document.documentElement;
    for (const [k, v] of Object.entries(cssVariables(elderly))) root.style.setProperty(k, v);
    root.dataset.elderly = String(elderly);
  }, [elderly]);

  useEffect(() => {
    let last = 0;
    const activity = () => {
      const s = stores.session.getState().session;
      if (!s || s.phase === 'idle') return;
      const now = Date.now();
      if (now - last < ACTIVITY_THROTTLE_MS && s.phase !== 'countdown') return;
      last = now;
      void bridge.call('session.activity', {}).catch(() => undefined);
    };
    const onKey = (e: KeyboardEvent) => {
      activity();
      // arrows, enter, back, help and volume: the keypad (keyboard/useKeypad.ts)
      if (e.key === 'm' && e.ctrlKey && e.altKey && stores.session.getState().session?.phase === 'idle') {
        stores.navigation.setState({ overlay: 'pin' });
      }
    };
    const noMenu = (e: Event) => e.preventDefault();
    window.addEventListener('pointerdown', activity, { capture: true });
    window.addEventListener('keydown', onKey);
    window.addEventListener('contextmenu', noMenu);
    return () => {
      window.removeEventListener('pointerdown', activity, { capture: true });
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('contextmenu', noMenu);
    };
  }, [bridge, stores]);

  return (
    <I18nextProvider i18n={i18n}>
      <AppContext.Provider value={value}>
        <VoiceContext.Provider value={speak}>
          <Screens />
        </VoiceContext.Provider>
      </AppContext.Provider>
    </I18nextProvider>
  );
}

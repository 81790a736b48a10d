// first: the bridge's connection opens while the rest of the UI's code is evaluated
import { channel } from './boot-channel.js';
// second: the attract shell served with the page takes touches from here on
import { shellTouches } from './boot-shell.js';
import 'virtual:tokens.css';
import './theme/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createBridgeClient } from './bridge/client.js';
import { loadLanguage, preloadLanguages } from './i18n/app-i18n.js';
import { installLockdownGuard } from './lockdown/guard.js';
import { preloadScreens } from './lazy-screen.js';
import { startSession } from './screens/start-session.js';
import { connectStores, createStores } from './stores/index.js';

const bridge = createBridgeClient(channel);
// every way out of the kiosk page is refused, and the core told (it audits them aggregated)
installLockdownGuard(window, (attempt) => void bridge.call('lockdown.blocked', attempt).catch(() => undefined));
const stores = createStores();
connectStores(stores, bridge);

// Test builds only (VITE_TEST_HOOKS=1, set by `npm test`): lets end-to-end tests inspect the stores.
if (import.meta.env.VITE_TEST_HOOKS === '1') (window as unknown as { __kioskStores: unknown }).__kioskStores = stores;

const root = createRoot(document.getElementById('root')!);
const app = <App value={{ stores, bridge }} />;
const shell = shellTouches;
if (!shell) root.render(app);
else {
  // React replaces the served shell in one commit once it can draw the same screen (the core's snapshot is in), so
  // no frame shows anything but an attract screen; a touch the shell took then starts the session. If the bridge
  // fails first (refused, lost), React takes over at once and says so: the shell could start nothing.
  let shown = false;
  const show = () => {
    if (!shown) root.render(app);
    shown = true;
  };
  const offConnection = bridge.onConnection((connected) => {
    if (!connected) show();
  });
  const stopWaiting = stores.session.subscribe(({ session }) => {
    if (!session) return;
    stopWaiting();
    offConnection();
    // React's first render is in the session's language, as the shell is: its strings first. The shell keeps taking
    // touches while they load, so what it took is read only now, as React replaces it in the same task.
    void loadLanguage(session.language)
      .catch(() => undefined)
      .then(() => {
        // a touch on a shell that React already replaced (the bridge failed then came back) is too old to act on
        const touch = shown ? null : shell.taken();
        show();
        if (touch && stores.session.getState().session?.phase === 'idle') void startSession(bridge, touch.language).catch(() => undefined);
      });
  });
}

// once the first screen is drawn (the core's snapshot has arrived) and the page is idle: the web font, and the other
// screens so a touch never waits for them. Not on `load`: the page idles while it waits for the snapshot.
const afterFirstScreen = () => {
  void import('./theme/web-font.js');
  preloadScreens();
  preloadLanguages();
};
const stopWatching = stores.session.subscribe(({ session }) => {
  if (!session) return;
  stopWatching();
  requestIdleCallback(afterFirstScreen, { timeout: 2000 });
});

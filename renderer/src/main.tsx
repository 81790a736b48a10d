// first: the bridge's connection opens while the rest of the UI's code is evaluated
import { channel } from './boot-channel.js';
import './theme/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createBridgeClient } from './bridge/client.js';
import { installLockdownGuard } from './lockdown/guard.js';
import { preloadScreens } from './lazy-screen.js';
import { connectStores, createStores } from './stores/index.js';
import { cssVariables } from './theme/tokens.js';

for (const [k, v] of Object.entries(cssVariables(false))) document.documentElement.style.setProperty(k, v);

const bridge = createBridgeClient(channel);
// every way out of the kiosk page is refused, and the core told (it audits them aggregated)
installLockdownGuard(window, (attempt) => void bridge.call('lockdown.blocked', attempt).catch(() => undefined));
const stores = createStores();
connectStores(stores, bridge);

// Test builds only (VITE_TEST_HOOKS=1, set by `npm test`): lets end-to-end tests inspect the stores.
if (import.meta.env.VITE_TEST_HOOKS === '1') (window as unknown as { __kioskStores: unknown }).__kioskStores = stores;

createRoot(document.getElementById('root')!).render(<App value={{ stores, bridge }} />);

// once the first screen is drawn (the core's snapshot has arrived) and the page is idle: the web font, and the other
// screens so a touch never waits for them. Not on `load`: the page idles while it waits for the snapshot.
const afterFirstScreen = () => {
  void import('./theme/web-font.js');
  preloadScreens();
};
const stopWatching = stores.session.subscribe(({ session }) => {
  if (!session) return;
  stopWatching();
  requestIdleCallback(afterFirstScreen, { timeout: 2000 });
});

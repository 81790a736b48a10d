import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './theme/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { electronChannel, webSocketChannel } from './bridge/channels.js';
import { createBridgeClient } from './bridge/client.js';
import { connectStores, createStores } from './stores/index.js';
import { cssVariables } from './theme/tokens.js';

for (const [k, v] of Object.entries(cssVariables(false))) document.documentElement.style.setProperty(k, v);

const channel = window.kioskBridge ? electronChannel(window.kioskBridge) : webSocketChannel(window.location);
const bridge = createBridgeClient(channel);
const stores = createStores();
connectStores(stores, bridge);

createRoot(document.getElementById('root')!).render(<App value={{ stores, bridge }} />);

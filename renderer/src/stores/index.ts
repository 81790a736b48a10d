import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { BridgeClient } from '../bridge/client.js';
import { createCatalogStore, initialCatalogSession } from './catalog.js';
import { createFleetStore } from './fleet.js';
import { applyFlowState, createFlowStore, initialFlow } from './flow.js';
import { createIdentityStore, initialIdentity } from './identity.js';
import { createMaintenanceStore, initialMaintenance } from './maintenance.js';
import { createNavigationStore, initialNavigation } from './navigation.js';
import { createSessionStore } from './session.js';
import { applyDeviceStatus, applyTerminalInfo, createTerminalStore } from './terminal.js';
import { createVoiceStore, initialVoice } from '../voice/voice-store.js';

/** All stores of one UI instance, created together and injected through context (tests make their own). */
export function createStores() {
  return {
    session: createSessionStore(),
    terminal: createTerminalStore(),
    navigation: createNavigationStore(),
    maintenance: createMaintenanceStore(),
    identity: createIdentityStore(),
    catalog: createCatalogStore(),
    flow: createFlowStore(),
    fleet: createFleetStore(),
    voice: createVoiceStore(),
  };
}
export type Stores = ReturnType<typeof createStores>;

/** Everything a session leaves in the UI is dropped here when it ends. Later domains add their reset. */
export function resetSessionStores(stores: Stores): void {
  stores.navigation.setState(initialNavigation(), true);
  stores.maintenance.setState(initialMaintenance(), true);
  stores.identity.setState(initialIdentity(), true);
  stores.catalog.setState(initialCatalogSession());
  stores.flow.setState(initialFlow(), true);
  stores.voice.setState(initialVoice(), true);
}

/** Wires bridge events into the stores. Returns an unsubscribe function. */
export function connectStores(stores: Stores, bridge: BridgeClient): () => void {
  const refresh = async () => {
    // both at once (one round trip), and the session last: a screen drawn when it arrives has everything else
    const [snap, display] = await Promise.all([bridge.call('kiosk.snapshot', {}), bridge.call('fleet.display', {})]);
    stores.terminal.setState(applyTerminalInfo(snap.terminal));
    stores.identity.setState(snap.identity, true);
    stores.catalog.setState({ status: snap.catalog });
    stores.flow.setState({ state: snap.flow });
    stores.fleet.setState({ display });
    stores.session.setState({ session: snap.session });
  };
  const offConn = bridge.onConnection((connected) => {
    stores.session.setState({ connected });
    if (connected) void refresh().catch(() => undefined);
  });
  const offEvent = bridge.onEvent((e) => {
    switch (e.name) {
      case 'session.changed':
        stores.session.setState({ session: e.payload });
        break;
      case 'session.ended':
        resetSessionStores(stores);
        break;
      case 'identity.changed':
        stores.identity.setState(e.payload, true);
        break;
      case 'flow.state':
        stores.flow.setState((s) => ({ state: applyFlowState(s.state, e.payload) }));
        break;
      case 'catalog.status':
        stores.catalog.setState({ status: e.payload });
        break;
      case 'fleet.display':
        stores.fleet.setState({ display: e.payload });
        break;
      case 'device.status':
        stores.terminal.setState((s) => ({ devices: applyDeviceStatus(s.devices, e.payload) }));
        break;
    }
  });
  return () => {
    offConn();
    offEvent();
  };
}

export interface AppContextValue {
  stores: Stores;
  bridge: BridgeClient;
}
export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('AppContext missing');
  return ctx;
}

export function useSlice<S, T>(store: StoreApi<S>, selector: (s: S) => T): T {
  return useStore(store, selector);
}

import { createStore } from 'zustand/vanilla';
import type { EventPayload } from '../../../main/bridge/contract.js';

export type SessionSnapshot = EventPayload<'session.changed'>;

export interface SessionState {
  connected: boolean;
  session: SessionSnapshot | null;
}

/** Mirror of the core's session (the core owns it; this store only reflects bridge events). */
export const createSessionStore = () => createStore<SessionState>()(() => ({ connected: false, session: null }));
export type SessionStore = ReturnType<typeof createSessionStore>;

import { createStore } from 'zustand/vanilla';
import type { Reply } from '../../../main/bridge/contract.js';

export type FleetDisplay = Reply<'fleet.display'>;

/** Mirror of what the fleet shows: the "暂停服务" lock and the attract notice. Not a session store (it outlives sessions). */
export const createFleetStore = () => createStore<{ display: FleetDisplay }>()(() => ({ display: { lock: null, notice: null } }));
export type FleetStore = ReturnType<typeof createFleetStore>;

import { createStore } from 'zustand/vanilla';
import type { EventPayload } from '../../../main/bridge/contract.js';

export interface FlowState {
  progress: EventPayload<'proof.progress'> | null;
}

export const initialFlow = (): FlowState => ({ progress: null });
/** Live progress of the running flow (printing page x of y); reset when the session ends. */
export const createFlowStore = () => createStore<FlowState>()(initialFlow);

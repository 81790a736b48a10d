import { createStore } from 'zustand/vanilla';
import type { EventPayload } from '../../../main/bridge/contract.js';

export type FlowState = NonNullable<EventPayload<'flow.state'>>;
export type StepView = FlowState['view'];

export interface FlowStoreState {
  /** The running flow as the core last pushed it; null when none runs. */
  state: FlowState | null;
}

export const initialFlow = (): FlowStoreState => ({ state: null });
/** Mirror of the core's running flow; the core decides the journey, the UI only renders it. */
export const createFlowStore = () => createStore<FlowStoreState>()(initialFlow);

/** Applies a pushed state unless an older one arrives after a newer one of the same run. */
export function applyFlowState(current: FlowState | null, next: FlowState | null): FlowState | null {
  if (next && current && next.runId === current.runId && next.seq < current.seq) return current;
  return next;
}

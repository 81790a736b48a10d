import type { FlowState, StepView } from '../stores/flow.js';

/** What every step component receives: its own view, the whole state, and how to answer. */
export interface StepProps<S extends StepView['step']> {
  state: FlowState;
  view: Extract<StepView, { step: S }>;
  answer: (answer: unknown) => void;
}

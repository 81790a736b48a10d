import type { FlowDefinition } from '../types.js';
import { applyFlow } from './apply.js';
import { printProofFlow } from './print-proof.js';
import { payFlow } from './pay.js';
import { progressFlow } from './progress.js';

/** Every flow the product ships. A matter names the ones it uses in `channels.terminal.flows`. */
export const flowDefinitions: readonly FlowDefinition[] = [printProofFlow, progressFlow, payFlow, applyFlow];

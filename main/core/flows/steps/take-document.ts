import { z } from 'zod';
import type { StepHandler } from '../types.js';
import { next } from './outcomes.js';

/** "Please take your document", with the offer of a thermal receipt when this terminal has a receipt printer. */
export function takeDocumentStep(deps: { receiptPrinter: () => boolean }): StepHandler<{ receipt: boolean }> {
  return {
    name: 'takeDocument',
    timeoutMs: 5_000,
    answer: z.object({ receipt: z.boolean() }).strict(),
    async enter() {
      return { kind: 'wait', view: { step: 'takeDocument', receiptAvailable: deps.receiptPrinter() } };
    },
    onAnswer: async (_ctx, a) => (a.receipt && deps.receiptPrinter() ? next() : next('noReceipt')),
  };
}

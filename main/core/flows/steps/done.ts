import { z } from 'zod';
import type { StepHandler } from '../types.js';
import { CASE, RECEIPT_OUTCOME } from './proof-data.js';

/** The end of a journey: the resident ends the session (the UI asks once) or goes on with another matter. */
export function doneStep(): StepHandler<{ action: 'finish' | 'more' }> {
  return {
    name: 'done',
    timeoutMs: 5_000,
    answer: z.object({ action: z.enum(['finish', 'more']) }).strict(),
    returnable: false,
    async enter(ctx) {
      return {
        kind: 'wait',
        view: { step: 'done', caseId: ctx.data.get(CASE)?.caseId ?? null, receipt: ctx.data.get(RECEIPT_OUTCOME) ?? null },
      };
    },
    onAnswer: async (_ctx, a) => ({ kind: 'end', reason: a.action === 'finish' ? 'completed' : 'left' }),
  };
}

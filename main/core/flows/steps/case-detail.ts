import { z } from 'zod';
import type { StepHandler } from '../types.js';
import { SELECTED_CASE, SLIP, SLIP_PRINTED } from './case-data.js';
import { next } from './outcomes.js';

/** One case with its timeline; the resident may print a progress slip (A4 or thermal), then goes on. */
export function caseDetailStep(deps: {
  a4: () => boolean;
  receipt: () => boolean;
}): StepHandler<{ action: 'slipA4' | 'slipReceipt' | 'done' }> {
  return {
    name: 'caseDetail',
    timeoutMs: 5_000,
    answer: z.object({ action: z.enum(['slipA4', 'slipReceipt', 'done']) }).strict(),
    async enter(ctx) {
      return {
        kind: 'wait',
        view: {
          step: 'caseDetail',
          case: ctx.data.require(SELECTED_CASE),
          slips: { a4: deps.a4(), receipt: deps.receipt() },
          slipPrinted: ctx.data.get(SLIP_PRINTED) ?? null,
        },
      };
    },
    async onAnswer(ctx, a) {
      if (a.action === 'done') return next('finished');
      if (a.action === 'slipA4' && !deps.a4()) return next('finished');
      if (a.action === 'slipReceipt' && !deps.receipt()) return next('finished');
      ctx.data.set(SLIP, a.action === 'slipA4' ? 'a4' : 'receipt');
      return next();
    },
  };
}

import { z } from 'zod';
import type { StepHandler } from '../types.js';
import { next } from './outcomes.js';
import { COPIES } from './proof-data.js';

const MAX_COPIES = 3;

/** How many copies (1–3). */
export function copiesStep(): StepHandler<{ copies: number }> {
  return {
    name: 'copies',
    timeoutMs: 5_000,
    answer: z.object({ copies: z.number().int().min(1).max(MAX_COPIES) }).strict(),
    async enter(ctx) {
      return { kind: 'wait', view: { step: 'copies', copies: ctx.data.get(COPIES) ?? 1, max: MAX_COPIES } };
    },
    async onAnswer(ctx, a) {
      ctx.data.set(COPIES, a.copies);
      return next();
    },
  };
}

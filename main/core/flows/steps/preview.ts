import { z } from 'zod';
import type { StepHandler } from '../types.js';
import { next } from './outcomes.js';
import { PROOF } from './proof-data.js';

/** The resident looks at the masked proof (the UI fetches it with `flow.document`) and goes on. */
export function previewStep(): StepHandler<{ confirm: true }> {
  return {
    name: 'preview',
    timeoutMs: 5_000,
    answer: z.object({ confirm: z.literal(true) }).strict(),
    async enter(ctx) {
      const p = ctx.data.require(PROOF);
      return { kind: 'wait', view: { step: 'preview', caseId: p.caseId, pages: p.pages, masked: true } };
    },
    onAnswer: async () => next(),
  };
}

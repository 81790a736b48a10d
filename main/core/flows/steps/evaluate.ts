import { z } from 'zod';
import type { OutboxService } from '../../outbox/outbox-service.js';
import type { StepHandler } from '../types.js';
import { evaluationReasons } from '../views.js';
import { next } from './outcomes.js';
import { CASE, EVALUATED } from './proof-data.js';

const EvaluationAnswer = z.union([
  z.object({ skip: z.literal(true) }).strict(),
  z
    .object({
      level: z.number().int().min(1).max(5),
      reasons: z.array(z.enum(evaluationReasons)).max(evaluationReasons.length),
      comment: z.string().max(200).nullable(),
    })
    .strict()
    .refine((e) => e.level > 2 || e.reasons.length > 0, { message: 'a dissatisfied evaluation names its reasons', path: ['reasons'] }),
]);

/**
 * 好差评 of the run's case: five levels, reasons as codes (the platform gets the same code whatever language the
 * resident used), an optional comment; once per case; skipping goes on with the journey.
 */
export function evaluateStep(deps: {
  outbox: Pick<OutboxService, 'submit'>;
  now: () => Date;
}): StepHandler<z.infer<typeof EvaluationAnswer>> {
  return {
    name: 'evaluate',
    timeoutMs: 10_000,
    answer: EvaluationAnswer,
    async enter(ctx) {
      const c = ctx.data.get(CASE);
      if (!c || ctx.data.get(EVALUATED)) return next();
      return { kind: 'wait', view: { step: 'evaluate', caseId: c.caseId, reasons: [...evaluationReasons] } };
    },
    async onAnswer(ctx, a) {
      if ('skip' in a) return next();
      const c = ctx.data.require(CASE);
      deps.outbox.submit('evaluation', {
        caseId: c.caseId,
        matterId: c.matterId,
        level: a.level,
        reasons: a.level <= 2 ? a.reasons : [],
        comment: a.comment,
        evaluatedAt: deps.now().toISOString(),
      });
      ctx.data.set(EVALUATED, true);
      return next();
    },
  };
}

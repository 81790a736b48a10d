import { z } from 'zod';
import type { StepHandler } from '../types.js';
import { CASE_QUERY } from './case-data.js';
import type { IdentityPort } from './identify.js';
import { next } from './outcomes.js';

const CodeAnswer = z.object({ caseNumber: z.string().trim().min(1).max(64), queryCode: z.string().trim().min(1).max(12) }).strict();

/**
 * Who is asking: the card on the reader (all of the resident's cases), or a case number with its query code typed on
 * the kiosk's keyboard (one case, for people without their card).
 */
export function progressIdentifyStep(deps: { identity: IdentityPort; cardReader: () => boolean }): StepHandler<z.infer<typeof CodeAnswer>> {
  return {
    name: 'progressIdentify',
    timeoutMs: 5_000,
    answer: CodeAnswer,
    async enter(ctx) {
      const cameBack = ctx.data.get(CASE_QUERY) !== undefined;
      const holder = () => {
        ctx.data.set(CASE_QUERY, { by: 'holder' });
        return next();
      };
      if (deps.identity.identified() && !cameBack) return holder();
      return {
        kind: 'wait',
        view: { step: 'progressIdentify', cardReader: deps.cardReader(), messageKey: null },
        until: deps.identity.identified() ? undefined : deps.identity.whenIdentified(ctx.signal).then(holder),
      };
    },
    async onAnswer(ctx, a) {
      ctx.data.set(CASE_QUERY, { by: 'code', caseNumber: a.caseNumber, queryCode: a.queryCode });
      return next();
    },
  };
}

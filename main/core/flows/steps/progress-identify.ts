import { z } from 'zod';
import type { StepHandler } from '../types.js';
import { CASE_QUERY } from './case-data.js';
import type { IdentityPort } from './identify.js';
import { next } from './outcomes.js';

const CodeAnswer = z.object({ caseNumber: z.string().trim().min(1).max(64), queryCode: z.string().trim().min(1).max(12) }).strict();
const ReferenceAnswer = z.object({ localReference: z.string().trim().min(1).max(24) }).strict();
const Answer = z.union([CodeAnswer, ReferenceAnswer]);

/**
 * Who is asking: the card on the reader (all of the resident's cases), a case number with its query code typed on
 * the kiosk's keyboard (one case, for people without their card), or the local reference (本机编号) printed on a
 * 受理回执 of an application saved at this terminal.
 */
export function progressIdentifyStep(deps: {
  identity: IdentityPort;
  cardReader: () => boolean;
  /** Whether this terminal keeps applications (so a local reference can be asked about). */
  references?: () => boolean;
}): StepHandler<z.infer<typeof Answer>> {
  return {
    name: 'progressIdentify',
    timeoutMs: 5_000,
    answer: Answer,
    async enter(ctx) {
      const cameBack = ctx.data.get(CASE_QUERY) !== undefined;
      const holder = () => {
        ctx.data.set(CASE_QUERY, { by: 'holder' });
        return next();
      };
      if (deps.identity.identified() && !cameBack) return holder();
      return {
        kind: 'wait',
        view: { step: 'progressIdentify', cardReader: deps.cardReader(), messageKey: null, byReference: deps.references?.() ?? false },
        until: deps.identity.identified() ? undefined : deps.identity.whenIdentified(ctx.signal).then(holder),
      };
    },
    async onAnswer(ctx, a) {
      if ('localReference' in a) ctx.data.set(CASE_QUERY, { by: 'reference', localReference: a.localReference });
      else ctx.data.set(CASE_QUERY, { by: 'code', caseNumber: a.caseNumber, queryCode: a.queryCode });
      return next();
    },
  };
}

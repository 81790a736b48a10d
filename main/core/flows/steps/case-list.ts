import { z } from 'zod';
import type { PlatformClient } from '../../platform/client.js';
import { CaseLookupError, findCasesByHolder, lookupCase } from '../../platform/cases.js';
import type { PlatformCase } from '../../platform/cases-schemas.js';
import type { StepHandler } from '../types.js';
import { CASE_QUERY, CASES, SELECTED_CASE, SLIP_PRINTED } from './case-data.js';
import { fail, next, platformFailure } from './outcomes.js';
import { CASE, EVALUATED } from './proof-data.js';

/** The chosen case becomes the run's case: what the slip names and 好差评 rates. */
function select(ctx: Parameters<StepHandler['enter']>[0], c: PlatformCase): void {
  if (ctx.data.get(SELECTED_CASE)?.caseNumber !== c.caseNumber) {
    ctx.data.delete(SLIP_PRINTED);
    ctx.data.delete(EVALUATED);
  }
  ctx.data.set(SELECTED_CASE, c);
  ctx.data.set(CASE, {
    caseId: c.caseNumber,
    matterId: c.matter.id,
    matterName: c.matter.name,
    verificationCode: null,
    verifyUrl: c.queryUrl,
  });
}

/** My cases, newest first (by card); a case found by number and query code goes straight to its detail. */
export function caseListStep(deps: {
  platform: PlatformClient | null;
  holderIdNumber: () => string | null;
}): StepHandler<{ caseNumber: string }> {
  return {
    name: 'caseList',
    timeoutMs: 30_000,
    answer: z.object({ caseNumber: z.string().min(1).max(64) }).strict(),
    async enter(ctx) {
      if (!deps.platform) return fail({ messageKey: 'flow.error.noPlatform', actions: ['home'] });
      const query = ctx.data.require(CASE_QUERY);
      if (query.by === 'code') {
        select(ctx, await lookupCase(deps.platform, query, { signal: ctx.signal }));
        return next('single');
      }
      const idNumber = deps.holderIdNumber();
      if (!idNumber) return fail({ messageKey: 'flow.error.identify', actions: ['home'] });
      const cases = await findCasesByHolder(deps.platform, { idNumber }, { signal: ctx.signal });
      ctx.data.set(CASES, cases);
      return {
        kind: 'wait',
        view: {
          step: 'caseList',
          byCode: false,
          cases: cases.map((c) => ({ caseNumber: c.caseNumber, matter: c.matter, submittedAt: c.submittedAt, state: c.state })),
        },
      };
    },
    async onAnswer(ctx, a) {
      const c = ctx.data.get(CASES)?.find((x) => x.caseNumber === a.caseNumber);
      if (!c) return fail({ messageKey: 'flow.error.stale', actions: ['retry', 'home'] });
      select(ctx, c);
      return next();
    },
    failure(e) {
      if (e instanceof CaseLookupError) return { messageKey: e.messageKey, actions: e.code === 'throttled' ? ['home'] : ['back', 'home'] };
      return platformFailure(e, null);
    },
  };
}

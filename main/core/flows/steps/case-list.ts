import { z } from 'zod';
import { normaliseReference, type HeldApplication, type ReferenceState } from '../../apply/application-store.js';
import type { PlatformClient } from '../../platform/client.js';
import { CaseLookupError, findCasesByHolder, lookupCase } from '../../platform/cases.js';
import type { PlatformCase } from '../../platform/cases-schemas.js';
import { PlatformError } from '../../platform/errors.js';
import type { StepHandler } from '../types.js';
import type { HeldApplicationView } from '../views.js';
import { CASE_QUERY, CASES, SELECTED_CASE, SLIP_PRINTED, type HeldApplications } from './case-data.js';
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

function heldView(localReference: string, s: ReferenceState, matterName: (id: string) => string | null): HeldApplicationView {
  return {
    localReference,
    matter: { id: s.matterId, name: matterName(s.matterId) },
    savedAt: s.savedAt,
    outcome: s.outcome,
    caseNumber: s.outcome === 'accepted' ? s.caseNumber : null,
    queryCode: s.outcome === 'accepted' ? s.queryCode : null,
    message: s.outcome === 'refused' ? s.message : null,
  };
}

/** Down, not refusing: the held applications are still worth showing without the platform's list. */
const platformDown = (e: unknown) => e instanceof PlatformError && e.code !== 'canceled';

/**
 * My cases, newest first (by card), with the applications this terminal still holds for the card holder (waiting
 * for the platform, or refused after they left) above them — shown even when the platform cannot be asked. A case
 * found by number and query code goes straight to its detail; a local reference shows what became of it.
 */
export function caseListStep(deps: {
  platform: PlatformClient | null;
  holderIdNumber: () => string | null;
  /** Applications saved at this terminal (absent or null: none are kept here). */
  held?: () => HeldApplications | null;
  matterName?: (matterId: string) => string | null;
}): StepHandler<{ caseNumber: string }> {
  const matterName = deps.matterName ?? (() => null);
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
      if (query.by === 'reference') {
        const state = deps.held?.()?.reference(query.localReference) ?? null;
        // only the terminal that saved an application knows its local reference
        if (!state) return fail({ messageKey: 'progress.reference.unknown', actions: ['back', 'home'] });
        return {
          kind: 'wait',
          view: { step: 'heldApplication', application: heldView(normaliseReference(query.localReference), state, matterName) },
        };
      }
      const idNumber = deps.holderIdNumber();
      if (!idNumber) return fail({ messageKey: 'flow.error.identify', actions: ['home'] });
      const held: HeldApplication[] = deps.held?.()?.heldFor(idNumber) ?? [];
      let cases: PlatformCase[] = [];
      let platformUnavailable = false;
      try {
        cases = await findCasesByHolder(deps.platform, { idNumber }, { signal: ctx.signal });
      } catch (e) {
        if (held.length === 0 || !platformDown(e)) throw e;
        platformUnavailable = true;
      }
      ctx.data.set(CASES, cases);
      return {
        kind: 'wait',
        view: {
          step: 'caseList',
          byCode: false,
          cases: cases.map((c) => ({ caseNumber: c.caseNumber, matter: c.matter, submittedAt: c.submittedAt, state: c.state })),
          held: held.map((h) => heldView(h.localReference, h, matterName)),
          platformUnavailable,
        },
      };
    },
    async onAnswer(ctx, a) {
      const query = ctx.data.get(CASE_QUERY);
      if (query?.by === 'reference') {
        // a delivered application: its case on the platform, by the case number and query code this terminal kept
        const state = deps.held?.()?.reference(query.localReference) ?? null;
        if (!deps.platform || state?.outcome !== 'accepted' || state.caseNumber !== a.caseNumber)
          return fail({ messageKey: 'flow.error.stale', actions: ['retry', 'home'] });
        select(ctx, await lookupCase(deps.platform, { caseNumber: state.caseNumber, queryCode: state.queryCode }, { signal: ctx.signal }));
        return next();
      }
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

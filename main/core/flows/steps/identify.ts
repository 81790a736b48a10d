import type { IdentityKind, StepContext, StepHandler, StepOutcome } from '../types.js';
import { fail, next } from './outcomes.js';

/** What the identify steps need of the identity service. */
export interface IdentityPort {
  /** The identified resident's card type, or null. */
  identified(): IdentityKind | null;
  /** Resolves when a card has been read in this session (or at once if it already was); never rejects. */
  whenIdentified(signal: AbortSignal): Promise<IdentityKind>;
}

/** Whether the flow accepts this card; checked before the platform is asked for anything. */
export function eligibilityFailure(ctx: StepContext, kind: IdentityKind): StepOutcome | null {
  if (ctx.flow.eligibility.cardTypes.includes(kind)) return null;
  return fail({
    messageKey: 'flow.error.notEligible',
    params: { cardTypeKey: `identify.cardType.${kind}` },
    actions: ['home'],
  });
}

/** The resident places an ID card (or social security card); the step completes when it is read and accepted. */
export function identifyStep(deps: { identity: IdentityPort }): StepHandler {
  const accept = (ctx: StepContext, kind: IdentityKind) => eligibilityFailure(ctx, kind) ?? next();
  return {
    name: 'identify',
    timeoutMs: 5_000,
    returnable: false,
    async enter(ctx) {
      const now = deps.identity.identified();
      if (now) return accept(ctx, now);
      return {
        kind: 'wait',
        view: { step: 'identify', messageKey: null },
        until: deps.identity.whenIdentified(ctx.signal).then((kind) => accept(ctx, kind)),
      };
    },
  };
}

import { z } from 'zod';
import type { StepContext, StepHandler, StepOutcome } from '../types.js';
import { APPLY_COMMITMENT, APPLY_FORM, APPLY_REJECTED, handedOver } from './apply-data.js';
import { next } from './outcomes.js';
import { checkSignature } from './signature-check.js';

/** The pad's PNG as base64 (a finger signature on a kiosk pad is a few tens of kilobytes; the bridge caps at 256). */
const CommitmentAnswer = z
  .object({
    signaturePng: z
      .string()
      .min(1)
      .max(200_000)
      .regex(/^[A-Za-z0-9+/]+=*$/),
  })
  .strict();

/**
 * 告知承诺: the commitment text (the screen can read it aloud) signed with a finger on the pad. An empty pad or a
 * mark too small to be a signature is refused with a message; the signature is kept with the text's version and
 * the time, in the run's memory only. A matter without a commitment goes straight on.
 */
export function applyCommitmentStep(deps: { now: () => Date }): StepHandler<z.infer<typeof CommitmentAnswer>> {
  const view = (ctx: StepContext, messageKey: string | null, params?: Record<string, string>): StepOutcome => {
    const c = ctx.data.require(APPLY_FORM).commitment!;
    return { kind: 'wait', view: { step: 'applyCommitment', text: c.text, version: c.version, messageKey, ...(params && { params }) } };
  };
  return {
    name: 'applyCommitment',
    timeoutMs: 15_000,
    answer: CommitmentAnswer,
    async enter(ctx) {
      if (!ctx.data.require(APPLY_FORM).commitment || handedOver(ctx)) return next();
      const rejected = ctx.data.get(APPLY_REJECTED);
      if (rejected?.field === 'commitment') {
        ctx.data.delete(APPLY_REJECTED);
        ctx.data.get(APPLY_COMMITMENT)?.signaturePng.fill(0);
        ctx.data.delete(APPLY_COMMITMENT);
        return view(ctx, 'apply.commitment.rejected', { message: rejected.message });
      }
      return view(ctx, null);
    },
    async onAnswer(ctx, a) {
      const commitment = ctx.data.require(APPLY_FORM).commitment!;
      const png = new Uint8Array(Buffer.from(a.signaturePng, 'base64'));
      const problem = await checkSignature(png);
      if (problem) {
        png.fill(0);
        return view(ctx, problem);
      }
      ctx.data.get(APPLY_COMMITMENT)?.signaturePng.fill(0);
      ctx.data.set(APPLY_COMMITMENT, { version: commitment.version, signedAt: deps.now().toISOString(), signaturePng: png });
      return next();
    },
  };
}

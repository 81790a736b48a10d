import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log/logger.js';
import type { PlatformClient } from '../../platform/client.js';
import { issueProof } from '../../platform/proofs.js';
import type { StepHandler } from '../types.js';
import { fail, next, platformFailure } from './outcomes.js';
import { CASE, PROOF, PROOF_REQUEST_KEY } from './proof-data.js';

/**
 * The platform issues the proof for the identified resident. One idempotency key per run: a retry after a timeout
 * gets the case the platform already made instead of a second one.
 */
export function issueProofStep(deps: {
  platform: PlatformClient | null;
  applicant: () => { name: string; idNumber: string } | null;
  log: Logger;
}): StepHandler {
  return {
    name: 'issueProof',
    timeoutMs: 60_000,
    async enter(ctx) {
      const matter = ctx.matter;
      if (!matter) throw new Error('issueProof needs a matter');
      if (ctx.data.get(PROOF)) return next();
      const applicant = deps.applicant();
      if (!applicant) return fail({ messageKey: 'flow.error.identify', actions: ['home'] });
      if (!deps.platform) return fail({ messageKey: 'flow.error.noPlatform', qrUrl: matter.guideUrl, actions: ['home'] });
      let key = ctx.data.get(PROOF_REQUEST_KEY);
      if (!key) ctx.data.set(PROOF_REQUEST_KEY, (key = randomUUID()));
      const proof = await issueProof(deps.platform, matter.id, applicant, { idempotencyKey: key, signal: ctx.signal });
      ctx.data.set(PROOF, {
        caseId: proof.caseId,
        verificationCode: proof.verificationCode,
        verifyUrl: proof.verifyUrl,
        pages: proof.pages,
        pdf: proof.pdf,
        preview: proof.preview,
      });
      ctx.data.set(CASE, {
        caseId: proof.caseId,
        matterId: matter.id,
        matterName: matter.name,
        verificationCode: proof.verificationCode,
        verifyUrl: proof.verifyUrl,
      });
      deps.log.info({ caseId: proof.caseId, pages: proof.pages }, 'proof issued');
      return next();
    },
    failure: (e, ctx) => platformFailure(e, ctx.matter?.guideUrl ?? null),
  };
}

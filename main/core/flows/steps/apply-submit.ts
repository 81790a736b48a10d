import type { ApplicationDraft, ApplyPort, MatterForm } from '../../apply/apply-types.js';
import type { Logger } from '../../log/logger.js';
import type { AuditLog } from '../../store/audit.js';
import type { StepHandler } from '../types.js';
import { APPLY_COMMITMENT, APPLY_EDITING, APPLY_FORM, APPLY_MATERIALS, APPLY_OUTCOME, APPLY_REJECTED, APPLY_VALUES } from './apply-data.js';
import { fail, next } from './outcomes.js';
import { CASE } from './proof-data.js';

/** The step that asked for a field the platform refused: a form field, a material (`materials.<id>`) or the signature. */
export function stepAsking(form: MatterForm, field: string): 'form' | 'materials' | 'commitment' | null {
  if (form.groups.some((g) => g.fields.some((f) => f.id === field))) return 'form';
  if (field.startsWith('materials.') && form.materials.some((m) => `materials.${m.id}` === field)) return 'materials';
  if (field === 'commitment' && form.commitment) return 'commitment';
  return null;
}

/** How long the resident waits for the platform before the submission stays queued for the outbox to deliver. */
export const SUBMIT_DEADLINE_MS = 20_000;

/**
 * Hands the application to the submission service (which writes it to the encrypted outbox before any network
 * call) with its progress on screen, then follows the outcome: accepted → the case; queued → saved, to be delivered
 * when the platform is back (never called submitted); a field refused → back to that field's group with the
 * platform's words, then back to the review; refused → what happened and the way forward. An outcome already in
 * the run is never submitted twice.
 */
export function applySubmitStep(deps: {
  apply: () => ApplyPort | null;
  applicant: () => { name: string; idNumber: string } | null;
  holdSession: (reason: string) => () => void;
  audit: Pick<AuditLog, 'append'>;
  log: Logger;
}): StepHandler {
  return {
    name: 'applySubmit',
    timeoutMs: SUBMIT_DEADLINE_MS + 30_000,
    async enter(ctx) {
      const done = ctx.data.get(APPLY_OUTCOME);
      if (done && (done.kind === 'accepted' || done.kind === 'queued')) return next();
      const port = deps.apply();
      const applicant = deps.applicant();
      if (!port || !applicant || !ctx.matter) return fail({ messageKey: 'apply.error.unavailable', actions: ['home'] });
      const form = ctx.data.require(APPLY_FORM);
      const draft: ApplicationDraft = {
        matterId: form.matterId,
        formVersion: form.version,
        applicant,
        values: { ...ctx.data.require(APPLY_VALUES) },
        materials: ctx.data.get(APPLY_MATERIALS) ?? [],
        commitment: ctx.data.get(APPLY_COMMITMENT) ?? null,
      };
      ctx.update({ step: 'applySubmitting', phase: 'saving', bytesDone: 0, bytesTotal: 0 });
      const release = deps.holdSession('apply.submit');
      let outcome;
      try {
        outcome = await port.submit(draft, {
          signal: ctx.signal,
          deadlineMs: SUBMIT_DEADLINE_MS,
          onProgress: (p) => ctx.update({ step: 'applySubmitting', ...p }),
        });
      } finally {
        release();
      }
      const local = 'localReference' in outcome ? outcome.localReference : null;
      deps.audit.append('apply.submitted', {
        matterId: form.matterId,
        outcome: outcome.kind,
        localReference: local,
        caseNumber: outcome.kind === 'accepted' ? outcome.case.caseNumber : null,
      });
      deps.log.info({ matter: form.matterId, outcome: outcome.kind, localReference: local }, 'application handed over');
      switch (outcome.kind) {
        case 'accepted':
          ctx.data.set(APPLY_OUTCOME, outcome);
          ctx.data.set(CASE, {
            caseId: outcome.case.caseNumber,
            matterId: form.matterId,
            matterName: ctx.matter.name,
            verificationCode: outcome.case.queryCode,
            verifyUrl: outcome.case.queryUrl,
          });
          return next();
        case 'queued':
          ctx.data.set(APPLY_OUTCOME, outcome);
          return next();
        case 'fieldRejected': {
          const back = stepAsking(form, outcome.field);
          if (!back) return fail({ messageKey: 'apply.submit.refused', params: { message: outcome.message }, actions: ['home'] });
          ctx.data.set(APPLY_REJECTED, { field: outcome.field, message: outcome.message });
          // the commitment comes right before the submission: signing again leads straight back here
          if (back !== 'commitment') ctx.data.set(APPLY_EDITING, true);
          return next(back);
        }
        case 'refused':
          return fail({
            messageKey: ctx.matter.guideUrl ? 'apply.submit.refusedQr' : 'apply.submit.refused',
            params: { message: outcome.message },
            qrUrl: ctx.matter.guideUrl,
            actions: ['home'],
          });
      }
    },
    failure: () => ({ messageKey: 'apply.submit.failed', actions: ['retry', 'home'] }),
  };
}

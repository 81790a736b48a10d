import { z } from 'zod';
import type { ApplyPort, ELicence, MatterForm } from '../../apply/apply-types.js';
import type { AuditLog } from '../../store/audit.js';
import type { StepContext, StepHandler, StepOutcome } from '../types.js';
import { APPLY_AUTHORISED, APPLY_FORM, APPLY_LICENCE_VALUES, APPLY_LICENCES, APPLY_MATERIALS, doneEditing } from './apply-data.js';
import { fail, platformFailure } from './outcomes.js';

const LicencesAnswer = z.object({ use: z.array(z.string().min(1).max(100)).max(50) }).strict();

/** Licences of the resident that do something for this matter: fill form fields or replace materials. */
function useful(form: MatterForm, licences: readonly ELicence[]) {
  const fields = form.groups.flatMap((g) => g.fields);
  return licences
    .map((l) => ({
      licence: l,
      replaces: form.materials.filter((m) => m.licenceTypes.includes(l.type)).map((m) => m.name),
      fills: fields.filter((f) => f.prefill?.from === 'licence' && f.prefill.licenceType === l.type).map((f) => f.label),
    }))
    .filter((u) => u.replaces.length > 0 || u.fills.length > 0);
}

/**
 * 免证办: the resident's e-licences that fill this form or replace a material, each used only when the resident ticks
 * it on screen (an explicit authorisation, recorded in the audit log with the licence type, never its number). The
 * values a licence releases are fetched right after. Nothing useful: straight on.
 */
export function applyLicencesStep(deps: {
  apply: () => ApplyPort | null;
  applicant: () => { name: string; idNumber: string } | null;
  audit: Pick<AuditLog, 'append'>;
  now: () => Date;
}): StepHandler<z.infer<typeof LicencesAnswer>> {
  return {
    name: 'applyLicences',
    timeoutMs: 30_000,
    // it passes straight on without useful licences: "back" goes past it (the review's 修改 reaches it)
    returnable: false,
    answer: LicencesAnswer,
    async enter(ctx) {
      const list = useful(ctx.data.require(APPLY_FORM), ctx.data.require(APPLY_LICENCES));
      if (list.length === 0) return doneEditing(ctx);
      const authorised = new Set((ctx.data.get(APPLY_AUTHORISED) ?? []).map((a) => a.licenceId));
      return {
        kind: 'wait',
        view: {
          step: 'applyLicences',
          licences: list.map(({ licence: l, replaces, fills }) => ({
            id: l.id,
            name: l.name,
            maskedNumber: l.maskedNumber,
            issuer: l.issuer,
            validUntil: l.validUntil,
            replaces,
            fills,
            authorised: authorised.has(l.id),
          })),
        },
      };
    },
    async onAnswer(ctx, a) {
      const form = ctx.data.require(APPLY_FORM);
      const offered = useful(form, ctx.data.require(APPLY_LICENCES)).map((u) => u.licence);
      const chosen = offered.filter((l) => a.use.includes(l.id));
      return authorise(ctx, deps, form, chosen);
    },
    failure: (e, ctx) => platformFailure(e, ctx.matter?.guideUrl ?? null),
  };
}

async function authorise(
  ctx: StepContext,
  deps: Parameters<typeof applyLicencesStep>[0],
  form: MatterForm,
  chosen: ELicence[],
): Promise<StepOutcome> {
  const port = deps.apply();
  const applicant = deps.applicant();
  if (!port || !applicant) return fail({ messageKey: 'apply.error.unavailable', actions: ['home'] });
  const before = ctx.data.get(APPLY_AUTHORISED) ?? [];
  const values = { ...(ctx.data.get(APPLY_LICENCE_VALUES) ?? {}) };
  const kept = before.filter((b) => chosen.some((l) => l.id === b.licenceId));
  for (const l of chosen) {
    if (kept.some((k) => k.licenceId === l.id)) continue;
    values[l.id] = await port.licenceValues(l.id, { idNumber: applicant.idNumber }, ctx.signal);
    const authorisedAt = deps.now().toISOString();
    kept.push({ licenceId: l.id, authorisedAt });
    deps.audit.append('apply.licenceAuthorised', { matterId: form.matterId, licenceType: l.type, licenceId: l.id });
  }
  // a licence no longer ticked releases nothing: its values and any material it stood for go
  for (const b of before.filter((x) => !kept.includes(x))) {
    delete values[b.licenceId];
    deps.audit.append('apply.licenceWithdrawn', { matterId: form.matterId, licenceId: b.licenceId });
  }
  const dropped = new Set(before.filter((x) => !kept.includes(x)).map((x) => x.licenceId));
  if (dropped.size > 0) {
    const materials = ctx.data.get(APPLY_MATERIALS);
    if (materials)
      ctx.data.set(
        APPLY_MATERIALS,
        materials.filter((m) => !(m.kind === 'licence' && dropped.has(m.licenceId))),
      );
  }
  ctx.data.set(APPLY_AUTHORISED, kept);
  ctx.data.set(APPLY_LICENCE_VALUES, values);
  return doneEditing(ctx);
}

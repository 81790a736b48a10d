import type { FlowDefinition } from '../types.js';

/**
 * 办事 at the terminal, for a matter whose `channels.terminal.flows` names `apply`: the card → 一次告知 for this
 * resident (materials, those an e-licence of theirs replaces, conditions, time limit) → the scanner (only when paper
 * remains) and the printer → e-licences to use, authorised on screen (they fill the form and stand in for
 * materials) → the form, one group per screen, prefilled where the card or a licence knows → materials (e-licence,
 * scan, or 容缺) → everything on one screen, each part with 修改 → 告知承诺 signed with a finger → submitted through
 * the outbox (or saved until the platform is back) → 受理回执 and slip → 好差评 → done.
 *
 * Branches: the review's 修改 goes to `form`, `licences` or `materials`, which come back to `review`; a field the
 * platform refused sends `submit` back to the step that asked for it: `form`, `materials` (`materials.<id>`) or
 * `commitment`.
 */
export const applyFlow: FlowDefinition = {
  id: 'apply',
  devices: [],
  eligibility: {
    identity: 'card',
    cardTypes: ['resident', 'hkMacaoTaiwan', 'foreignPermanent2017', 'foreignPermanent2023', 'socialSecurity'],
  },
  steps: [
    { id: 'identify', handler: 'identify' },
    { id: 'guide', handler: 'applyGuide' },
    { id: 'readiness', handler: 'applyReadiness' },
    { id: 'licences', handler: 'applyLicences', branches: { review: 'review' } },
    { id: 'form', handler: 'applyForm', branches: { review: 'review' } },
    { id: 'materials', handler: 'applyMaterials', branches: { review: 'review' } },
    { id: 'review', handler: 'applyReview', branches: { form: 'form', licences: 'licences', materials: 'materials' } },
    { id: 'commitment', handler: 'applyCommitment' },
    { id: 'submit', handler: 'applySubmit', branches: { form: 'form', materials: 'materials', commitment: 'commitment' } },
    { id: 'receipt', handler: 'applyReceipt' },
    { id: 'evaluate', handler: 'evaluate' },
    { id: 'done', handler: 'done' },
  ],
};

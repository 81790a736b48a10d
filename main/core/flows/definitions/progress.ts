import type { FlowDefinition } from '../types.js';

/**
 * 查询办件进度: the card (all my cases) or a case number with its query code (one case) → my cases, newest first →
 * the case with its timeline → an optional progress slip (A4 or thermal, then back to the case) → 好差评 → done.
 * Any card is accepted: everybody may ask about their own cases.
 */
export const progressFlow: FlowDefinition = {
  id: 'progress',
  devices: [],
  eligibility: {
    identity: 'cardOrCode',
    cardTypes: ['resident', 'hkMacaoTaiwan', 'foreignPermanent2017', 'foreignPermanent2023', 'socialSecurity'],
  },
  steps: [
    { id: 'identify', handler: 'progressIdentify' },
    { id: 'cases', handler: 'caseList', branches: { single: 'case' } },
    { id: 'case', handler: 'caseDetail', branches: { finished: 'evaluate' } },
    { id: 'slip', handler: 'printSlip', branches: { detail: 'case' } },
    { id: 'evaluate', handler: 'evaluate' },
    { id: 'done', handler: 'done' },
  ],
};

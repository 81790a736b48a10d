import type { FlowDefinition } from '../types.js';

/**
 * 查询打印: the printer is asked first (before the resident does anything), then the card, the platform issues the
 * proof, the resident sees it (masked), chooses copies, it prints, they take it, optionally a receipt, 好差评, done.
 * A proof of household registration and the like is for holders of a resident ID card (or the social security card
 * that carries the same number), not for permit holders: the identify step refuses other cards up front.
 */
export const printProofFlow: FlowDefinition = {
  id: 'printProof',
  devices: ['certificatePrinter'],
  eligibility: { identity: 'card', cardTypes: ['resident', 'socialSecurity'] },
  steps: [
    { id: 'readiness', handler: 'readiness' },
    { id: 'identify', handler: 'identify' },
    { id: 'issue', handler: 'issueProof' },
    { id: 'preview', handler: 'preview' },
    { id: 'copies', handler: 'copies' },
    { id: 'print', handler: 'printDocument' },
    { id: 'takeDocument', handler: 'takeDocument', branches: { noReceipt: 'evaluate' } },
    { id: 'receipt', handler: 'receipt' },
    { id: 'evaluate', handler: 'evaluate' },
    { id: 'done', handler: 'done' },
  ],
};

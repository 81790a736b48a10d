import type { FlowDefinition } from '../types.js';

/**
 * 缴费 (the home tile): scan or type the 缴款码 → what it is and the amount, confirmed explicitly → pay by payment
 * code at the scanner or by QR on screen, waiting for the password with a countdown and "cancel" → paid: 缴费凭条 and
 * on request the printed 财政电子票据 → 好差评 → done. No card needed; no device required (a terminal without a
 * scanner offers the QR).
 */
export const payFlow: FlowDefinition = {
  id: 'pay',
  devices: [],
  eligibility: {
    identity: 'cardOrCode',
    cardTypes: ['resident', 'hkMacaoTaiwan', 'foreignPermanent2017', 'foreignPermanent2023', 'socialSecurity'],
  },
  steps: [
    { id: 'notice', handler: 'payNotice' },
    { id: 'confirm', handler: 'payConfirm' },
    { id: 'charge', handler: 'payCharge' },
    { id: 'paid', handler: 'payPaid' },
    { id: 'evaluate', handler: 'evaluate' },
    { id: 'done', handler: 'done' },
  ],
};

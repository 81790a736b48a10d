/**
 * The life of one payment order as the terminal records it. Every order ends in a final state; `paid` is final for
 * the resident but may still move on to a refund (a fee whose matter failed afterwards).
 *
 *   created → awaitingCode → paying → paid | failed | userPaying | querying
 *   userPaying → querying | paid | reversing          querying → paid | reversing | closed | reversed
 *   reversing → reversed | closed | paid | refunded   created, awaitingCode → closed | failed
 *   paid → refunding → refunded
 */
export const paymentStates = [
  'created',
  'awaitingCode',
  'paying',
  'userPaying',
  'querying',
  'paid',
  'failed',
  'reversing',
  'reversed',
  'closed',
  'refunding',
  'refunded',
] as const;
export type PaymentState = (typeof paymentStates)[number];

export const finalStates: readonly PaymentState[] = ['paid', 'failed', 'reversed', 'closed', 'refunded'];
export const isFinal = (s: PaymentState) => finalStates.includes(s);

/** States in which money may have moved without the terminal knowing it yet: never left like this. */
export const unresolvedStates: readonly PaymentState[] = ['paying', 'userPaying', 'querying', 'reversing', 'refunding'];

const allowed: Record<PaymentState, readonly PaymentState[]> = {
  created: ['awaitingCode', 'closed', 'failed', 'querying'],
  awaitingCode: ['paying', 'querying', 'closed'],
  paying: ['paid', 'failed', 'userPaying', 'querying'],
  userPaying: ['querying', 'paid', 'reversing', 'closed', 'reversed'],
  querying: ['querying', 'paid', 'reversing', 'closed', 'reversed', 'refunded'],
  reversing: ['reversed', 'closed', 'paid', 'refunded'],
  paid: ['refunding'],
  refunding: ['refunded'],
  failed: [],
  reversed: [],
  closed: [],
  refunded: [],
};

export function canMove(from: PaymentState, to: PaymentState): boolean {
  return allowed[from].includes(to);
}

import { createStore } from 'zustand/vanilla';
import type { EventPayload } from '../../../main/bridge/contract.js';

export type IdentitySnapshot = EventPayload<'identity.changed'>;

export const initialIdentity = (): IdentitySnapshot => ({
  state: 'waiting',
  person: null,
  messageKey: null,
  cardOnReader: false,
  readerAvailable: true,
  socialSecurityAvailable: false,
});

/** Mirror of the core's identity for this session; reset when the session ends. */
export const createIdentityStore = () => createStore<IdentitySnapshot>()(initialIdentity);

/** Which greeting suits the resident's age. */
export function greetingKey(age: number | null): string {
  if (age !== null && age >= 60) return 'identify.greetingElder';
  if (age !== null && age < 18) return 'identify.greetingYoung';
  return 'identify.greeting';
}

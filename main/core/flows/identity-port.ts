import type { IdentityKind } from './types.js';

/** The part of an identity snapshot the flows read: who is identified, by which card. */
export interface IdentityView {
  state: string;
  person: { cardType: IdentityKind } | null;
}

/**
 * Adapts the identity service's snapshots to what the identify steps need: the current card type, and a promise
 * for the next successful read that stops listening when the step is left.
 */
export function identityPort(current: () => IdentityView, subscribe: (listener: (s: IdentityView) => void) => () => void) {
  const identified = (): IdentityKind | null => {
    const s = current();
    return s.state === 'read' && s.person ? s.person.cardType : null;
  };
  return {
    identified,
    whenIdentified(signal: AbortSignal): Promise<IdentityKind> {
      return new Promise((resolve) => {
        const now = identified();
        if (now) return resolve(now);
        const off = subscribe((s) => {
          if (s.state === 'read' && s.person) {
            off();
            resolve(s.person.cardType);
          }
        });
        signal.addEventListener('abort', off, { once: true });
      });
    },
  };
}

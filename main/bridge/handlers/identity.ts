import type { Kiosk } from '../../core/kiosk.js';
import type { Handlers } from '../dispatcher.js';

export function identityHandlers(kiosk: Kiosk): Pick<Handlers, 'identity.current'> {
  return { 'identity.current': () => kiosk.identity.snapshot() };
}

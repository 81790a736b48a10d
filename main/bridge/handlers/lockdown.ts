import type { Kiosk } from '../../core/kiosk.js';
import type { Handlers } from '../dispatcher.js';

export function lockdownHandlers(kiosk: Kiosk): Pick<Handlers, 'lockdown.blocked'> {
  return {
    'lockdown.blocked': (attempt) => {
      kiosk.lockdown.record(attempt, kiosk.session.active);
      return null;
    },
  };
}

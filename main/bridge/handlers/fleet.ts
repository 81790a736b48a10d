import type { Kiosk } from '../../core/kiosk.js';
import type { Handlers } from '../dispatcher.js';

export function fleetHandlers(kiosk: Kiosk): Pick<Handlers, 'fleet.display'> {
  return { 'fleet.display': () => kiosk.fleetDisplay.get() };
}

import type { Kiosk } from '../../core/kiosk.js';
import { createDispatcher, type Handlers } from '../dispatcher.js';
import { catalogHandlers } from './catalog.js';
import { flowHandlers } from './flows.js';
import { fleetHandlers } from './fleet.js';
import { identityHandlers } from './identity.js';
import { inputHandlers } from './input.js';
import { lockdownHandlers } from './lockdown.js';
import { maintenanceHandlers } from './maintenance.js';
import { maintenancePaymentHandlers } from './maintenance-payments.js';
import { sessionHandlers } from './session.js';
import { speechHandlers } from './speech.js';
import { terminalHandlers } from './terminal.js';

export function createHandlers(kiosk: Kiosk): Handlers {
  return {
    ...terminalHandlers(kiosk),
    ...sessionHandlers(kiosk),
    ...identityHandlers(kiosk),
    ...maintenanceHandlers(kiosk),
    ...maintenancePaymentHandlers(kiosk),
    ...catalogHandlers(kiosk),
    ...flowHandlers(kiosk),
    ...inputHandlers(kiosk),
    ...lockdownHandlers(kiosk),
    ...fleetHandlers(kiosk),
    ...speechHandlers(kiosk),
  };
}

/** The dispatcher both transports use: contract validation, handlers, and logged rejections. */
export function createKioskDispatcher(kiosk: Kiosk) {
  const log = kiosk.log.child({ module: 'bridge' });
  return createDispatcher(createHandlers(kiosk), (info) => {
    // a client sending garbage in a loop gets one log line and one audit row per kind per minute, with a count
    if (info.code === 'internal') log.warn(info, 'bridge message rejected');
    else if (kiosk.stores.rejections.count(info.code, { code: info.code, method: info.method ?? null }))
      log.warn(info, 'bridge message rejected (further ones of this kind this minute are only counted)');
  });
}

import type { Kiosk } from '../../core/kiosk.js';
import type { Handlers } from '../dispatcher.js';

export const terminalInfo = (kiosk: Kiosk) => ({
  terminalId: kiosk.config.terminal.id,
  terminalName: kiosk.config.terminal.name,
  outlet: kiosk.config.terminal.outlet,
  hotline: kiosk.config.terminal.hotline,
  timeZone: kiosk.config.terminal.timeZone,
  version: kiosk.version,
  runtime: kiosk.runtime,
  startedAt: kiosk.startedAt.toISOString(),
  uptimeSeconds: Math.floor((Date.now() - kiosk.startedAt.getTime()) / 1000),
  languages: kiosk.config.languages,
  defaultLanguage: kiosk.config.defaultLanguage,
  devices: kiosk.devices.statuses(),
});

export function terminalHandlers(kiosk: Kiosk): Pick<Handlers, 'kiosk.snapshot' | 'terminal.info'> {
  return {
    'kiosk.snapshot': () => ({
      terminal: terminalInfo(kiosk),
      session: kiosk.session.snapshot(),
      identity: kiosk.identity.snapshot(),
      catalog: kiosk.catalog.status(),
    }),
    'terminal.info': () => terminalInfo(kiosk),
  };
}

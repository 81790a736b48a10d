import { isDocumentPrinter } from '../../../devices/printer/ipp-printer.js';
import type { Kiosk } from '../../core/kiosk.js';
import type { Handlers } from '../dispatcher.js';

const RECHECK_TIMEOUT_MS = 5000;

/**
 * Asks each A4 printer for its condition now instead of at its next poll: "check again" after staff loaded paper
 * answers at once. A printer that does not answer keeps (or gets) its offline status; the reply is the statuses.
 */
async function recheckPrinters(kiosk: Kiosk): Promise<void> {
  const printers = kiosk.devices.all().filter(isDocumentPrinter);
  await Promise.all(printers.map((p) => p.snapshot(AbortSignal.timeout(RECHECK_TIMEOUT_MS)).catch(() => undefined)));
}

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
      flow: kiosk.flows.current(),
    }),
    /** Fresh: the A4 printers are asked first (the UI's "check again" when printing is paused). */
    'terminal.info': async () => {
      await recheckPrinters(kiosk);
      return terminalInfo(kiosk);
    },
  };
}

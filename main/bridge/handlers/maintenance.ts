import type { Kiosk } from '../../core/kiosk.js';
import { isDocumentPrinter } from '../../../devices/printer/ipp-printer.js';
import { composePrintLog } from '../../core/documents/print-log.js';
import { BridgeFailure, type Handlers } from '../dispatcher.js';

function requireMaintenance(kiosk: Kiosk): void {
  const s = kiosk.session.snapshot();
  if (s.mode !== 'maintenance' || s.phase === 'idle')
    throw new BridgeFailure({ code: 'forbidden', messageKey: 'maintenance.error.locked', detail: 'maintenance mode is not unlocked' });
  kiosk.session.activity();
}

export function maintenanceHandlers(
  kiosk: Kiosk,
): Pick<
  Handlers,
  | 'maintenance.unlock'
  | 'maintenance.overview'
  | 'maintenance.selfTest'
  | 'maintenance.restart'
  | 'maintenance.exit'
  | 'maintenance.catalogSync'
  | 'maintenance.printLog'
> {
  return {
    'maintenance.unlock': ({ pin }) => {
      const outcome = kiosk.gate.unlock(pin);
      if (outcome.result === 'unlocked') kiosk.session.start('maintenance');
      else if (outcome.result === 'rejected') kiosk.audit.append('maintenance.pinRejected', { remaining: outcome.remainingAttempts });
      else kiosk.audit.append('maintenance.lockedOut', { retryAt: outcome.retryAt });
      return outcome;
    },
    'maintenance.overview': () => {
      requireMaintenance(kiosk);
      return {
        devices: kiosk.devices.statuses().map((status) => ({
          id: status.deviceId,
          kind: status.kind,
          ...kiosk.describeDevice(status.deviceId),
          info: kiosk.devices.info(status.deviceId),
          status,
        })),
        audit: kiosk.audit.latest(30),
        outboxDepth: kiosk.outbox.depth(),
      };
    },
    'maintenance.catalogSync': async () => {
      requireMaintenance(kiosk);
      kiosk.audit.append('maintenance.catalogSync', {});
      // a failed sync is reported through the status (lastResult / lastError), not as a bridge error
      await kiosk.catalog.syncNow().catch(() => undefined);
      return kiosk.catalog.status();
    },
    'maintenance.printLog': async () => {
      requireMaintenance(kiosk);
      const pdf = await composePrintLog({
        terminalId: kiosk.config.terminal.id,
        entries: kiosk.audit.ofTypes(['print.completed', 'print.failed'], 200),
        at: new Date(),
        timeZone: kiosk.config.terminal.timeZone,
      });
      const printer = kiosk.devices.all().find(isDocumentPrinter);
      if (!printer) return { result: 'failed' as const, messageKey: 'flow.error.noPrinter' };
      const r = await printer.print(pdf, { jobName: `print log ${kiosk.config.terminal.id}` });
      return r.ok ? { result: 'printed' as const, messageKey: null } : { result: 'failed' as const, messageKey: r.error.messageKey };
    },
    'maintenance.selfTest': async ({ deviceId }) => {
      requireMaintenance(kiosk);
      const result = await kiosk.devices.selfTest(deviceId);
      if (!result)
        throw new BridgeFailure({ code: 'badParams', messageKey: 'maintenance.error.noDevice', detail: `no device "${deviceId}"` });
      return result;
    },
    'maintenance.restart': () => {
      requireMaintenance(kiosk);
      kiosk.session.end('maintenance');
      setImmediate(() => kiosk.requestRestart());
      return null;
    },
    'maintenance.exit': () => {
      if (kiosk.session.snapshot().mode === 'maintenance') kiosk.session.end('maintenance');
      return kiosk.session.snapshot();
    },
  };
}

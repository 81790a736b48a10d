import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../stores/index.js';
import { printingPause } from '../stores/printing.js';
import { applyTerminalInfo } from '../stores/terminal.js';
import { Button } from './Button.js';

/**
 * Says up front, on the attract and home screens, that certificate printing is paused (paper out, jam, printer
 * offline) and that other services still work; "check again" asks the core to look at the printer now. It never
 * blocks anything: a notice, not a dialog. Nothing when printing works.
 */
export function PrintingNotice() {
  const { t } = useTranslation();
  const { stores, bridge } = useApp();
  const devices = useSlice(stores.terminal, (s) => s.devices);
  const pause = printingPause(devices);
  const [checking, setChecking] = useState(false);
  const [stillPaused, setStillPaused] = useState(false);
  if (!pause) return null;
  const recheck = async () => {
    setChecking(true);
    setStillPaused(false);
    try {
      const info = await bridge.call('terminal.info', {});
      stores.terminal.setState(applyTerminalInfo(info));
      setStillPaused(printingPause(stores.terminal.getState().devices) !== null);
    } catch {
      setStillPaused(true);
    } finally {
      setChecking(false);
    }
  };
  return (
    // a touch on the notice must not start a session on the attract screen
    <div className="banner" role="status" data-testid="printing-paused" data-reason={pause.reason} onClick={(e) => e.stopPropagation()}>
      <strong>{t('printer.paused.title')}</strong> {t(`printer.paused.${pause.reason}`)} {t('printer.paused.otherServices')}
      {stillPaused && <div data-testid="printing-still-paused">{t('printer.paused.stillPaused')}</div>}
      <div>
        <Button data-testid="printing-recheck" disabled={checking} onClick={() => void recheck()}>
          {checking ? t('printer.paused.checking') : t('printer.paused.recheck')}
        </Button>
      </div>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useApp, useSlice } from '../stores/index.js';
import { applyTerminalInfo } from '../stores/terminal.js';
import { DeviceStatusList } from './DeviceStatusList.js';

/** Terminal id, version, uptime and live device statuses: core → bridge → UI. */
export function TerminalInfoScreen() {
  const { t } = useTranslation();
  const { stores, bridge } = useApp();
  const info = useSlice(stores.terminal, (s) => s.info);
  const devices = useSlice(stores.terminal, (s) => s.devices);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  useEffect(() => {
    bridge
      .call('terminal.info', {})
      .then((i) => stores.terminal.setState(applyTerminalInfo(i)))
      .catch((e: { error?: { messageKey?: string } }) => setErrorKey(e.error?.messageKey ?? 'bridge.error.internal'));
  }, [bridge, stores]);
  const hours = Math.floor((info?.uptimeSeconds ?? 0) / 3600);
  const minutes = Math.floor(((info?.uptimeSeconds ?? 0) % 3600) / 60);
  return (
    <ScreenFrame testId="terminal-info-screen" title={t('terminal.title')} showBack>
      {errorKey && (
        <div className="banner" role="alert">
          {t(errorKey)}
        </div>
      )}
      {info && (
        <div className="panel scroll">
          <table>
            <tbody>
              <tr>
                <th>{t('terminal.id')}</th>
                <td data-testid="terminal-id">{info.terminalId}</td>
              </tr>
              <tr>
                <th>{t('terminal.name')}</th>
                <td>{info.terminalName}</td>
              </tr>
              <tr>
                <th>{t('terminal.outlet')}</th>
                <td>{info.outlet}</td>
              </tr>
              <tr>
                <th>{t('terminal.version')}</th>
                <td data-testid="terminal-version">{info.version}</td>
              </tr>
              <tr>
                <th>{t('terminal.runtime')}</th>
                <td>{info.runtime}</td>
              </tr>
              <tr>
                <th>{t('terminal.timeZone')}</th>
                <td data-testid="terminal-time-zone">{info.timeZone}</td>
              </tr>
              <tr>
                <th>{t('terminal.uptime')}</th>
                <td>{t('terminal.uptimeValue', { hours, minutes })}</td>
              </tr>
            </tbody>
          </table>
          <h2>{t('terminal.devices')}</h2>
          <DeviceStatusList devices={Object.values(devices)} />
        </div>
      )}
    </ScreenFrame>
  );
}

import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../stores/terminal.js';
import { mediaLabelKey } from './technical-labels.js';
import { Labelled } from './TechnicalDetail.js';

/** Live device statuses: kind, state, the reason in words, and media conditions as labels with their codes. */
export function DeviceStatusList({ devices }: { devices: DeviceStatus[] }) {
  const { t } = useTranslation();
  if (devices.length === 0) return <p data-testid="no-devices">{t('terminal.noDevices')}</p>;
  return (
    <ul data-testid="device-list">
      {devices.map((d) => (
        <li key={d.deviceId} data-testid={`device-${d.deviceId}`} data-state={d.state}>
          <span className={`status-dot status-${d.state}`} aria-hidden="true" />
          {t(`device.kind.${d.kind}`, { defaultValue: d.kind })} · {t(`device.state.${d.state}`)}
          {d.reasonKey && <span className="muted"> · {t(d.reasonKey, { defaultValue: d.reasonKey })}</span>}
          {d.media.map((m) => (
            <span key={m} className="muted">
              {' · '}
              <Labelled labelKey={mediaLabelKey(m)} code={m} />
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

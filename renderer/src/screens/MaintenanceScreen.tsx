import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { useApp, useSlice } from '../stores/index.js';
import { AuditList } from './AuditList.js';
import { CatalogPanel } from './CatalogPanel.js';
import { PaymentsPanel } from './PaymentsPanel.js';
import { infoLabelKey } from './technical-labels.js';
import { Labelled, TechnicalDetail } from './TechnicalDetail.js';

/**
 * Technicians' screen: configured devices with live status and self-test, recent audit entries, restart. Codes
 * (printer reasons, media, audit types) are shown as labels with the code beside them.
 */
export function MaintenanceScreen() {
  const { t, i18n } = useTranslation();
  const { stores, bridge } = useApp();
  const overview = useSlice(stores.maintenance, (s) => s.overview);
  const selfTests = useSlice(stores.maintenance, (s) => s.selfTests);
  const live = useSlice(stores.terminal, (s) => s.devices);

  const load = useCallback(async () => {
    const o = await bridge.call('maintenance.overview', {});
    stores.maintenance.setState({ overview: o });
  }, [bridge, stores]);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);

  const [printLogResult, setPrintLogResult] = useState<string | null>(null);
  const printLog = async () => {
    setPrintLogResult(t('common.loading'));
    const r = await bridge
      .call('maintenance.printLog', {})
      .catch(() => ({ result: 'failed' as const, messageKey: 'bridge.error.internal' }));
    setPrintLogResult(r.result === 'printed' ? t('maintenance.printLogDone') : t(r.messageKey ?? 'printer.error.aborted'));
  };

  const selfTest = async (deviceId: string) => {
    stores.maintenance.setState((s) => ({ selfTests: { ...s.selfTests, [deviceId]: 'running' } }));
    try {
      const r = await bridge.call('maintenance.selfTest', { deviceId });
      stores.maintenance.setState((s) => ({ selfTests: { ...s.selfTests, [deviceId]: r } }));
    } catch {
      stores.maintenance.setState((s) => ({
        selfTests: { ...s.selfTests, [deviceId]: { deviceId, passed: false, steps: [] } },
      }));
    }
    void load();
  };

  return (
    <main className="screen" data-testid="maintenance">
      <header className="topbar">
        <h1 className="title">{t('maintenance.title')}</h1>
        <Button data-testid="maintenance-restart" onClick={() => void bridge.call('maintenance.restart', {})}>
          {t('maintenance.restart')}
        </Button>
        <Button variant="danger" data-testid="maintenance-exit" autoFocus onClick={() => void bridge.call('maintenance.exit', {})}>
          {t('maintenance.exit')}
        </Button>
      </header>
      <div className="scroll">
        <section className="panel">
          <h2>{t('maintenance.devices')}</h2>
          {overview && overview.devices.length === 0 && <p>{t('terminal.noDevices')}</p>}
          <table>
            <tbody>
              {overview?.devices.map((d) => {
                const status = live[d.id] ?? d.status;
                const test = selfTests[d.id];
                return (
                  <tr key={d.id} data-testid={`maint-device-${d.id}`}>
                    <td>
                      <span className={`status-dot status-${status.state}`} aria-hidden="true" />
                      {t(`device.kind.${d.kind}`, { defaultValue: d.kind })} ({d.id})
                    </td>
                    <td data-testid={`maint-status-${d.id}`}>
                      {t(`device.state.${status.state}`)}
                      {status.reasonKey && <div>{t(status.reasonKey, { defaultValue: status.reasonKey })}</div>}
                      <TechnicalDetail media={status.media} detail={status.detail} />
                    </td>
                    <td className="muted">
                      {t('maintenance.driver')}: {d.driver}
                      <br />
                      {t('maintenance.transport')}: {d.transport}
                      {Object.entries(d.info).map(([k, v]) => (
                        <div key={k} data-testid={`maint-info-${d.id}-${k}`}>
                          {i18n.exists(infoLabelKey(k)) ? t(infoLabelKey(k)) : k}: {v}
                        </div>
                      ))}
                    </td>
                    <td>
                      <Button disabled={test === 'running'} onClick={() => void selfTest(d.id)}>
                        {test === 'running' ? t('common.loading') : t('maintenance.selfTest')}
                      </Button>
                      {test && test !== 'running' && (
                        <div data-testid={`selftest-${d.id}`}>
                          {test.passed ? t('maintenance.selfTestPassed') : t('maintenance.selfTestFailed')}
                          <ul className="muted">
                            {test.steps.map((s) => (
                              <li key={s.name}>
                                {s.passed ? '✓' : '✗'} <Labelled labelKey={`maintenance.selfTestStep.${s.name}`} code={s.name} />:{' '}
                                {s.detail}
                                {s.preview && (
                                  <div>
                                    <img
                                      src={s.preview}
                                      alt={t('maintenance.selfTestPreview')}
                                      data-testid={`selftest-preview-${d.id}`}
                                      style={{ maxWidth: 240, border: '1px solid currentColor', marginBlockStart: 8 }}
                                    />
                                  </div>
                                )}
                              </li>
                            ))}
                          </ul>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <CatalogPanel />
        <PaymentsPanel />
        <section className="panel" data-testid="maint-outbox">
          <h2>{t('maintenance.outbox')}</h2>
          <p data-testid="maint-outbox-depth">{overview?.outboxDepth ?? '—'}</p>
          <Button data-testid="maint-print-log" onClick={() => void printLog()}>
            {t('maintenance.printLog')}
          </Button>
          {printLogResult && <p role="status">{printLogResult}</p>}
        </section>
        <section className="panel">
          <h2>{t('maintenance.audit')}</h2>
          <AuditList entries={overview?.audit ?? []} />
        </section>
      </div>
    </main>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentsReconciliation } from '../../../main/bridge/contract.js';
import { BridgeCallError } from '../bridge/client.js';
import { Button } from '../components/Button.js';
import { yuan } from '../steps/pay-money.js';
import { useTimeFormat } from '../i18n/useTimeFormat.js';
import { useApp } from '../stores/index.js';

const messageKeyOf = (e: unknown) => (e instanceof BridgeCallError ? e.error.messageKey : 'bridge.error.internal');

/**
 * Technicians' 对账: today's orders of this terminal against the platform's statement, the totals, the orders the
 * two disagree about (marked), and the unfinished ones, each with a re-query (never a manual "mark paid").
 */
export function PaymentsPanel() {
  const { t } = useTranslation();
  const format = useTimeFormat();
  const { bridge } = useApp();
  const [report, setReport] = useState<PaymentsReconciliation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [requerying, setRequerying] = useState<Record<string, string>>({});
  const [printResult, setPrintResult] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setReport(await bridge.call('maintenance.payments', {}));
      setError(null);
    } catch (e) {
      setError(messageKeyOf(e));
    }
  }, [bridge]);
  useEffect(() => {
    void load();
  }, [load]);

  const requery = async (orderId: string) => {
    setRequerying((s) => ({ ...s, [orderId]: t('maintenance.payments.requerying') }));
    try {
      const r = await bridge.call('maintenance.paymentRequery', { orderId });
      const state = t(`maintenance.payments.state.${r.state}`);
      setRequerying((s) => ({
        ...s,
        [orderId]: r.final ? t('maintenance.payments.requeryDone', { state }) : t('maintenance.payments.requeryPending', { state }),
      }));
    } catch (e) {
      setRequerying((s) => ({ ...s, [orderId]: t(messageKeyOf(e)) }));
    }
    await load();
  };

  const print = async () => {
    if (!report) return;
    setPrintResult(t('common.loading'));
    const r = await bridge
      .call('maintenance.reconciliationPrint', { date: report.date })
      .catch((e: unknown) => ({ result: 'failed' as const, messageKey: messageKeyOf(e) }));
    setPrintResult(r.result === 'printed' ? t('maintenance.payments.printed') : t(r.messageKey ?? 'printer.error.aborted'));
  };

  const state = (s: string | null) =>
    s === null ? t('maintenance.payments.noRecord') : t(`maintenance.payments.state.${s}`, { defaultValue: s });

  return (
    <section className="panel" data-testid="maint-payments">
      <h2>{t('maintenance.payments.title')}</h2>
      {error && <p role="alert">{t(error)}</p>}
      {report && (
        <>
          <dl className="facts">
            <dt>{t('maintenance.payments.date')}</dt>
            <dd data-testid="maint-payments-date">{report.date}</dd>
            <dt>{t('maintenance.payments.orders')}</dt>
            <dd data-testid="maint-payments-orders">{report.totals.orders}</dd>
            <dt>{t('maintenance.payments.paid')}</dt>
            <dd data-testid="maint-payments-paid">
              {report.totals.paid} · ￥{yuan(report.totals.paidFen)}
            </dd>
            <dt>{t('maintenance.payments.platformPaid')}</dt>
            <dd data-testid="maint-payments-platform-paid">
              {report.totals.platformPaidFen === null ? '—' : `￥${yuan(report.totals.platformPaidFen)}`}
            </dd>
            <dt>{t('maintenance.payments.disagreements')}</dt>
            <dd data-testid="maint-payments-disagreements">{report.statementAvailable ? report.disagreements.length : '—'}</dd>
          </dl>
          {!report.statementAvailable && <p role="alert">{t('maintenance.payments.statementUnavailable')}</p>}
          {report.rows.length === 0 && <p>{t('maintenance.payments.none')}</p>}
          {report.rows.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th>{t('maintenance.payments.order')}</th>
                  <th>{t('maintenance.payments.amount')}</th>
                  <th>{t('maintenance.payments.journalState')}</th>
                  <th>{t('maintenance.payments.platformState')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => {
                  const disagree = report.statementAvailable && !r.agree;
                  return (
                    <tr key={r.orderId} data-testid={`maint-payment-${r.orderId}`} data-agree={String(!disagree)}>
                      <td>
                        {disagree && <span className="status-dot status-hardwareError" aria-hidden="true" />}
                        {r.orderId}
                        <div className="muted">{r.item}</div>
                        {disagree && <strong>{t('maintenance.payments.disagree')}</strong>}
                      </td>
                      <td>￥{yuan(r.amountFen)}</td>
                      <td>{state(r.journalState)}</td>
                      <td>{report.statementAvailable ? state(r.platformState) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <h3>{t('maintenance.payments.unfinished')}</h3>
          {report.unfinished.length === 0 && <p data-testid="maint-payments-no-unfinished">{t('maintenance.payments.noUnfinished')}</p>}
          <ul>
            {report.unfinished.map((u) => (
              <li key={u.orderId} data-testid={`maint-unfinished-${u.orderId}`}>
                {u.orderId} · ￥{yuan(u.amountFen)} · {state(u.state)} · {format.dateTime(u.updatedAt, { seconds: true })}{' '}
                <Button data-testid={`maint-requery-${u.orderId}`} onClick={() => void requery(u.orderId)}>
                  {t('maintenance.payments.requery')}
                </Button>
                {requerying[u.orderId] && <span role="status">{requerying[u.orderId]}</span>}
              </li>
            ))}
          </ul>
          {Object.entries(requerying)
            .filter(([id]) => !report.unfinished.some((u) => u.orderId === id))
            .map(([id, text]) => (
              <p key={id} role="status" data-testid={`maint-requery-result-${id}`}>
                {id}: {text}
              </p>
            ))}
          <Button data-testid="maint-payments-refresh" onClick={() => void load()}>
            {t('maintenance.payments.refresh')}
          </Button>
          <Button data-testid="maint-payments-print" onClick={() => void print()}>
            {t('maintenance.payments.print')}
          </Button>
          {printResult && <p role="status">{printResult}</p>}
        </>
      )}
    </section>
  );
}

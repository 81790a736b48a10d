import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../core/config/schema.js';
import { PlatformClient } from '../core/platform/client.js';
import type { PlatformError } from '../core/platform/errors.js';
import { fetchPaymentStatement } from '../core/platform/payments.js';
import { loadPlatformTls } from '../core/platform/tls-files.js';
import { PaymentJournal } from '../core/payment/journal.js';
import { openJournalDb } from '../core/payment/journal-db.js';
import { dayIn, reconcile, reconciliationCsv } from '../core/payment/reconcile.js';

const usageLine =
  'usage: npm run -s diag -- payments reconcile [--date YYYY-MM-DD] [--csv FILE] [--data-dir DIR] [--platform URL] [--config FILE]\n';

/**
 * `diag payments reconcile`: the day's 对账 of this terminal's payment journal against the platform's statement.
 * JSON on stdout; with `--csv FILE` the same rows as CSV (UTF-8 with BOM). Exit 0 when the two agree, 1 when any
 * order disagrees or is unfinished (or the platform cannot be reached), 2 for bad usage.
 */
export async function paymentsCommand(
  args: string[],
  o: { defaultDataDir: string; config: () => KioskConfig; now?: Date },
): Promise<{ code: number; out: string; err: string }> {
  const [sub, ...rest] = args;
  const opt = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const date = opt('--date');
  if (sub !== 'reconcile' || (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))) return { code: 2, out: '', err: usageLine };
  const dataDir = path.resolve(opt('--data-dir') ?? o.defaultDataDir);
  if (!existsSync(path.join(dataDir, 'payments.sqlite')))
    return { code: 2, out: '', err: `no payment journal in ${dataDir} (give the data dir with --data-dir)\n` };
  const config = o.config();
  const baseUrl = opt('--platform') ?? config.platform?.url;
  if (!baseUrl || !config.platform?.secret)
    return { code: 2, out: '', err: 'set platform.url and platform.secret in the configuration, or give --platform URL\n' };
  const day = date ?? dayIn(o.now ?? new Date(), config.terminal.timeZone);
  const client = new PlatformClient({
    baseUrl,
    terminalId: config.terminal.id,
    secret: config.platform.secret,
    timeoutMs: config.platform.timeoutMs,
    tls: opt('--platform') ? undefined : loadPlatformTls(config.platform.tls),
    suite: config.crypto.suite,
  });
  let statement;
  try {
    statement = await fetchPaymentStatement(client, day);
  } catch (e) {
    const pe = e as PlatformError;
    return { code: 1, out: '', err: `the platform's statement for ${day} could not be fetched (${pe.code ?? 'error'}): ${pe.message}\n` };
  }
  const db = openJournalDb(dataDir);
  try {
    const r = reconcile(new PaymentJournal(db), statement, config.terminal.timeZone);
    const csv = opt('--csv');
    if (csv) writeFileSync(csv, reconciliationCsv(r));
    const clean = r.disagreements.length === 0 && r.unfinished.length === 0;
    return {
      code: clean ? 0 : 1,
      out:
        JSON.stringify(
          { ...r, unfinished: r.unfinished.map((u) => ({ orderId: u.orderId, state: u.state, amountFen: u.amountFen })) },
          null,
          2,
        ) + '\n',
      err: clean ? '' : `${r.disagreements.length} order(s) disagree with the platform, ${r.unfinished.length} unfinished\n`,
    };
  } finally {
    db.close();
  }
}

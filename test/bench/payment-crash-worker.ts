/**
 * The kiosk core's payment service alone, in a child process the crash bench can SIGKILL: the real journal file,
 * the real platform client and gateway port, shrunk timings. `pay NOTICE CODE`: resume what a previous run left,
 * then pay one notice. `recover`: resume only. Prints READY, ORDER (opened, pay not yet sent), DONE <state> on stdout.
 */
import { systemClock } from '../../devices/core/operation.js';
import { PaymentJournal } from '../../main/core/payment/journal.js';
import { openJournalDb } from '../../main/core/payment/journal-db.js';
import { PaymentService } from '../../main/core/payment/payment-service.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import { lookupPaymentNotice, platformPaymentGateway } from '../../main/core/platform/payments.js';

const [dataDir, baseUrl, mode, noticeNo, authCode] = process.argv.slice(2);
const client = new PlatformClient({
  baseUrl: baseUrl!,
  terminalId: 'BENCH-CRASH',
  secret: 'emulated-terminal-secret',
  attempts: 1,
  timeoutMs: 1000,
});
const db = openJournalDb(dataDir!);
const service = new PaymentService({
  journal: new PaymentJournal(db),
  gateway: platformPaymentGateway(client, { payTimeoutMs: 250 }),
  clock: systemClock,
  terminalId: 'BENCH-CRASH',
  // the real policy divided by 100: the same order of events in milliseconds instead of seconds
  policy: {
    queryIntervalMs: 30,
    queryLimitMs: 300,
    reverseNotBeforeMs: 150,
    retryMs: 20,
    retryMaxMs: 200,
    qrTimeoutMs: 1200,
    qrWaitMs: 30,
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);

say('READY');
if (mode === 'pay') {
  const resumed = service.resumeAll();
  const notice = await lookupPaymentNotice(client, noticeNo!);
  const opened = await service.open({ noticeNo: notice.noticeNo, item: notice.item, amountFen: notice.totalFen });
  if (opened.ok) {
    say('ORDER');
    const outcome = await service.payByCode(opened.orderId, authCode!);
    say(`DONE ${outcome.state}`);
  } else say(`DONE refused:${opened.code}`);
  await resumed;
} else {
  const outcomes = await service.resumeAll();
  say(`DONE ${outcomes.length}`);
}
db.close();
process.exit(0);

import { z } from 'zod';
import type { PaymentScanner } from '../../../../devices/payment-scanner/index.js';
import type { PaymentOutcome } from '../../payment/payment-service.js';
import type { Payments } from '../../payment/payments.js';
import type { FailureView, StepContext, StepHandler, StepOutcome } from '../types.js';
import { fail, next } from './outcomes.js';
import { PAY_METHOD, PAY_NOTICE, PAY_PAID } from './pay-data.js';

const CancelAnswer = z.object({ cancel: z.literal(true) }).strict();

/** Failures a new payment code can fix: no money moved, the order is final; the resident shows another code. */
const askAgain: Record<string, string> = {
  insufficientFunds: 'pay.retry.insufficientFunds',
  codeExpired: 'pay.retry.codeExpired',
  codeInvalid: 'pay.retry.codeInvalid',
};

/**
 * Takes the money: opens an order, then waits for the resident's payment code at the scanner (or shows the
 * platform's QR), then — while the payer confirms on the phone — a countdown with "cancel". The session is held
 * open until the order is final. Every ending says in plain words whether money was taken and what happens next.
 * The payment itself is not tied to the screen: leaving, or the session ending, cancels it through the journal.
 */
export function payChargeStep(deps: {
  payments: () => Payments | null;
  scanner: () => PaymentScanner | null;
  holdSession: (reason: string) => () => void;
  now: () => Date;
}): StepHandler<z.infer<typeof CancelAnswer>> {
  let current: { orderId: string } | null = null;

  const ended = (ctx: StepContext, o: PaymentOutcome): StepOutcome => {
    if (o.state === 'paid') {
      ctx.data.set(PAY_PAID, { orderId: o.orderId, paidAt: deps.now() });
      return next();
    }
    const failure: FailureView =
      o.state === 'reversed' && o.moneyReturned
        ? { messageKey: 'pay.result.returned', actions: ['retry', 'home'] }
        : o.state === 'failed'
          ? { messageKey: 'pay.result.notCharged', params: { reasonKey: `pay.failure.${o.failure}` }, actions: ['retry', 'home'] }
          : { messageKey: 'pay.result.canceled', actions: ['retry', 'home'] };
    return fail(failure);
  };

  const start = async (ctx: StepContext, messageKey: string | null): Promise<StepOutcome> => {
    const payments = deps.payments();
    if (!payments) return fail({ messageKey: 'pay.error.gatewayUnavailable', actions: ['home'] });
    const notice = ctx.data.require(PAY_NOTICE);
    const method = ctx.data.get(PAY_METHOD) ?? 'code';
    const opened = await payments.service.open({ noticeNo: notice.noticeNo, item: notice.item, amountFen: notice.totalFen }, method);
    if (!opened.ok)
      return fail({
        messageKey: opened.messageKey,
        actions: opened.code === 'gatewayUnavailable' || opened.code === 'inProgress' ? ['retry', 'home'] : ['home'],
      });
    const orderId = opened.orderId;
    current = { orderId };
    const release = deps.holdSession(`payment ${orderId}`);
    void payments.service.whenFinal(orderId).finally(release);
    // the resident leaves (home, 结束办理) or the session ends: nothing stays open — an unpaid order is closed, one
    // waiting for the payer is reversed (money that moved meanwhile goes back); a paid one stays paid
    ctx.signal.addEventListener('abort', () => void payments.service.cancel(orderId).catch(() => undefined), { once: true });
    const waiting = (canceling = false) => {
      const p = payments.service.progress(orderId);
      ctx.update({
        step: 'payWaiting',
        totalFen: notice.totalFen,
        passwordAsked: p.passwordAsked,
        waitingUntil: p.waitingUntil,
        canceling,
      });
    };
    const follow = payments.service.onProgress(
      (p) => p.orderId === orderId && ['userPaying', 'querying', 'reversing'].includes(p.state) && waiting(),
    );
    const settled = (o: Promise<PaymentOutcome>) => o.finally(follow);
    const base = { step: 'payAwait' as const, totalFen: notice.totalFen, method, codeUrl: null, messageKey };

    if (method === 'qr') {
      const outcome = settled(payments.service.payByQr(orderId, (codeUrl) => ctx.update({ ...base, codeUrl })));
      return { kind: 'wait', view: base, until: outcome.then((o) => ended(ctx, o)) };
    }
    const scanner = deps.scanner();
    if (!scanner) {
      void payments.service.cancel(orderId);
      return fail({ messageKey: 'pay.error.noScanner', actions: ['back', 'home'] });
    }
    const until = scanner
      .read({ accept: ['paymentCode'], signal: ctx.signal, timeoutMs: 120_000 })
      .then(async (r): Promise<StepOutcome> => {
        if (!r.ok) {
          // nobody showed a code (or the resident left): the order was never paid, close it
          follow();
          void payments.service.cancel(orderId);
          return fail({ messageKey: r.error.code === 'timeout' ? 'pay.error.noCode' : 'pay.result.canceled', actions: ['retry', 'home'] });
        }
        if (r.value.kind === 'paymentNotice') throw new Error('scanner answered a notice to a payment-code read');
        ctx.update({ step: 'payWaiting', totalFen: notice.totalFen, passwordAsked: false, waitingUntil: null, canceling: false });
        const o = await settled(payments.service.payByCode(orderId, r.value.code));
        if (o.state === 'failed' && askAgain[o.failure]) return start(ctx, askAgain[o.failure]!);
        return ended(ctx, o);
      });
    return { kind: 'wait', view: base, until };
  };

  return {
    name: 'payCharge',
    timeoutMs: 90_000,
    answer: CancelAnswer,
    returnable: false,
    async enter(ctx) {
      current = null;
      return start(ctx, null);
    },
    async onAnswer(ctx) {
      const payments = deps.payments();
      if (!payments || !current) return fail({ messageKey: 'pay.result.canceled', actions: ['retry', 'home'] });
      const { orderId } = current;
      const p = payments.service.progress(orderId);
      ctx.update({
        step: 'payWaiting',
        totalFen: ctx.data.require(PAY_NOTICE).totalFen,
        passwordAsked: p.passwordAsked,
        waitingUntil: null,
        canceling: true,
      });
      return ended(ctx, await payments.service.cancel(orderId));
    },
  };
}

import { z } from 'zod';
import type { PaymentScanner } from '../../../../devices/payment-scanner/index.js';
import type { Payments } from '../../payment/payments.js';
import { PaymentNoticeError, type PaymentNotice } from '../../platform/payments.js';
import type { StepContext, StepHandler, StepOutcome } from '../types.js';
import { fail, next, platformFailure } from './outcomes.js';
import { PAY_NOTICE } from './pay-data.js';

const NoticeAnswer = z.object({ noticeNo: z.string().trim().max(40) }).strict();

/**
 * 缴款码: scanned from the printed notice's QR (the scanner reads only now, and only a 缴款码) or typed on the kiosk's
 * keyboard; looked up at the platform. A wrong or unknown number, or a notice already paid, keeps the resident here
 * with a message.
 */
export function payNoticeStep(deps: {
  payments: () => Payments | null;
  scanner: () => PaymentScanner | null;
}): StepHandler<z.infer<typeof NoticeAnswer>> {
  const waitForCode = (ctx: StepContext, messageKey: string | null): StepOutcome => {
    const scanner = deps.scanner();
    const view = { step: 'payNotice' as const, scanner: scanner !== null && scanner.status().state !== 'offline', messageKey };
    const until = scanner
      ?.read({ accept: ['paymentNotice'], signal: ctx.signal, timeoutMs: 10 * 60_000 })
      .then((r) => (r.ok && r.value.kind === 'paymentNotice' ? lookUp(ctx, r.value.noticeNo) : new Promise<StepOutcome>(() => undefined)));
    return { kind: 'wait', view, until };
  };
  const lookUp = async (ctx: StepContext, noticeNo: string): Promise<StepOutcome> => {
    const payments = deps.payments();
    if (!payments) return fail({ messageKey: 'pay.error.gatewayUnavailable', actions: ['home'] });
    let notice: PaymentNotice;
    try {
      notice = await payments.lookup(noticeNo, ctx.signal);
    } catch (e) {
      if (e instanceof PaymentNoticeError) return waitForCode(ctx, e.messageKey);
      throw e;
    }
    if (notice.paid) return waitForCode(ctx, 'pay.notice.alreadyPaid');
    ctx.data.set(PAY_NOTICE, notice);
    return next();
  };
  return {
    name: 'payNotice',
    timeoutMs: 20_000,
    answer: NoticeAnswer,
    async enter(ctx) {
      return waitForCode(ctx, null);
    },
    onAnswer: (ctx, a) => lookUp(ctx, a.noticeNo),
    failure: (e) => platformFailure(e, null),
  };
}

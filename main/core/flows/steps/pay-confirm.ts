import { z } from 'zod';
import type { StepHandler } from '../types.js';
import { next } from './outcomes.js';
import { PAY_METHOD, PAY_NOTICE } from './pay-data.js';

const ConfirmAnswer = z.object({ confirm: z.literal(true), method: z.enum(['code', 'qr']) }).strict();

/** What the notice is and the amount, large; nothing is charged without this explicit confirmation. */
export function payConfirmStep(deps: { scanner: () => boolean }): StepHandler<z.infer<typeof ConfirmAnswer>> {
  return {
    name: 'payConfirm',
    timeoutMs: 5_000,
    answer: ConfirmAnswer,
    async enter(ctx) {
      const n = ctx.data.require(PAY_NOTICE);
      return {
        kind: 'wait',
        view: {
          step: 'payConfirm',
          notice: {
            noticeNo: n.noticeNo,
            payer: n.payer,
            item: n.item,
            agency: n.agency,
            amountFen: n.amountFen,
            lateFeeFen: n.lateFeeFen,
            totalFen: n.totalFen,
            dueDate: n.dueDate,
          },
          scanner: deps.scanner(),
        },
      };
    },
    async onAnswer(ctx, a) {
      ctx.data.set(PAY_METHOD, a.method);
      return next();
    },
  };
}

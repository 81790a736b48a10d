import { z } from 'zod';

/** Replies of the payment API (openapi.yaml, tag payments). */
export const PaymentNoticeSchema = z.object({
  noticeNo: z.string().regex(/^\d{20}$/),
  payer: z.string(),
  item: z.string(),
  agency: z.string(),
  amountFen: z.number().int().min(0),
  lateFeeFen: z.number().int().min(0),
  totalFen: z.number().int().min(0),
  dueDate: z.string(),
  paid: z.boolean(),
});
export type PaymentNotice = z.infer<typeof PaymentNoticeSchema>;

export const gatewayOrderStates = ['notPaid', 'userPaying', 'paid', 'closed', 'reversed', 'refunded'] as const;
export type GatewayOrderState = (typeof gatewayOrderStates)[number];

export const PaymentOrderSchema = z.object({
  orderId: z.string(),
  noticeNo: z.string(),
  amountFen: z.number().int(),
  state: z.enum(gatewayOrderStates),
  wallet: z.enum(['wechat', 'alipay', 'unionpay']).nullable(),
  paidAt: z.string().nullable(),
});
export type PaymentOrder = z.infer<typeof PaymentOrderSchema>;

export const payFailures = ['codeInvalid', 'codeExpired', 'insufficientFunds', 'orderClosed'] as const;
export type PayFailure = (typeof payFailures)[number];

export const PayResultSchema = z.object({
  orderId: z.string(),
  result: z.enum(['paid', 'failed', 'userPaying']),
  failure: z.enum(payFailures).optional(),
});

export const ReverseResultSchema = z.object({
  orderId: z.string(),
  result: z.enum(['reversed', 'retry']),
  moneyReturned: z.boolean().optional(),
  reason: z.string().optional(),
});

export const CloseResultSchema = z.object({ orderId: z.string(), result: z.enum(['closed', 'alreadyPaid', 'retry']) });

export const PaymentQrSchema = z.object({ orderId: z.string(), codeUrl: z.string().url() });

export const RefundResultSchema = z.object({ orderId: z.string(), refundId: z.string(), result: z.literal('refunded') });

export const PaymentInvoiceSchema = z.object({
  orderId: z.string(),
  invoiceCode: z.string(),
  invoiceNumber: z.string(),
  checkCode: z.string(),
  issuedAt: z.string(),
  verifyUrl: z.string(),
  pdf: z.object({
    contentType: z.literal('application/pdf'),
    pages: z.number().int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    base64: z.string(),
  }),
});

export const PaymentStatementSchema = z.object({
  terminal: z.string(),
  date: z.string(),
  orders: z.array(
    z.object({
      orderId: z.string(),
      noticeNo: z.string(),
      state: z.enum(gatewayOrderStates),
      amountFen: z.number().int(),
      paidAt: z.string().nullable(),
    }),
  ),
  totals: z.object({ orders: z.number().int(), paid: z.number().int(), paidFen: z.number().int() }),
});
export type PaymentStatement = z.infer<typeof PaymentStatementSchema>;

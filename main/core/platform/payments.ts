import { createHash } from 'node:crypto';
import type { PlatformClient } from './client.js';
import { PlatformError } from './errors.js';
import {
  CloseResultSchema,
  PaymentInvoiceSchema,
  PaymentNoticeSchema,
  PaymentOrderSchema,
  PaymentQrSchema,
  PaymentStatementSchema,
  PayResultSchema,
  RefundResultSchema,
  ReverseResultSchema,
  type GatewayOrderState,
  type PayFailure,
  type PaymentNotice,
  type PaymentStatement,
} from './payments-schemas.js';

export type { GatewayOrderState, PayFailure, PaymentNotice, PaymentStatement } from './payments-schemas.js';

/**
 * The payment gateway as the payment journal sees it. Every call answers a value, never throws for a gateway or
 * network fault: `unknown` / `error` mean the call may or may not have taken effect, which the journal resolves
 * by querying. The journal's tests use a fake of this interface.
 */
export interface PaymentGatewayPort {
  createOrder(a: { orderId: string; noticeNo: string; amountFen: number }): Promise<CreateReply>;
  payByCode(orderId: string, authCode: string): Promise<PayReply>;
  query(orderId: string, waitMs?: number): Promise<QueryReply>;
  reverse(orderId: string): Promise<ReverseReply>;
  close(orderId: string): Promise<CloseReply>;
  qr(orderId: string): Promise<{ kind: 'qr'; codeUrl: string } | { kind: 'error'; detail: string }>;
  refund(orderId: string, refundId: string, amountFen: number): Promise<RefundReply>;
}

export type CreateReply =
  | { kind: 'created' }
  | { kind: 'refused'; reason: 'alreadyPaid' | 'amountMismatch' | 'notFound' | 'conflict' }
  | { kind: 'error'; detail: string };
export type PayReply =
  { kind: 'paid' } | { kind: 'failed'; failure: PayFailure } | { kind: 'userPaying' } | { kind: 'unknown'; detail: string };
export type QueryReply = { kind: 'state'; state: GatewayOrderState } | { kind: 'notFound' } | { kind: 'error'; detail: string };
export type ReverseReply =
  | { kind: 'reversed'; moneyReturned: boolean }
  | { kind: 'retry'; reason: string }
  | { kind: 'refunded' }
  | { kind: 'notFound' }
  | { kind: 'error'; detail: string };
export type CloseReply =
  { kind: 'closed' } | { kind: 'alreadyPaid' } | { kind: 'retry' } | { kind: 'notFound' } | { kind: 'error'; detail: string };
export type RefundReply = { kind: 'refunded' } | { kind: 'refused'; reason: string } | { kind: 'error'; detail: string };

const enc = encodeURIComponent;
const status = (e: unknown) => (e instanceof PlatformError ? e.detail.status : undefined);
const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const refusal = (e: unknown) => (e instanceof PlatformError ? /HTTP \d+ (\w+):/.exec(e.message)?.[1] : undefined);

/** The platform's payment API as a `PaymentGatewayPort`. */
export function platformPaymentGateway(client: PlatformClient, o: { payTimeoutMs?: number } = {}): PaymentGatewayPort {
  return {
    async createOrder(a) {
      try {
        await client.post('/api/v1/payments/orders', { body: a, schema: PaymentOrderSchema });
        return { kind: 'created' };
      } catch (e) {
        const code = refusal(e);
        if (status(e) === 404) return { kind: 'refused', reason: 'notFound' };
        if (code === 'alreadyPaid' || code === 'amountMismatch' || code === 'conflict') return { kind: 'refused', reason: code };
        return { kind: 'error', detail: detailOf(e) };
      }
    },
    async payByCode(orderId, authCode) {
      try {
        const r = await client.post(`/api/v1/payments/orders/${enc(orderId)}/pay`, {
          body: { authCode },
          schema: PayResultSchema,
          signal: AbortSignal.timeout(o.payTimeoutMs ?? 10_000),
        });
        if (r.result === 'failed') return { kind: 'failed', failure: r.failure ?? 'codeInvalid' };
        return { kind: r.result };
      } catch (e) {
        // a refusal before processing (4xx other than 404) moved no money; everything else is unknown
        if (status(e) === 404) return { kind: 'failed', failure: 'orderClosed' };
        return { kind: 'unknown', detail: detailOf(e) };
      }
    },
    async query(orderId, waitMs) {
      try {
        const r = await client.get(`/api/v1/payments/orders/${enc(orderId)}`, {
          query: { waitMs: waitMs || undefined },
          schema: PaymentOrderSchema,
        });
        return { kind: 'state', state: r.state };
      } catch (e) {
        if (status(e) === 404) return { kind: 'notFound' };
        return { kind: 'error', detail: detailOf(e) };
      }
    },
    async reverse(orderId) {
      try {
        const r = await client.post(`/api/v1/payments/orders/${enc(orderId)}/reverse`, { body: {}, schema: ReverseResultSchema });
        return r.result === 'reversed'
          ? { kind: 'reversed', moneyReturned: r.moneyReturned ?? false }
          : { kind: 'retry', reason: r.reason ?? '' };
      } catch (e) {
        if (status(e) === 404) return { kind: 'notFound' };
        if (refusal(e) === 'refunded') return { kind: 'refunded' };
        return { kind: 'error', detail: detailOf(e) };
      }
    },
    async close(orderId) {
      try {
        const r = await client.post(`/api/v1/payments/orders/${enc(orderId)}/close`, { body: {}, schema: CloseResultSchema });
        return { kind: r.result };
      } catch (e) {
        if (status(e) === 404) return { kind: 'notFound' };
        return { kind: 'error', detail: detailOf(e) };
      }
    },
    async qr(orderId) {
      try {
        const r = await client.post(`/api/v1/payments/orders/${enc(orderId)}/qr`, { body: {}, schema: PaymentQrSchema });
        return { kind: 'qr', codeUrl: r.codeUrl };
      } catch (e) {
        return { kind: 'error', detail: detailOf(e) };
      }
    },
    async refund(orderId, refundId, amountFen) {
      try {
        await client.post(`/api/v1/payments/orders/${enc(orderId)}/refunds`, { body: { refundId, amountFen }, schema: RefundResultSchema });
        return { kind: 'refunded' };
      } catch (e) {
        const code = refusal(e);
        if (code) return { kind: 'refused', reason: code };
        return { kind: 'error', detail: detailOf(e) };
      }
    },
  };
}

export class PaymentNoticeError extends Error {
  readonly messageKey: `pay.error.${'invalidNotice' | 'noticeNotFound'}`;
  constructor(readonly code: 'invalidNotice' | 'noticeNotFound') {
    super(code === 'invalidNotice' ? 'a 缴款码 is 20 digits' : 'no payment notice with this number');
    this.name = 'PaymentNoticeError';
    this.messageKey = `pay.error.${code}`;
  }
}

/** A 缴款码 as typed on the kiosk's keyboard or scanned: what is due. */
export async function lookupPaymentNotice(
  client: PlatformClient,
  noticeNo: string,
  options: { signal?: AbortSignal } = {},
): Promise<PaymentNotice> {
  const n = noticeNo.replace(/\s+/g, '');
  if (!/^\d{20}$/.test(n)) throw new PaymentNoticeError('invalidNotice');
  try {
    return await client.get(`/api/v1/payments/notices/${n}`, { schema: PaymentNoticeSchema, signal: options.signal });
  } catch (e) {
    if (status(e) === 404) throw new PaymentNoticeError('noticeNotFound');
    throw e;
  }
}

export interface PaymentInvoice {
  invoiceCode: string;
  invoiceNumber: string;
  checkCode: string;
  issuedAt: string;
  verifyUrl: string;
  pdf: Uint8Array;
}

/** The 财政电子票据 of a paid order; its PDF checked against the SHA-256 before anyone prints it. */
export async function fetchPaymentInvoice(
  client: PlatformClient,
  orderId: string,
  options: { signal?: AbortSignal } = {},
): Promise<PaymentInvoice> {
  const r = await client.get(`/api/v1/payments/orders/${enc(orderId)}/invoice`, { schema: PaymentInvoiceSchema, signal: options.signal });
  const pdf = new Uint8Array(Buffer.from(r.pdf.base64, 'base64'));
  if (createHash('sha256').update(pdf).digest('hex') !== r.pdf.sha256)
    throw new PlatformError('badReply', `GET invoice: the PDF does not match its sha256`, { field: 'pdf.sha256' });
  return {
    invoiceCode: r.invoiceCode,
    invoiceNumber: r.invoiceNumber,
    checkCode: r.checkCode,
    issuedAt: r.issuedAt,
    verifyUrl: r.verifyUrl,
    pdf,
  };
}

/** The platform's statement of this terminal's orders on one day (reconciliation). */
export function fetchPaymentStatement(
  client: PlatformClient,
  date: string,
  options: { signal?: AbortSignal } = {},
): Promise<PaymentStatement> {
  return client.get('/api/v1/payment-statement', { query: { date }, schema: PaymentStatementSchema, signal: options.signal });
}

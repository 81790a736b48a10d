import { createHash } from 'node:crypto';
import { invoicePdf } from './invoice-pdf.js';
import type { PaymentGateway } from './payment-gateway.js';

export type RouteReply = { status: number; body: unknown } | { drop: true } | { delayMs: number; reply: { status: number; body: unknown } };

const fail = (status: number, code: string, message: string): RouteReply => ({ status, body: { error: { code, message } } });
const okReply = (body: unknown): RouteReply => ({ status: 200, body });

const ORDER_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The payment API's routes (main/core/platform/openapi.yaml, tag payments); null when the path is not one of them. */
export async function handlePaymentRoute(
  gw: PaymentGateway,
  r: { method: string; url: URL; body: Record<string, unknown> | null; terminal: string },
): Promise<RouteReply | null> {
  const path = r.url.pathname;
  if (!path.startsWith('/api/v1/payments/')) return null;
  if (gw.faults.has('gatewayDown')) return { drop: true };

  const notice = /^\/api\/v1\/payments\/notices\/([^/]+)$/.exec(path);
  if (notice && r.method === 'GET') {
    const n = gw.notice(decodeURIComponent(notice[1]!));
    if (!n) return fail(404, 'notFound', 'no payment notice with this number');
    return okReply({
      noticeNo: n.noticeNo,
      payer: n.payer,
      item: n.item,
      agency: n.agency,
      amountFen: n.amountFen,
      lateFeeFen: n.lateFeeFen,
      totalFen: n.totalFen,
      dueDate: n.dueDate,
      paid: n.paid,
    });
  }
  if (path === '/api/v1/payments/orders' && r.method === 'POST') {
    const b = r.body;
    if (!b || typeof b.orderId !== 'string' || !ORDER_ID.test(b.orderId))
      return fail(400, 'badRequest', 'orderId (8–64 letters, digits, - or _) is required');
    if (typeof b.noticeNo !== 'string' || typeof b.amountFen !== 'number' || !Number.isInteger(b.amountFen) || b.amountFen <= 0)
      return fail(400, 'badRequest', 'noticeNo and amountFen (a whole number of fen) are required');
    const created = gw.createOrder(r.terminal, { orderId: b.orderId, noticeNo: b.noticeNo, amountFen: b.amountFen });
    if ('order' in created) return okReply(created.order);
    const status = { conflict: 409, notFound: 404, alreadyPaid: 409, amountMismatch: 409 }[created.error];
    return fail(status, created.error, `order refused: ${created.error}`);
  }
  const m = /^\/api\/v1\/payments\/orders\/([^/]+)(?:\/(pay|reverse|close|qr|refunds|invoice))?$/.exec(path);
  if (!m) return fail(404, 'notFound', `no ${r.method} ${path}`);
  const orderId = decodeURIComponent(m[1]!);
  const action = m[2];
  const notFound = fail(404, 'notFound', 'no order with this id');

  if (!action && r.method === 'GET') {
    const waitMs = Math.min(Number(r.url.searchParams.get('waitMs') ?? 0) || 0, 30_000);
    const q = await gw.waitQuery(orderId, waitMs);
    return q ? okReply(q) : notFound;
  }
  if (r.method === 'POST' && action === 'pay') {
    const code = r.body?.authCode;
    if (typeof code !== 'string' || code.length > 64) return fail(400, 'badRequest', 'authCode is required');
    const res = gw.payByCode(orderId, code);
    if (!res) return notFound;
    if (gw.faults.has('paySystemError')) return fail(500, 'systemError', 'payment system busy; query the order');
    if (gw.faults.has('payLostReply')) return { drop: true };
    if (gw.faults.has('payTimeout')) return { delayMs: gw.timings.payTimeoutMs, reply: { status: 200, body: { orderId, ...res } } };
    return okReply({ orderId, ...res });
  }
  if (r.method === 'POST' && action === 'reverse') {
    const res = gw.reverse(orderId);
    if ('error' in res) return res.error === 'notFound' ? notFound : fail(409, 'refunded', 'the order was refunded');
    return okReply({ orderId, ...res });
  }
  if (r.method === 'POST' && action === 'close') {
    const res = gw.close(orderId);
    return 'error' in res ? notFound : okReply({ orderId, ...res });
  }
  if (r.method === 'POST' && action === 'qr') {
    const res = gw.qr(orderId);
    return res ? okReply({ orderId, ...res }) : fail(409, 'notPayable', 'the order is not waiting for payment');
  }
  if (r.method === 'POST' && action === 'refunds') {
    const b = r.body;
    if (!b || typeof b.refundId !== 'string' || !ORDER_ID.test(b.refundId) || typeof b.amountFen !== 'number')
      return fail(400, 'badRequest', 'refundId and amountFen are required');
    const res = gw.refund(orderId, b.refundId, b.amountFen);
    if ('error' in res) return res.error === 'notFound' ? notFound : fail(409, res.error, `refund refused: ${res.error}`);
    return okReply({ orderId, refundId: b.refundId, ...res });
  }
  if (r.method === 'GET' && action === 'invoice') {
    const inv = gw.invoice(orderId);
    const order = gw.query(orderId);
    const n = order ? gw.notice(order.noticeNo) : null;
    if (!inv || !order || !n) return fail(404, 'notFound', 'no e-invoice: the order is not paid');
    const pdf = Buffer.from(
      await invoicePdf({
        ...inv,
        payer: n.payer,
        item: n.item,
        agency: n.agency,
        amountFen: order.amountFen,
        issuedAt: new Date(inv.issuedAt),
      }),
    );
    return okReply({
      orderId,
      ...inv,
      pdf: {
        contentType: 'application/pdf',
        pages: 1,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        base64: pdf.toString('base64'),
      },
    });
  }
  return fail(405, 'methodNotAllowed', `no ${r.method} ${path}`);
}

/** GET /api/v1/payments-statement?date=YYYY-MM-DD: handled apart because it is no order path. */
export function handleStatementRoute(gw: PaymentGateway, r: { method: string; url: URL; terminal: string }): RouteReply | null {
  if (r.url.pathname !== '/api/v1/payment-statement' || r.method !== 'GET') return null;
  const date = r.url.searchParams.get('date') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return fail(400, 'badRequest', 'date=YYYY-MM-DD is required');
  return okReply(gw.statement(r.terminal, date));
}

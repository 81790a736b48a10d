import type { Reconciliation, ReconciliationRow } from '../payment/reconcile.js';
import { formatDateTime } from '../time/format.js';
import { A4, drawText, mm, newComposer, pageNumbers } from './pdf-kit.js';

/** ¥200.00 from fen (integers all the way; never a float sum). */
export const yuan = (fen: number) => `¥${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

const stateZh: Record<string, string> = {
  created: '已创建',
  awaitingCode: '待付款码',
  paying: '支付中',
  userPaying: '待输密码',
  querying: '查询中',
  paid: '已支付',
  failed: '失败',
  reversing: '撤销中',
  reversed: '已撤销',
  closed: '已关闭',
  refunding: '退款中',
  refunded: '已退款',
  notPaid: '未支付',
};
const state = (s: string | null) => (s === null ? '无记录' : `${stateZh[s] ?? s}`);

/**
 * 对账单: one day's orders of this terminal as the journal and the platform each see them, the totals, and the
 * disagreements marked. Order and notice numbers only: the journal holds no payer's name or ID number.
 */
export async function composeReconciliation(o: {
  terminalId: string;
  reconciliation: Reconciliation;
  at: Date;
  timeZone: string;
}): Promise<Uint8Array> {
  const r = o.reconciliation;
  const c = await newComposer(`对账单 ${o.terminalId} ${r.date}`);
  const perPage = 30;
  const line = (x: ReconciliationRow) =>
    `${x.agree ? '  ' : '× '}${x.orderId}  ${x.noticeNo}  ${yuan(x.amountFen)}  终端:${state(x.journalState)}  平台:${state(x.platformState)}`;
  for (let start = 0; start === 0 || start < r.rows.length; start += perPage) {
    const page = c.doc.addPage([A4.width, A4.height]);
    drawText(c, page, `对账单 Reconciliation · ${o.terminalId} · ${r.date}`, { x: mm(20), y: A4.height - mm(22), size: 16 });
    drawText(c, page, `生成时间 ${formatDateTime(o.at, o.timeZone)}`, { x: mm(20), y: A4.height - mm(30), size: 10 });
    if (start === 0) {
      const t = r.totals;
      drawText(
        c,
        page,
        `订单 ${t.orders} 笔；终端已支付 ${t.paid} 笔 ${yuan(t.paidFen)}；平台已支付 ${yuan(t.platformPaidFen)}；不一致 ${r.disagreements.length} 笔；未完成 ${r.unfinished.length} 笔`,
        { x: mm(20), y: A4.height - mm(38), size: 11 },
      );
    }
    if (r.rows.length === 0) drawText(c, page, '当日没有订单。', { x: mm(20), y: A4.height - mm(50), size: 12 });
    r.rows.slice(start, start + perPage).forEach((x, i) => {
      drawText(c, page, line(x), { x: mm(20), y: A4.height - mm(50) - i * 18, size: 9 });
    });
  }
  pageNumbers(c);
  return c.doc.save({ useObjectStreams: false });
}

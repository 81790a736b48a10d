import type { ReceiptDocument } from '../../../devices/printer/index.js';
import { formatDateTime } from '../time/format.js';

export interface PaymentReceiptData {
  item: string;
  agency: string;
  noticeNo: string;
  orderId: string;
  totalFen: number;
  /** The 财政电子票据 when the platform has issued it. */
  invoice: { invoiceCode: string; invoiceNumber: string; checkCode: string; verifyUrl: string } | null;
  paidAt: Date;
  timeZone: string;
  terminalId: string;
  hotline: string;
}

export const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The thermal 缴费凭条 after a payment: what was paid, how much, when, the e-invoice's numbers and its QR. No name. */
export function paymentReceipt(d: PaymentReceiptData): ReceiptDocument {
  return {
    blocks: [
      { kind: 'text', text: '缴费凭条', align: 'center', size: 2 },
      { kind: 'text', text: `项目：${d.item}` },
      { kind: 'text', text: `执收单位：${d.agency}` },
      { kind: 'text', text: `缴款码：${d.noticeNo}` },
      { kind: 'text', text: `金额：￥${yuan(d.totalFen)}`, size: 2 },
      { kind: 'text', text: `支付时间：${formatDateTime(d.paidAt, d.timeZone)}` },
      { kind: 'text', text: `订单号：${d.orderId}` },
      ...(d.invoice
        ? [
            { kind: 'text' as const, text: `票据代码：${d.invoice.invoiceCode}` },
            { kind: 'text' as const, text: `票据号码：${d.invoice.invoiceNumber}` },
            { kind: 'text' as const, text: `校验码：${d.invoice.checkCode}` },
            { kind: 'qr' as const, data: d.invoice.verifyUrl, align: 'center' as const },
          ]
        : []),
      { kind: 'text', text: `终端：${d.terminalId}` },
      { kind: 'text', text: `咨询电话 ${d.hotline}`, align: 'center' },
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}

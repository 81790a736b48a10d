import type { ReceiptDocument } from '../../../devices/printer/index.js';
import { formatDateTime } from '../time/format.js';
import { A4, drawText, mm, newComposer, pageNumbers, wrap } from './pdf-kit.js';
import { drawFieldRows, drawMaterialList, receiptPage } from './receipt-sections.js';

/** What the apply flow's slips say: the case (accepted), or the local reference of a saved, not yet sent, one. */
export type ApplySlipData = {
  matterName: string;
  at: Date;
  timeZone: string;
  terminalId: string;
  hotline: string;
} & (
  | { kind: 'accepted'; caseNumber: string; queryCode: string; promisedDate: string | null; queryUrl: string | null }
  | { kind: 'queued'; localReference: string }
);

/** Said on every paper for a queued application: saved here, sent by itself later; never "submitted". */
export const SAVED_NOT_SUBMITTED = '已保存，网络恢复后自动提交';
const SAVED_NEXT = '办件编号将以短信告知，也可凭身份证在本机“进度查询”。';

/** The thermal slip: case number and 查询码 (with the QR of the case's page), or the local reference when saved. */
export function applySlip(d: ApplySlipData): ReceiptDocument {
  const head =
    d.kind === 'accepted'
      ? [
          { kind: 'text' as const, text: '受理凭条', align: 'center' as const, size: 2 as const },
          { kind: 'text' as const, text: `办件编号：${d.caseNumber}` },
          { kind: 'text' as const, text: `查询码：${d.queryCode}` },
          ...(d.promisedDate ? [{ kind: 'text' as const, text: `承诺办结：${d.promisedDate}` }] : []),
        ]
      : [
          { kind: 'text' as const, text: '申请保存凭条', align: 'center' as const, size: 2 as const },
          { kind: 'text' as const, text: SAVED_NOT_SUBMITTED },
          { kind: 'text' as const, text: `本机编号：${d.localReference}` },
          { kind: 'text' as const, text: SAVED_NEXT },
        ];
  return {
    blocks: [
      ...head,
      { kind: 'text', text: `事项：${d.matterName}` },
      { kind: 'text', text: `时间：${formatDateTime(d.at, d.timeZone)}` },
      { kind: 'text', text: `终端：${d.terminalId}` },
      ...(d.kind === 'accepted' && d.queryUrl ? [{ kind: 'qr' as const, data: d.queryUrl, align: 'center' as const }] : []),
      { kind: 'text', text: `咨询电话 ${d.hotline}`, align: 'center' },
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}

export interface SavedReceipt {
  localReference: string;
  matterName: string;
  /** Already masked by the caller (张**). */
  applicant: string;
  terminalId: string;
  outlet: string;
  savedAt: Date;
  timeZone: string;
  materials: string[];
  hotline: string;
}

/** The A4 paper for an application saved on the terminal while the platform was unreachable. */
export async function composeSavedReceipt(r: SavedReceipt): Promise<Uint8Array> {
  const c = await newComposer(`申请保存回执 ${r.localReference}`);
  const { page, left, width, y: top } = receiptPage(c);
  let y = top;
  drawText(c, page, '政务服务事项申请保存回执', { x: A4.width / 2, y, size: 22, align: 'center' });
  y -= 34;
  drawText(c, page, `${SAVED_NOT_SUBMITTED}（尚未提交）`, { x: A4.width / 2, y, size: 15, align: 'center' });
  y -= 36;
  const rows: [string, string][] = [
    ['本机编号', r.localReference],
    ['事项名称', r.matterName],
    ['申请人', r.applicant],
    ['保存时间', formatDateTime(r.savedAt, r.timeZone)],
    ['终端', `${r.terminalId}（${r.outlet}）`],
  ];
  y = drawFieldRows(c, page, rows, { left, width, y });
  y = drawMaterialList(c, page, '已保存的材料：', r.materials, { left, width, y: y - 8 });
  y -= 10;
  for (const line of wrap(c, `${SAVED_NEXT}如有疑问请拨打 ${r.hotline}。`, 12, width)) {
    drawText(c, page, line, { x: left, y, size: 12 });
    y -= 17;
  }
  drawText(c, page, '请妥善保管本回执。', { x: left, y: mm(33), size: 11 });
  pageNumbers(c);
  return c.doc.save({ useObjectStreams: false });
}

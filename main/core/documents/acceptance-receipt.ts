import { formatDateTime } from '../time/format.js';
import { A4, drawQr, drawText, mm, newComposer, pageNumbers } from './pdf-kit.js';
import { drawFieldRows, drawMaterialList, receiptPage } from './receipt-sections.js';

export interface AcceptanceReceipt {
  caseId: string;
  matterName: string;
  agency: string;
  /** Already masked by the caller (张**), never the full name. */
  applicant: string;
  terminalId: string;
  outlet: string;
  acceptedAt: Date;
  /** The terminal's zone (config `terminal.timeZone`) the time is written in. */
  timeZone: string;
  promisedDays: number | null;
  materials: string[];
  progressUrl: string;
  hotline: string;
  /** 查询码 printed with the case number: the progress query asks for both (apply flow). */
  queryCode?: string | null;
  /** The platform's promised completion date (YYYY-MM-DD), shown instead of the days when given. */
  promisedDate?: string | null;
  /** The platform accepted it pending a review by the agency (需审查): said on the receipt. */
  needsReview?: boolean;
}

/** 受理回执: what was accepted, when, by whom, when to expect the result, and how to check progress. */
export async function composeAcceptanceReceipt(r: AcceptanceReceipt): Promise<Uint8Array> {
  const c = await newComposer(`受理回执 ${r.caseId}`);
  const { page, left, width, y: top } = receiptPage(c);
  let y = top;
  drawText(c, page, '政务服务事项受理回执', { x: A4.width / 2, y, size: 22, align: 'center' });
  y -= 40;
  const rows: [string, string][] = [
    ['办件编号', r.caseId],
    ...(r.queryCode ? ([['查询码', r.queryCode]] as [string, string][]) : []),
    ['事项名称', r.matterName],
    ['受理机关', r.agency],
    ['申请人', r.applicant],
    ['受理时间', formatDateTime(r.acceptedAt, r.timeZone)],
    r.promisedDate
      ? ['承诺办结', r.promisedDate]
      : ['承诺时限', r.promisedDays === null ? '以窗口告知为准' : r.promisedDays === 0 ? '即办' : `${r.promisedDays} 个工作日`],
    ...(r.needsReview ? ([['办理状态', '已受理，待部门审查']] as [string, string][]) : []),
    ['受理终端', `${r.terminalId}（${r.outlet}）`],
  ];
  y = drawFieldRows(c, page, rows, { left, width, y });
  drawMaterialList(c, page, '已提交材料：', r.materials, { left, width, y: y - 8 });
  drawQr(page, r.progressUrl, { x: A4.width - mm(25) - mm(35), y: mm(30), size: mm(35) });
  drawText(c, page, '扫码查询办理进度，或拨打 ' + r.hotline, { x: left, y: mm(40), size: 11 });
  drawText(c, page, '请妥善保管本回执。', { x: left, y: mm(33), size: 11 });
  pageNumbers(c);
  return c.doc.save({ useObjectStreams: false });
}

import type { ReceiptDocument } from '../../../devices/printer/index.js';
import { rgb, type PDFPage } from 'pdf-lib';
import type { CaseDelivery, CaseEvent, CaseNextStep, CaseResult, PlatformCase } from '../platform/cases-schemas.js';
import { formatDateTime } from '../time/format.js';
import { A4, drawQr, drawText, mm, newComposer, pageNumbers, wrap, type Composer } from './pdf-kit.js';
import { serviceReceipt } from './service-receipt.js';

/** How a slip is dated and signed: the terminal's time zone, its id and the hotline. */
export interface SlipOptions {
  timeZone: string;
  terminalId: string;
  hotline: string;
  /** When it is printed; now by default. */
  at?: Date;
}

const stateNames: Record<PlatformCase['state'], string> = {
  accepted: '已受理',
  reviewing: '审查中',
  decided: '已决定',
  completed: '已办结',
  rejected: '不予受理',
  needsSupplement: '待补正',
};
const channelNames: Record<PlatformCase['channel'], string> = {
  window: '窗口',
  online: '网上办事大厅',
  terminal: '自助终端',
  mobile: '移动端',
};
const outcomeNames: Record<CaseResult['outcome'], string> = { granted: '准予', refused: '不予许可', notAccepted: '不予受理' };

function deliveryText(d: CaseDelivery): string {
  switch (d.method) {
    case 'window':
      return `窗口领取（${{ preparing: '制作中', ready: '可领取', collected: '已领取' }[d.status]}）：${d.place}`;
    case 'selfService':
      return `自助取件（${{ preparing: '准备中', ready: '可取件', collected: '已取件' }[d.status]}）：${d.place}`;
    case 'post':
      return `邮寄（${{ preparing: '待寄出', sent: '已寄出', delivered: '已签收' }[d.status]}）：${d.carrier}${d.trackingNumber ? ` 运单号 ${d.trackingNumber}` : ''}`;
    case 'electronic':
      return `电子证照（${{ preparing: '制作中', issued: '已发放' }[d.status]}）`;
  }
}

/** What the resident must do next, as label/value pairs (shared by the A4 slip and the thermal one). */
function nextStepRows(n: CaseNextStep | null, timeZone: string): [string, string][] {
  if (!n) return [];
  if (n.kind === 'collect')
    return [['请领取', n.where], ...(n.until ? [['领取期限', `${formatDateTime(n.until, timeZone)} 前`] as [string, string]] : [])];
  return [
    ['请补正材料', n.materials.map((m) => m.name).join('、')],
    ...(n.deadline ? [['补正期限', `${formatDateTime(n.deadline, timeZone)} 前`] as [string, string]] : []),
    ['补正地点', n.where],
  ];
}

/** The case at a glance: state, dates, result (the timeline and the material reasons are the A4 slip's). */
function summaryRows(c: PlatformCase, timeZone: string): [string, string][] {
  return [
    ['当前状态', stateNames[c.state]],
    ['申请时间', `${formatDateTime(c.submittedAt, timeZone)}（${channelNames[c.channel]}）`],
    ...(c.promisedBy ? [['承诺办结', formatDateTime(c.promisedBy, timeZone)] as [string, string]] : []),
    ...(c.result
      ? [
          ['办理结果', `${outcomeNames[c.result.outcome]} · ${c.result.name}${c.result.note ? `（${c.result.note}）` : ''}`] as [
            string,
            string,
          ],
          ['送达方式', deliveryText(c.result.delivery)] as [string, string],
        ]
      : []),
  ];
}

/** A page being filled from the top; `room` starts a new page when what comes next does not fit. */
interface Sheet {
  k: Composer;
  page: PDFPage;
  y: number;
}
const left = mm(22);
const width = A4.width - 2 * left;
const bottom = mm(55); // above the QR code and the footer

function room(s: Sheet, needed: number): void {
  if (s.y - needed >= bottom) return;
  s.page = s.k.doc.addPage([A4.width, A4.height]);
  s.y = A4.height - mm(25);
}

function row(s: Sheet, label: string, value: string): void {
  const lines = wrap(s.k, value, 12, width - 90);
  room(s, 17 * lines.length);
  drawText(s.k, s.page, `${label}：`, { x: left, y: s.y, size: 12 });
  lines.forEach((line, i) => drawText(s.k, s.page, line, { x: left + 90, y: s.y - i * 17, size: 12 }));
  s.y -= 17 * lines.length + 5;
}

function listItem(s: Sheet, text: string): void {
  const lines = wrap(s.k, text, 12, width - 16);
  room(s, 17 * lines.length);
  lines.forEach((line, i) => drawText(s.k, s.page, line, { x: left + (i ? 16 : 0), y: s.y - i * 17, size: 12 }));
  s.y -= 17 * lines.length + 5;
}

function heading(s: Sheet, text: string): void {
  room(s, 40);
  s.y -= 10;
  drawText(s.k, s.page, text, { x: left, y: s.y, size: 14 });
  s.y -= 22;
}

/** The timeline, oldest first: a dot per event on one vertical line (the latest filled), time, step and note. */
function timeline(s: Sheet, events: CaseEvent[], timeZone: string): void {
  const x = left + 8;
  const black = rgb(0, 0, 0);
  events.forEach((e, i) => {
    const lines = wrap(s.k, `${e.title}${e.note ? `：${e.note}` : ''}`, 11, width - 150);
    const height = lines.length * 15 + 10;
    room(s, height);
    const latest = i === events.length - 1;
    if (latest) s.page.drawCircle({ x, y: s.y + 4, size: 4.5, color: black });
    else {
      s.page.drawCircle({ x, y: s.y + 4, size: 3, borderColor: black, borderWidth: 1 });
      s.page.drawLine({ start: { x, y: s.y + 1 }, end: { x, y: s.y - height + 7 }, thickness: 1, color: black });
    }
    drawText(s.k, s.page, formatDateTime(e.at, timeZone), { x: x + 14, y: s.y, size: 10 });
    lines.forEach((line, j) => drawText(s.k, s.page, line, { x: x + 135, y: s.y - j * 15, size: 11 }));
    s.y -= height;
  });
}

/**
 * 办件进度单 on A4: the case, its timeline as a vertical progress line, the result and how it is delivered, what to
 * do next, and a QR code to the platform's page of the case. The holder's name only as the platform masked it;
 * no ID number (the case data carries none).
 */
export async function composeProgressSlip(c: PlatformCase, o: SlipOptions): Promise<Uint8Array> {
  const k = await newComposer(`办件进度 ${c.caseNumber}`);
  const s: Sheet = { k, page: k.doc.addPage([A4.width, A4.height]), y: A4.height - mm(28) };
  drawText(k, s.page, '政务服务办件进度单', { x: A4.width / 2, y: s.y, size: 22, align: 'center' });
  s.y -= 40;
  row(s, '办件编号', c.caseNumber);
  row(s, '事项名称', c.matter.name);
  row(s, '办理机关', c.agency);
  row(s, '申请人', c.holderName);
  for (const [label, value] of summaryRows(c, o.timeZone)) row(s, label, value);

  heading(s, '办理过程');
  timeline(s, c.timeline, o.timeZone);

  if (c.nextStep?.kind === 'supplement') {
    heading(s, '请补正以下材料');
    c.nextStep.materials.forEach((m, i) => listItem(s, `${i + 1}. ${m.name}${m.reason ? `（${m.reason}）` : ''}`));
    for (const [label, value] of nextStepRows(c.nextStep, o.timeZone).slice(1)) row(s, label, value);
  } else if (c.nextStep) {
    heading(s, '请领取办理结果');
    for (const [label, value] of nextStepRows(c.nextStep, o.timeZone)) row(s, label, value);
  }

  const last = s.page;
  drawQr(last, c.queryUrl, { x: A4.width - left - mm(32), y: mm(18), size: mm(32) });
  drawText(k, last, '扫码查看最新办理进度', { x: left, y: mm(44), size: 11 });
  drawText(k, last, `咨询电话 ${o.hotline}`, { x: left, y: mm(37), size: 11 });
  drawText(k, last, `打印时间 ${formatDateTime(o.at ?? new Date(), o.timeZone)} · 终端 ${o.terminalId}`, { x: left, y: mm(29), size: 9 });
  drawText(k, last, '本单反映打印时的办理进度，以政务服务平台公布为准。', { x: left, y: mm(22), size: 9 });
  pageNumbers(k);
  return k.doc.save({ useObjectStreams: false });
}

/** The same case on the thermal printer: the summary, the latest step, what to do next and the QR code. */
export function progressSlipReceipt(c: PlatformCase, o: SlipOptions): ReceiptDocument {
  const latest = c.timeline.at(-1)!;
  return serviceReceipt({
    kind: 'progress',
    caseId: c.caseNumber,
    matterName: c.matter.name,
    verificationCode: null,
    verifyUrl: c.queryUrl,
    lines: [
      ...summaryRows(c, o.timeZone),
      ['最新进展', `${formatDateTime(latest.at, o.timeZone)} ${latest.title}`] as [string, string],
      ...nextStepRows(c.nextStep, o.timeZone),
    ].map(([label, value]) => ({ label, value })),
    at: o.at ?? new Date(),
    timeZone: o.timeZone,
    terminalId: o.terminalId,
    hotline: o.hotline,
  });
}

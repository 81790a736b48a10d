import { formatDateTime } from '../time/format.js';
import { A4, drawQr, drawText, mm, newComposer, pageNumbers } from './pdf-kit.js';

/** The technicians' one-page A4 test page: terminal, time, a Chinese sample line, a QR code, margins marked. */
export async function composeTestPage(o: {
  terminalId: string;
  printerUri: string;
  at: Date;
  /** The terminal's zone (config `terminal.timeZone`). */
  timeZone: string;
}): Promise<Uint8Array> {
  const c = await newComposer('打印测试页');
  const page = c.doc.addPage([A4.width, A4.height]);
  page.drawRectangle({ x: mm(10), y: mm(10), width: A4.width - mm(20), height: A4.height - mm(20), borderWidth: 0.5 });
  drawText(c, page, '打印测试页 Print test page', { x: A4.width / 2, y: A4.height - mm(35), size: 22, align: 'center' });
  const lines = [
    `终端编号 Terminal: ${o.terminalId}`,
    `时间 Time: ${formatDateTime(o.at, o.timeZone, 'zh-CN', { seconds: true })} (${o.timeZone})`,
    `打印机 Printer: ${o.printerUri}`,
    '政务服务自助终端打印测试',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789',
  ];
  lines.forEach((l, i) => drawText(c, page, l, { x: mm(25), y: A4.height - mm(60) - i * 24, size: 14 }));
  drawQr(page, `KIOSK-TEST|${o.terminalId}|${o.at.toISOString()}`, { x: A4.width / 2 - mm(25), y: mm(60), size: mm(50) });
  drawText(c, page, '扫码核对终端与时间 Scan to check terminal and time', { x: A4.width / 2, y: mm(52), size: 10, align: 'center' });
  pageNumbers(c);
  return c.doc.save({ useObjectStreams: false });
}

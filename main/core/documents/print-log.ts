import type { AuditEntry } from '../store/audit.js';
import { formatDateTime } from '../time/format.js';
import { A4, drawText, mm, newComposer, pageNumbers } from './pdf-kit.js';

/** 打印日志: the terminal's recent print jobs for technicians (case numbers only, no personal data). */
export async function composePrintLog(o: {
  terminalId: string;
  entries: AuditEntry[];
  at: Date;
  /** The terminal's zone (config `terminal.timeZone`). */
  timeZone: string;
}): Promise<Uint8Array> {
  const c = await newComposer(`打印日志 ${o.terminalId}`);
  const perPage = 36;
  const rows = o.entries.length ? o.entries : [];
  for (let start = 0; start === 0 || start < rows.length; start += perPage) {
    const page = c.doc.addPage([A4.width, A4.height]);
    drawText(c, page, `打印日志 Print log · ${o.terminalId}`, { x: mm(20), y: A4.height - mm(22), size: 16 });
    drawText(c, page, `生成时间 ${formatDateTime(o.at, o.timeZone)}`, {
      x: mm(20),
      y: A4.height - mm(30),
      size: 10,
    });
    if (rows.length === 0) drawText(c, page, '没有打印记录。', { x: mm(20), y: A4.height - mm(45), size: 12 });
    rows.slice(start, start + perPage).forEach((e, i) => {
      const d = e.detail;
      const what = e.type === 'print.completed' ? '完成' : `失败 ${String(d.code ?? '')}`;
      const line = `${formatDateTime(e.at, o.timeZone, 'zh-CN', { seconds: true })}  ${String(d.caseId ?? '—')}  ${String(d.pages ?? '')}页×${String(d.copies ?? 1)}  ${what}`;
      drawText(c, page, line, { x: mm(20), y: A4.height - mm(42) - i * 18, size: 10 });
    });
  }
  pageNumbers(c);
  return c.doc.save({ useObjectStreams: false });
}

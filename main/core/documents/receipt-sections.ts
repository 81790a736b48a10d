import type { PDFPage } from 'pdf-lib';
import { A4, drawText, mm, wrap, type Composer } from './pdf-kit.js';

/** Where a section starts on the page: its left edge, its width and its baseline. */
export interface SectionAt {
  left: number;
  width: number;
  y: number;
}

/** A new A4 page of a receipt and where its writing starts (25 mm margins, 30 mm from the top). */
export function receiptPage(c: Composer): { page: PDFPage } & SectionAt {
  return { page: c.doc.addPage([A4.width, A4.height]), left: mm(25), width: A4.width - mm(50), y: A4.height - mm(30) };
}

/** 标签：值 rows, a value wrapping under itself; returns the baseline below the last row. */
export function drawFieldRows(c: Composer, page: PDFPage, rows: [string, string][], at: SectionAt): number {
  let y = at.y;
  for (const [k, v] of rows) {
    drawText(c, page, `${k}：`, { x: at.left, y, size: 13 });
    const lines = wrap(c, v, 13, at.width - 80);
    lines.forEach((line, i) => drawText(c, page, line, { x: at.left + 80, y: y - i * 18, size: 13 }));
    y -= 18 * Math.max(1, lines.length) + 6;
  }
  return y;
}

/** A heading and the materials numbered under it; returns the baseline below the last line. */
export function drawMaterialList(c: Composer, page: PDFPage, heading: string, materials: string[], at: SectionAt): number {
  let y = at.y;
  drawText(c, page, heading, { x: at.left, y, size: 13 });
  y -= 20;
  for (const [i, m] of materials.entries())
    for (const line of wrap(c, `${i + 1}. ${m}`, 12, at.width - 20)) {
      drawText(c, page, line, { x: at.left + 16, y, size: 12 });
      y -= 17;
    }
  return y;
}

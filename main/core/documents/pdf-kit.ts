import type Fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { loadDocumentFonts } from './fonts.js';

export const A4 = { width: 595.28, height: 841.89 };
export const mm = (v: number) => (v * 72) / 25.4;

/** A PDF being composed, with the two fonts embedded as subsets. */
export interface Composer {
  doc: PDFDocument;
  cjk: PDFFont;
  latin: PDFFont;
}

/**
 * fontkit with parsed fonts kept: pdf-lib parses the whole font file for every document otherwise (a CJK font is
 * megabytes), while a parsed font can serve any number of subsets.
 */
const parsedFonts = new WeakMap<Uint8Array, unknown>();
const cachingFontkit = (fontkit: typeof Fontkit) =>
  ({
    create(bytes: Uint8Array) {
      let font = parsedFonts.get(bytes);
      if (!font) {
        const face = loadDocumentFonts().faces.get(bytes);
        font = face ? (fontkit as unknown as { create(b: Uint8Array, face: string): unknown }).create(bytes, face) : fontkit.create(bytes);
        parsedFonts.set(bytes, font);
      }
      return font;
    },
  }) as unknown as typeof Fontkit;
/** fontkit is loaded with the first document, not at start-up (it alone takes ~0.2 s to load). */
let fontkitLoaded: Promise<typeof Fontkit> | null = null;
const loadFontkit = () => (fontkitLoaded ??= import('@pdf-lib/fontkit').then((m) => cachingFontkit(m.default)));

export async function newComposer(title: string): Promise<Composer> {
  const fonts = loadDocumentFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(await loadFontkit());
  doc.setTitle(title);
  doc.setCreator('zhengwu-kiosk');
  doc.setProducer('zhengwu-kiosk (pdf-lib)');
  const [cjk, latin] = await Promise.all([doc.embedFont(fonts.cjk, { subset: true }), doc.embedFont(fonts.latin, { subset: true })]);
  return { doc, cjk, latin };
}

/** Splits text into runs drawn with the Latin font (ASCII) or the CJK font (everything else). */
function runs(text: string): { ascii: boolean; text: string }[] {
  const out: { ascii: boolean; text: string }[] = [];
  for (const ch of text) {
    const ascii = ch.charCodeAt(0) < 0x80;
    const last = out[out.length - 1];
    if (last && last.ascii === ascii) last.text += ch;
    else out.push({ ascii, text: ch });
  }
  return out;
}

export function textWidth(c: Composer, text: string, size: number): number {
  return runs(text).reduce((w, r) => w + (r.ascii ? c.latin : c.cjk).widthOfTextAtSize(r.text, size), 0);
}

/** Draws mixed Chinese/Latin text on one line; `align` positions it around x. */
export function drawText(
  c: Composer,
  page: PDFPage,
  text: string,
  o: { x: number; y: number; size: number; align?: 'left' | 'center' | 'right' },
): void {
  const width = textWidth(c, text, o.size);
  let x = o.align === 'center' ? o.x - width / 2 : o.align === 'right' ? o.x - width : o.x;
  for (const r of runs(text)) {
    const font = r.ascii ? c.latin : c.cjk;
    page.drawText(r.text, { x, y: o.y, size: o.size, font, color: rgb(0, 0, 0) });
    x += font.widthOfTextAtSize(r.text, o.size);
  }
}

/** Breaks text into lines no wider than `width` (any character may break a Chinese line). */
export function wrap(c: Composer, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of text) {
    const w = (ch.charCodeAt(0) < 0x80 ? c.latin : c.cjk).widthOfTextAtSize(ch, size);
    if (line && used + w > width) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += w;
  }
  if (line) lines.push(line);
  return lines;
}

/** A QR code drawn as vector squares (sharp at any printer resolution). */
export function drawQr(page: PDFPage, text: string, o: { x: number; y: number; size: number }): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = o.size / n;
  // one rectangle per horizontal run of dark modules: a fraction of the drawing operators
  for (let r = 0; r < n; r++) {
    for (let col = 0; col < n;) {
      if (!qr.modules.get(r, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < n && qr.modules.get(r, end)) end++;
      page.drawRectangle({
        x: o.x + col * cell,
        y: o.y + o.size - (r + 1) * cell,
        width: (end - col) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
      col = end;
    }
  }
}

export function pageNumbers(c: Composer): void {
  const pages = c.doc.getPages();
  pages.forEach((p, i) =>
    drawText(c, p, `第 ${i + 1} 页 / 共 ${pages.length} 页`, { x: A4.width / 2, y: mm(10), size: 9, align: 'center' }),
  );
}

import fontkit from '@pdf-lib/fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

/** The emulator's 财政电子票据 (non-tax payment e-invoice): A5 landscape, code, number, check code, payer, item, amount, QR. */
export interface InvoiceContent {
  invoiceCode: string;
  invoiceNumber: string;
  checkCode: string;
  payer: string;
  item: string;
  agency: string;
  amountFen: number;
  issuedAt: Date;
  verifyUrl: string;
}

const fontFile = (f: string) => {
  if (!existsSync(f)) throw new Error(`e-invoices need ${f}`);
  return readFileSync(f);
};
let fonts: { cjk: Buffer; latin: Buffer } | null = null;

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export async function invoicePdf(p: InvoiceContent): Promise<Uint8Array> {
  fonts ??= {
    cjk: fontFile('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'),
    latin: fontFile('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'),
  };
  const doc = await PDFDocument.create();
  doc.registerFontkit({
    create: (b: Uint8Array) =>
      b === fonts!.cjk
        ? (fontkit as unknown as { create(b: Uint8Array, n: string): unknown }).create(b, 'WenQuanYiMicroHei')
        : fontkit.create(b),
  } as never);
  doc.setTitle('财政电子票据');
  const cjk = await doc.embedFont(fonts.cjk, { subset: true });
  const latin = await doc.embedFont(fonts.latin, { subset: true });
  const text = (page: PDFPage, s: string, x: number, y: number, size: number) => {
    for (const ch of s) {
      const font: PDFFont = ch.charCodeAt(0) < 0x80 ? latin : cjk;
      page.drawText(ch, { x, y, size, font, color: rgb(0, 0, 0) });
      x += font.widthOfTextAtSize(ch, size);
    }
  };
  const W = 595.28;
  const H = 419.53;
  const page = doc.addPage([W, H]);
  const title = '浙江省非税收入统一票据（电子）';
  text(page, title, W / 2 - cjk.widthOfTextAtSize(title, 18) / 2, H - 50, 18);
  const d = new Date(p.issuedAt.getTime() + 8 * 3600_000).toISOString();
  [
    `票据代码：${p.invoiceCode}`,
    `票据号码：${p.invoiceNumber}`,
    `校验码：${p.checkCode}`,
    `开票日期：${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`,
  ].forEach((l, i) => text(page, l, 40, H - 90 - i * 18, 10));
  [`交款人：${p.payer}`, `项目名称：${p.item}`, `金额（元）：${yuan(p.amountFen)}`, `收款单位：${p.agency}`].forEach((l, i) =>
    text(page, l, 40, H - 180 - i * 24, 12),
  );
  const qr = QRCode.create(p.verifyUrl, { errorCorrectionLevel: 'M' });
  const cell = 80 / qr.modules.size;
  for (let r = 0; r < qr.modules.size; r++)
    for (let c = 0; c < qr.modules.size; c++)
      if (qr.modules.get(r, c))
        page.drawRectangle({ x: W - 130 + c * cell, y: H - 170 - (r + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
  return doc.save({ useObjectStreams: false });
}

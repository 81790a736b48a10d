import fontkit from '@pdf-lib/fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

/**
 * The platform emulator's proof documents (证明): realistic A4 Chinese proofs with the applicant's data, the issuing
 * office's seal (drawn), a verification code with its QR, and page numbers. Fictitious issuer; for tests and demos.
 */

const fontFile = (files: string[]) => {
  const f = files.find((p) => existsSync(p));
  if (!f) throw new Error(`proof documents need one of ${files.join(', ')}`);
  return readFileSync(f);
};
let fonts: { cjk: Buffer; latin: Buffer } | null = null;

export interface ProofContent {
  title: string;
  matterName: string;
  agency: string;
  applicantName: string;
  idNumber: string;
  caseId: string;
  verificationCode: string;
  verifyUrl: string;
  issuedAt: Date;
  /** The screen preview: ID number and name masked (3101**********0048, 王*英); the printed proof keeps them whole. */
  mask?: boolean;
}

const maskedId = (id: string) => (id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '*'.repeat(id.length));
const maskedName = (name: string) => {
  const chars = [...name];
  return chars.length <= 2 ? `${chars[0] ?? ''}*` : `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
};

/** The platform is in China: its documents are dated in Beijing time, written the Chinese way (2026年11月30日 14:40). */
const PLATFORM_TIME_ZONE = 'Asia/Shanghai';
function chineseDateTime(at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: PLATFORM_TIME_ZONE,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${parts.year}年${parts.month}月${parts.day}日`, time: `${parts.hour}:${parts.minute}` };
}

export async function proofPdf(p: ProofContent): Promise<Uint8Array> {
  fonts ??= {
    cjk: fontFile(['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc']),
    latin: fontFile(['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf']),
  };
  const doc = await PDFDocument.create();
  // WenQuanYi Micro Hei comes as a collection: take its one face by name
  doc.registerFontkit({
    create: (b: Uint8Array) =>
      b === fonts!.cjk
        ? (fontkit as unknown as { create(b: Uint8Array, n: string): unknown }).create(b, 'WenQuanYiMicroHei')
        : fontkit.create(b),
  } as never);
  doc.setTitle(p.title);
  const cjk = await doc.embedFont(fonts.cjk, { subset: true });
  const latin = await doc.embedFont(fonts.latin, { subset: true });
  const text = (page: PDFPage, s: string, x: number, y: number, size: number, color = rgb(0, 0, 0)) => {
    for (const ch of s) {
      const font: PDFFont = ch.charCodeAt(0) < 0x80 ? latin : cjk;
      page.drawText(ch, { x, y, size, font, color });
      x += font.widthOfTextAtSize(ch, size);
    }
  };
  const W = 595.28;
  const H = 841.89;
  const issued = chineseDateTime(p.issuedAt);
  const date = issued.date;

  const page1 = doc.addPage([W, H]);
  text(page1, p.title, W / 2 - cjk.widthOfTextAtSize(p.title, 26) / 2, H - 110, 26);
  text(page1, `编号：${p.caseId}`, 380, H - 145, 10);
  const body = [
    `兹证明 ${p.mask ? maskedName(p.applicantName) : p.applicantName}（公民身份号码：${p.mask ? maskedId(p.idNumber) : p.idNumber}）`,
    `经查询本机关登记信息，现就“${p.matterName}”出具本证明。`,
    '经核查，上述人员的登记信息真实有效，特此证明。',
    '本证明仅证明出具之日的登记情况，自出具之日起三个月内有效。',
  ];
  body.forEach((l, i) => text(page1, l, 80, H - 210 - i * 30, 14));
  text(page1, p.agency, 360, 300, 14);
  text(page1, date, 380, 275, 14);
  seal(page1, p.agency, 430, 320, cjk);
  const qr = QRCode.create(p.verifyUrl, { errorCorrectionLevel: 'M' });
  const cell = 90 / qr.modules.size;
  for (let r = 0; r < qr.modules.size; r++)
    for (let c = 0; c < qr.modules.size; c++)
      if (qr.modules.get(r, c))
        page1.drawRectangle({ x: 80 + c * cell, y: 150 + 90 - (r + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
  text(page1, `验证码：${p.verificationCode}`, 180, 200, 12);
  text(page1, '扫描二维码或登录政务服务网输入验证码核验本证明真伪。', 180, 180, 10);

  const page2 = doc.addPage([W, H]);
  text(page2, '说明', 80, H - 110, 18);
  [
    '1. 本证明由政务服务平台根据部门登记信息自动生成，与窗口出具的证明具有同等效力。',
    '2. 本证明经电子签章，打印件加盖的印章图样与原件一致。',
    '3. 如对证明内容有异议，请持本人有效身份证件到出具机关窗口咨询。',
    `4. 出具时间：${issued.date} ${issued.time}（北京时间），编号 ${p.caseId}。`,
  ].forEach((l, i) => text(page2, l, 80, H - 150 - i * 26, 11));

  doc.getPages().forEach((pg, i, all) => text(pg, `第 ${i + 1} 页 共 ${all.length} 页`, W / 2 - 40, 40, 10));
  // classic cross-reference and no object streams: what older printer interpreters read best
  return doc.save({ useObjectStreams: false });
}

/** The issuing office's seal: a red ring, a star, the office's name. */
function seal(page: PDFPage, agency: string, cx: number, cy: number, font: PDFFont): void {
  const red = rgb(0.85, 0.1, 0.1);
  page.drawCircle({ x: cx, y: cy, size: 52, borderColor: red, borderWidth: 3, opacity: 0, borderOpacity: 0.85 });
  const star = Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 === 0 ? 16 : 6.5;
    return `${i === 0 ? 'M' : 'L'} ${(Math.cos(a) * r).toFixed(2)} ${(Math.sin(a) * r).toFixed(2)}`;
  }).join(' ');
  page.drawSvgPath(`${star} Z`, { x: cx, y: cy + 8, color: red, opacity: 0.85 });
  const name = agency.slice(0, 8);
  const size = Math.min(11, 80 / Math.max(1, name.length));
  page.drawText(name, { x: cx - font.widthOfTextAtSize(name, size) / 2, y: cy - 24, size, font, color: red, opacity: 0.85 });
  page.drawText('电子证明专用章', {
    x: cx - font.widthOfTextAtSize('电子证明专用章', 8) / 2,
    y: cy - 38,
    size: 8,
    font,
    color: red,
    opacity: 0.85,
  });
}

import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

/**
 * The paper the emulated scanner holds: an application form in Chinese, a copy of an ID card (front and back) and a
 * blank sheet, drawn as A4 SVG in millimetres and rendered like a scan (off-white paper, slightly grey ink) at the
 * requested resolution, colour mode and format. Every person on them is fictitious.
 */
export const pageKinds = ['form', 'idcard', 'blank'] as const;
export type PageKind = (typeof pageKinds)[number];

export interface RenderRequest {
  kind: PageKind;
  resolution: number;
  gray: boolean;
  format: 'image/jpeg' | 'image/png' | 'application/pdf';
  /** Scan region in 1/300 inch (clipped to the page). */
  region: { x: number; y: number; width: number; height: number };
}

const font = `font-family="Noto Sans CJK SC, Noto Sans SC, WenQuanYi Micro Hei, sans-serif"`;
const ink = '#262626';

const label = (x: number, y: number, size: number, s: string, extra = '', fill = ink) =>
  `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}" ${font} ${extra}>${s}</text>`;

function formSvg(): string {
  const rows: [string, string][] = [
    ['姓名', '王秀兰'],
    ['性别', '女'],
    ['出生日期', '1952年3月15日'],
    ['公民身份号码', '310106195203150027'],
    ['户籍地址', '上海市静安区示例路100弄8号'],
    ['联系电话', '139 0000 0000'],
    ['申领方式', '☑ 本人申领   ☐ 代理人申领'],
  ];
  const top = 62;
  const h = 14;
  const table = rows
    .map(([k, v], i) => {
      const y = top + i * h;
      return `<rect x="20" y="${y}" width="170" height="${h}" fill="none" stroke="${ink}" stroke-width="0.35"/>
<line x1="60" y1="${y}" x2="60" y2="${y + h}" stroke="${ink}" stroke-width="0.35"/>
${label(23, y + 9, 4.2, k)}${label(64, y + 9.2, 4.6, v, 'font-style="italic"')}`;
    })
    .join('\n');
  const notes = [
    '填表说明：',
    '1. 本表用黑色墨水笔填写，字迹清楚，不得涂改。',
    '2. 申请人须年满65周岁，持有本市户籍或居住证。',
    '3. 代理人申领的，须同时提交代理人身份证件复印件。',
    '4. 敬老卡制卡完成后，以短信方式通知领取。',
  ]
    .map((t, i) => label(20, 185 + i * 8, 4, t))
    .join('\n');
  return `${label(105, 32, 7.5, '上海市敬老卡申领表', 'text-anchor="middle" font-weight="bold"')}
${label(105, 42, 4, '（2026年版）', 'text-anchor="middle"')}
${label(20, 55, 3.6, '受理编号：__________')}${label(190, 55, 3.6, '填表日期：2026年11月30日', 'text-anchor="end"')}
${table}
${notes}
${label(120, 250, 4.4, '申请人签名：王秀兰')}
<path d="M150 246 q6 -5 10 0 t10 -1" stroke="${ink}" fill="none" stroke-width="0.5"/>
${label(120, 262, 4.4, '日期：2026年11月30日')}
<circle cx="45" cy="255" r="13" fill="none" stroke="#b22" stroke-width="0.7"/>
${label(45, 256.5, 3, '街道受理', 'text-anchor="middle"', '#b22')}`;
}

function idcardSvg(): string {
  const card = (x: number, y: number, body: string) =>
    `<rect x="${x}" y="${y}" width="85.6" height="54" rx="3.2" fill="#f1f1ee" stroke="#555" stroke-width="0.3"/>${body}`;
  const front = card(
    62,
    40,
    `${label(67, 50, 3.2, '姓名  王秀兰')}${label(67, 57, 3.2, '性别  女      民族  汉')}${label(67, 64, 3.2, '出生  1952 年 3 月 15 日')}
${label(67, 71, 3.2, '住址  上海市静安区示例路')}${label(77, 76, 3.2, '100弄8号')}
${label(67, 88, 3.4, '公民身份号码  310106195203150027')}
<rect x="121" y="46" width="22" height="28" fill="#c9c9c4"/><circle cx="132" cy="56" r="6" fill="#9d9d98"/><rect x="124" y="64" width="16" height="10" rx="5" fill="#9d9d98"/>`,
  );
  const back = card(
    62,
    110,
    `<circle cx="75" cy="124" r="7" fill="none" stroke="#b22" stroke-width="0.8"/>
${label(105, 124, 5, '中华人民共和国', 'text-anchor="middle" font-weight="bold"')}${label(105, 134, 6.2, '居民身份证', 'text-anchor="middle" font-weight="bold"')}
${label(70, 152, 3.2, '签发机关  上海市公安局静安分局')}${label(70, 159, 3.2, '有效期限  2016.03.15-长期')}`,
  );
  return `${front}${back}
${label(105, 190, 5, '复印件仅供办理敬老卡使用，再复印无效', 'text-anchor="middle"', '#333')}
${label(140, 205, 4.4, '王秀兰  2026.11.30', 'text-anchor="middle"')}`;
}

function pageSvg(kind: PageKind, widthPx: number, heightPx: number): string {
  const body = kind === 'form' ? formSvg() : kind === 'idcard' ? idcardSvg() : '';
  // a scanned sheet is never pure white; a faint grey speck keeps a blank page honestly "almost" blank
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 210 297">
<rect width="210" height="297" fill="#fbfaf6"/>${kind === 'blank' ? '<circle cx="140" cy="210" r="0.25" fill="#ddd"/>' : ''}
${body}</svg>`;
}

const cache = new Map<string, Uint8Array>();

/** One scanned page, as the scanner would send it. */
export async function renderPage(r: RenderRequest): Promise<Uint8Array> {
  const key = JSON.stringify(r);
  const hit = cache.get(key);
  if (hit) return hit;
  const px = (mm: number) => Math.round((mm / 25.4) * r.resolution);
  const full = { width: px(210), height: px(297) };
  const toPx = (u: number) => Math.round((u / 300) * r.resolution);
  const left = Math.min(toPx(r.region.x), full.width - 1);
  const top = Math.min(toPx(r.region.y), full.height - 1);
  const region = {
    left,
    top,
    width: Math.max(1, Math.min(toPx(r.region.width), full.width - left)),
    height: Math.max(1, Math.min(toPx(r.region.height), full.height - top)),
  };
  let img = sharp(Buffer.from(pageSvg(r.kind, full.width, full.height)), { density: 72 })
    .flatten({ background: '#ffffff' })
    .extract(region);
  // sharp writes the density with an sRGB profile, which makes a grey image three channels again: grey pages go without
  img = r.gray ? img.toColourspace('b-w') : img.toColourspace('srgb').withDensity(r.resolution);
  let out: Uint8Array;
  if (r.format === 'image/png') out = new Uint8Array(await img.png().toBuffer());
  else {
    const jpeg = new Uint8Array(await img.jpeg({ quality: 85 }).toBuffer());
    out = r.format === 'image/jpeg' ? jpeg : await pdfOf(jpeg, region.width, region.height, r.resolution);
  }
  if (cache.size > 40) cache.delete(cache.keys().next().value!);
  cache.set(key, out);
  return out;
}

/** A scanner's PDF: the scanned image on a page of the scanned size. */
async function pdfOf(jpeg: Uint8Array, widthPx: number, heightPx: number, resolution: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setProducer('scanner-escl emulator');
  const image = await doc.embedJpg(jpeg);
  const w = (widthPx / resolution) * 72;
  const h = (heightPx / resolution) * 72;
  doc.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
  return doc.save();
}

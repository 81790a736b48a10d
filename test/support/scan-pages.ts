import sharp from 'sharp';

/**
 * Real page images for the scan tests, drawn with sharp (librsvg) at 100 dpi A4 (827 × 1169): a form with Chinese
 * text and ruled lines, an empty sheet with scanner noise, a black page, a faded copy, and a landscape card copy.
 */
const W = 827;
const H = 1169;

const svg = (body: string, background = '#ffffff', w = W, h = H) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="${background}"/>${body}</svg>`,
  );

function formBody(ink: string): string {
  const lines = [
    '敬老卡申领表',
    '申请人姓名：王小英',
    '公民身份号码：310101********0048',
    '户籍地址：上海市黄浦区',
    '联系电话：138****0000',
  ];
  const text = lines
    .map(
      (l, i) =>
        `<text x="80" y="${140 + i * 90}" font-family="Noto Sans CJK SC, sans-serif" font-size="${i ? 34 : 48}" fill="${ink}">${l}</text>`,
    )
    .join('');
  const rules = Array.from({ length: 8 }, (_, i) => `<rect x="80" y="${620 + i * 60}" width="660" height="3" fill="${ink}"/>`).join('');
  return text + rules;
}

async function encode(input: Buffer, format: 'jpeg' | 'png'): Promise<Uint8Array> {
  const s = sharp(input);
  return new Uint8Array(format === 'jpeg' ? await s.jpeg({ quality: 85 }).toBuffer() : await s.png().toBuffer());
}

export const textPage = (format: 'jpeg' | 'png' = 'jpeg') => encode(svg(formBody('#111111')), format);
export const fadedPage = () => encode(svg(formBody('#e2e2e2'), '#fbfbfb'), 'jpeg');
export const blackPage = () => encode(svg('', '#050505'), 'jpeg');

/** An empty white sheet as a scanner delivers it: a few levels of noise, no marks. */
export async function blankPage(): Promise<Uint8Array> {
  const noise = Buffer.alloc(W * H);
  for (let i = 0; i < noise.length; i++) noise[i] = 246 + ((i * 7919) % 9);
  return new Uint8Array(
    await sharp(noise, { raw: { width: W, height: H, channels: 1 } })
      .jpeg({ quality: 85 })
      .toBuffer(),
  );
}

/** An ID-card-sized copy wider than tall, with a dark bar on its left edge (to tell a turn from another). */
export const landscapeCard = () =>
  encode(
    svg(
      '<rect x="0" y="0" width="60" height="540" fill="#000"/><text x="120" y="200" font-size="60" fill="#222">居民身份证</text>',
      '#ffffff',
      856,
      540,
    ),
    'png',
  );

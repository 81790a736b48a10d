import fontkit from '@pdf-lib/fontkit';
import { existsSync, readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { deflateSync } from 'node:zlib';
import type { Printed } from './interpreter.js';

/** 80 mm paper at 203 dpi: 576 printable dots; the standard font is 12 × 24 dots (Chinese 24 × 24). */
const WIDTH = 576;
const LINE = 30;
const FONT_PX = 24;

interface Glyphs {
  layout(text: string): { glyphs: { path: { commands: { command: string; args: number[] }[] } }[]; positions: { xAdvance: number }[] };
  unitsPerEm: number;
  ascent: number;
}

let fonts: { cjk: Glyphs; latin: Glyphs } | null = null;
function loadFonts(): { cjk: Glyphs; latin: Glyphs } {
  if (fonts) return fonts;
  const pick = (files: string[], face?: string) => {
    const f = files.find((p) => existsSync(p));
    if (!f) throw new Error(`receipt rendering needs one of ${files.join(', ')} (fonts-wqy-microhei, fonts-dejavu-core)`);
    const create = fontkit.create as unknown as (b: Buffer, face?: string) => unknown;
    return create(readFileSync(f), face) as Glyphs;
  };
  fonts = {
    cjk: pick(['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'], 'WenQuanYiMicroHei'),
    latin: pick(['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf']),
  };
  return fonts;
}

/** A 1-bit-looking grayscale page that grows as the receipt does. */
class Paper {
  rows: Uint8Array[] = [];
  ensure(h: number): void {
    while (this.rows.length < h) this.rows.push(new Uint8Array(WIDTH).fill(255));
  }
  dot(x: number, y: number): void {
    if (x < 0 || x >= WIDTH || y < 0) return;
    this.ensure(y + 1);
    this.rows[y]![x] = 0;
  }
}

/** Fills glyph outlines with the non-zero winding rule, one scanline at a time (curves flattened). */
function fillPath(
  paper: Paper,
  commands: { command: string; args: number[] }[],
  ox: number,
  baseline: number,
  scale: number,
  sy: number,
): void {
  const edges: [number, number, number, number][] = [];
  let start: [number, number] = [0, 0];
  let cur: [number, number] = [0, 0];
  const to = (x: number, y: number): [number, number] => [ox + x * scale, baseline - y * sy];
  const line = (p: [number, number]) => {
    edges.push([cur[0], cur[1], p[0], p[1]]);
    cur = p;
  };
  for (const { command, args } of commands) {
    if (command === 'moveTo') cur = start = to(args[0]!, args[1]!);
    else if (command === 'lineTo') line(to(args[0]!, args[1]!));
    else if (command === 'quadraticCurveTo' || command === 'bezierCurveTo') {
      const pts = [cur, ...Array.from({ length: args.length / 2 }, (_, i) => to(args[2 * i]!, args[2 * i + 1]!))];
      for (let s = 1; s <= 8; s++) line(bezier(pts, s / 8));
    } else if (command === 'closePath') line(start);
  }
  if (edges.length === 0) return;
  const ys = edges.flatMap((e) => [e[1], e[3]]);
  const top = Math.max(0, Math.floor(Math.min(...ys)));
  const bottom = Math.ceil(Math.max(...ys));
  paper.ensure(bottom + 1);
  for (let y = top; y <= bottom; y++) {
    const sy2 = y + 0.5;
    const xs: [number, number][] = [];
    for (const [x0, y0, x1, y1] of edges) {
      if (y0 === y1 || sy2 < Math.min(y0, y1) || sy2 >= Math.max(y0, y1)) continue;
      xs.push([x0 + ((sy2 - y0) / (y1 - y0)) * (x1 - x0), y1 > y0 ? 1 : -1]);
    }
    xs.sort((a, b) => a[0] - b[0]);
    let winding = 0;
    for (let i = 0; i < xs.length; i++) {
      const before = winding;
      winding += xs[i]![1];
      if (before === 0 && winding !== 0 && i + 1 < xs.length) {
        let j = i + 1;
        let w = winding;
        while (j < xs.length && (w += xs[j]![1]) !== 0) j++;
        const end = xs[Math.min(j, xs.length - 1)]![0];
        for (let x = Math.round(xs[i]![0]); x < Math.round(end); x++) paper.dot(x, y);
        winding = 0;
        i = j;
      }
    }
  }
}

function bezier(pts: [number, number][], t: number): [number, number] {
  let p = pts;
  while (p.length > 1) p = p.slice(1).map((q, i) => [p[i]![0] + (q[0] - p[i]![0]) * t, p[i]![1] + (q[1] - p[i]![1]) * t]);
  return p[0]!;
}

function textWidth(text: string, size: number, wx: number): number {
  const f = loadFonts();
  let w = 0;
  for (const ch of text) {
    const font = ch.charCodeAt(0) < 0x80 ? f.latin : f.cjk;
    w += (font.layout(ch).positions[0]?.xAdvance ?? 0) * (size / font.unitsPerEm) * wx;
  }
  return w;
}

function drawText(paper: Paper, text: string, x: number, baseline: number, wx: number, hy: number): void {
  const f = loadFonts();
  for (const ch of text) {
    const font = ch.charCodeAt(0) < 0x80 ? f.latin : f.cjk;
    const run = font.layout(ch);
    const scale = FONT_PX / font.unitsPerEm;
    const glyph = run.glyphs[0];
    if (glyph) fillPath(paper, glyph.path.commands, x, baseline, scale * wx, scale * hy);
    x += (run.positions[0]?.xAdvance ?? 0) * scale * wx;
  }
}

/** The receipt as a PNG image: what the paper would show. */
export function renderReceiptPng(items: Printed[]): Buffer {
  const paper = new Paper();
  let y = 8;
  for (const it of items) {
    if (it.kind === 'feed') y += LINE * it.lines;
    else if (it.kind === 'cut') {
      y += 12;
      for (let x = 0; x < WIDTH; x += 6) for (let d = 0; d < 3; d++) paper.dot(x + d, y);
      y += 8;
    } else if (it.kind === 'qr') {
      const qr = QRCode.create(it.data, { errorCorrectionLevel: 'M' });
      const n = qr.modules.size;
      const cell = Math.max(2, Math.floor(240 / n));
      const left = Math.floor((WIDTH - n * cell) / 2);
      for (let r = 0; r < n; r++)
        for (let c = 0; c < n; c++)
          if (qr.modules.get(r, c))
            for (let dy = 0; dy < cell; dy++) for (let dx = 0; dx < cell; dx++) paper.dot(left + c * cell + dx, y + r * cell + dy);
      y += n * cell + 8;
    } else {
      const { text, align, width, height } = it.line;
      const w = textWidth(text, FONT_PX, width);
      const x = align === 'center' ? (WIDTH - w) / 2 : align === 'right' ? WIDTH - w : 0;
      drawText(paper, text, x, y + FONT_PX * height, width, height);
      y += LINE * height;
    }
  }
  paper.ensure(y + 8);
  return encodePng(paper.rows);
}

/** A grayscale PNG (color type 0, 8 bits), rows unfiltered, zlib-compressed (PNG spec, ISO 15948). */
export function encodePng(rows: Uint8Array[]): Buffer {
  const height = rows.length;
  const raw = Buffer.alloc(height * (WIDTH + 1));
  rows.forEach((r, i) => {
    raw[i * (WIDTH + 1)] = 0;
    raw.set(r, i * (WIDTH + 1) + 1);
  });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(WIDTH, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

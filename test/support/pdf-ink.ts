import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Share of dark pixels in a horizontal band of page 1 as poppler renders it (grayscale PGM at 50 dpi). Text
 * extraction alone cannot see a font whose glyphs were lost in subsetting; rendering can.
 */
export function inkInBand(pdf: Uint8Array, fromTop: number, toTop: number): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ink-'));
  writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', path.join(dir, 'doc.pdf'), path.join(dir, 'page')], {
    stdio: 'pipe',
  });
  const pgm = readFileSync(
    path.join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.pgm'))!,
    ),
  );
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  const y0 = Math.floor(h * fromTop);
  const y1 = Math.floor(h * toTop);
  for (let y = y0; y < y1; y++) for (let x = 0; x < w; x++) if (pixels[y * w + x]! < 128) dark++;
  return dark / (w * (y1 - y0));
}

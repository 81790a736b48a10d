import sharp, { type OutputInfo } from 'sharp';

/** Why a signature is refused, or null when it will do. */
export type SignatureProblem = 'apply.commitment.notImage' | 'apply.commitment.empty' | 'apply.commitment.tooSmall';

/**
 * A finger signature as drawn on the pad (PNG): ink is an opaque dark pixel. Refused when there is no ink, or when
 * the ink covers too little of the pad (a dot, a short stroke): it must span a fifth of the pad's width and a
 * tenth of its height, with enough ink to be more than a tap.
 */
export async function checkSignature(png: Uint8Array): Promise<SignatureProblem | null> {
  let raw: { data: Buffer; info: OutputInfo };
  try {
    raw = await sharp(png, { failOn: 'error', limitInputPixels: 4_000_000 }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  } catch {
    return 'apply.commitment.notImage';
  }
  const { width, height, channels } = raw.info;
  if (width < 100 || height < 50) return 'apply.commitment.notImage';
  let ink = 0;
  let [minX, minY, maxX, maxY] = [width, height, -1, -1];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const [r, g, b, a] = [raw.data[i]!, raw.data[i + 1]!, raw.data[i + 2]!, raw.data[i + 3]!];
      if (a < 128 || 0.299 * r + 0.587 * g + 0.114 * b > 160) continue;
      ink++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  if (ink === 0) return 'apply.commitment.empty';
  const spansEnough = maxX - minX + 1 >= width / 5 && maxY - minY + 1 >= height / 10;
  if (!spansEnough || ink < (width * height) / 1000) return 'apply.commitment.tooSmall';
  return null;
}

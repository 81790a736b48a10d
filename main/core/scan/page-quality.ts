import sharp from 'sharp';

/** What the kiosk thinks of a captured page: fine, or why the resident is asked to scan it again. */
export type PageQuality = 'ok' | 'blank' | 'tooDark' | 'tooLight';
export const pageQualities = ['ok', 'blank', 'tooDark', 'tooLight'] as const;

/** Pixel statistics of a page's brightness (0 black … 255 white), from a small grey copy. */
export interface PageLevels {
  mean: number;
  /** The brightness most of the page has (its paper). */
  median: number;
  /** How bright the darkest 0.5 % of the page is (its ink): 0 for black print, near the median for an empty page. */
  ink: number;
}

/** Long side of the grey copy the checks look at: enough for print lines, cheap for a 300 dpi A4 page. */
const SAMPLE_PX = 400;

export async function pageLevels(image: Uint8Array): Promise<PageLevels> {
  const { data } = await sharp(image)
    .greyscale()
    .resize(SAMPLE_PX, SAMPLE_PX, { fit: 'inside', withoutEnlargement: true, kernel: 'nearest' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const histogram = new Array<number>(256).fill(0);
  let sum = 0;
  for (const v of data) {
    histogram[v]! += 1;
    sum += v;
  }
  return { mean: sum / data.length, median: percentile(histogram, data.length, 0.5), ink: percentile(histogram, data.length, 0.005) };
}

/**
 * Decides from the decoded pixels whether a page can be sent: a page mostly black (lid open to a dark room, a
 * photo with the light off) is too dark; a page without anything darker than its paper is blank (scanner noise
 * is a few levels); a page whose darkest marks are still pale (faded copy, over-exposed photo) is too light.
 */
export async function checkPage(image: Uint8Array): Promise<PageQuality> {
  return judgeLevels(await pageLevels(image));
}

export function judgeLevels({ mean, median, ink }: PageLevels): PageQuality {
  if (mean < 60) return 'tooDark';
  const contrast = median - ink;
  if (contrast < 16) return 'blank';
  if (ink > 170) return 'tooLight';
  return 'ok';
}

function percentile(histogram: number[], count: number, p: number): number {
  const target = count * p;
  let seen = 0;
  for (let v = 0; v < histogram.length; v++) {
    seen += histogram[v]!;
    if (seen > target) return v;
  }
  return 255;
}

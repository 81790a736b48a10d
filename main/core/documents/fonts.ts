import { existsSync, readFileSync } from 'node:fs';

/**
 * Fonts the kiosk embeds (subset) in the PDFs it composes: a TrueType CJK font and a Latin one. TrueType (glyf)
 * outlines because subsetting CFF-based fonts such as Noto Sans CJK yields files some PDF readers reject.
 * Debian: fonts-droid-fallback and fonts-dejavu-core (installed by `npm run setup:debian`).
 */
export const defaultFontFiles = {
  cjk: ['/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'],
  latin: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'],
};

export interface DocumentFonts {
  cjk: Uint8Array;
  latin: Uint8Array;
}

let cached: DocumentFonts | null = null;

/** Loads (once) the first existing file of each list; a missing font is an error naming what to install. */
export function loadDocumentFonts(files: { cjk: string[]; latin: string[] } = defaultFontFiles): DocumentFonts {
  if (cached) return cached;
  const pick = (list: string[], what: string) => {
    const f = list.find((p) => existsSync(p));
    if (!f)
      throw new Error(`no ${what} font for documents: install fonts-droid-fallback and fonts-dejavu-core (looked for ${list.join(', ')})`);
    return new Uint8Array(readFileSync(f));
  };
  cached = { cjk: pick(files.cjk, 'Chinese'), latin: pick(files.latin, 'Latin') };
  return cached;
}

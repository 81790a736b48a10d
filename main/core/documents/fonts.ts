import { existsSync, readFileSync } from 'node:fs';

/**
 * Fonts the kiosk embeds (subset) in the PDFs it composes: a TrueType CJK font and a Latin one. Chosen by what
 * survives subsetting (checked by rendering in test/unit/documents.test.ts): Noto Sans CJK (CFF) subsets are
 * rejected by poppler, and Droid Sans Fallback's composite glyphs lose their parts; WenQuanYi Micro Hei is intact.
 * Debian: fonts-wqy-microhei and fonts-dejavu-core (installed by `npm run setup:debian`).
 */
export const defaultFontFiles = {
  cjk: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'],
  latin: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'],
};

/** The face to take from a font collection (.ttc). */
export const collectionFace: Record<string, string> = { 'wqy-microhei.ttc': 'WenQuanYiMicroHei' };

export interface DocumentFonts {
  cjk: Uint8Array;
  latin: Uint8Array;
  /** PostScript name of the face to use, for collections */
  faces: WeakMap<Uint8Array, string>;
}

let cached: DocumentFonts | null = null;

/** Loads (once) the first existing file of each list; a missing font is an error naming what to install. */
export function loadDocumentFonts(files: { cjk: string[]; latin: string[] } = defaultFontFiles): DocumentFonts {
  if (cached) return cached;
  const pick = (list: string[], what: string) => {
    const f = list.find((p) => existsSync(p));
    if (!f)
      throw new Error(`no ${what} font for documents: install fonts-wqy-microhei and fonts-dejavu-core (looked for ${list.join(', ')})`);
    const bytes = new Uint8Array(readFileSync(f));
    const face = collectionFace[f.split('/').pop()!];
    if (face) faces.set(bytes, face);
    return bytes;
  };
  const faces = new WeakMap<Uint8Array, string>();
  cached = { cjk: pick(files.cjk, 'Chinese'), latin: pick(files.latin, 'Latin'), faces };
  return cached;
}

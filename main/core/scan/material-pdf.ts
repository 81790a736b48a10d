import { PDFDocument } from 'pdf-lib';
import { pageJpeg, type Rotation } from './page-image.js';

/** A4 in PDF points (1/72 inch). */
const A4 = { short: 595.28, long: 841.89 };

/**
 * One PDF for one material: each page (turned as the resident asked) on an A4 sheet in its own orientation, the
 * image fitted to the sheet — what a window clerk would have got as a paper copy.
 */
export async function materialPdf(pages: readonly { image: Uint8Array; rotation: Rotation }[]): Promise<Uint8Array> {
  if (pages.length === 0) throw new Error('a material PDF needs at least one page');
  const doc = await PDFDocument.create();
  doc.setProducer('kiosk');
  doc.setCreator('kiosk');
  for (const p of pages) {
    const { jpeg, width, height } = await pageJpeg(p.image, p.rotation);
    const img = await doc.embedJpg(jpeg);
    const landscape = width > height;
    const [w, h] = landscape ? [A4.long, A4.short] : [A4.short, A4.long];
    const scale = Math.min(w / width, h / height);
    const page = doc.addPage([w, h]);
    page.drawImage(img, { x: (w - width * scale) / 2, y: (h - height * scale) / 2, width: width * scale, height: height * scale });
  }
  return doc.save({ useObjectStreams: true });
}

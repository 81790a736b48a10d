import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { materialPdf } from '../../../main/core/scan/material-pdf.js';
import { isDecodableImage, pageJpeg, previewJpeg } from '../../../main/core/scan/page-image.js';
import { checkPage } from '../../../main/core/scan/page-quality.js';
import { PDFDocument } from 'pdf-lib';
import { blackPage, blankPage, fadedPage, landscapeCard, textPage } from '../../support/scan-pages.js';

describe('page quality from the decoded pixels', () => {
  it('accepts a printed form, as JPEG and as PNG', async () => {
    expect(await checkPage(await textPage('jpeg'))).toBe('ok');
    expect(await checkPage(await textPage('png'))).toBe('ok');
  });
  it('flags an empty sheet with scanner noise as blank', async () => {
    expect(await checkPage(await blankPage())).toBe('blank');
  });
  it('flags a black capture as too dark', async () => {
    expect(await checkPage(await blackPage())).toBe('tooDark');
  });
  it('flags a faded copy whose darkest marks are pale as too light', async () => {
    expect(await checkPage(await fadedPage())).toBe('tooLight');
  });
});

describe('page images', () => {
  it('refuses bytes that are not a JPEG or PNG picture', async () => {
    expect(await isDecodableImage(new TextEncoder().encode('<html>not a page</html>'))).toBe(false);
    expect(await isDecodableImage(await textPage())).toBe(true);
  });

  it('turns a page a quarter clockwise: the dark left edge of a card ends up at the top', async () => {
    const { jpeg, width, height } = await pageJpeg(await landscapeCard(), 90);
    expect([width, height]).toEqual([540, 856]);
    const { data } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
    const row = (y: number) => data.subarray(y * width, (y + 1) * width).reduce((a, v) => a + v, 0) / width;
    expect(row(10)).toBeLessThan(40); // top rows are the black bar
    expect(row(height - 10)).toBeGreaterThan(200);
  });

  it('makes a preview readable on screen and small enough for one bridge message', async () => {
    const preview = await previewJpeg(await textPage('png'), 0);
    const m = await sharp(preview).metadata();
    expect(m.format).toBe('jpeg');
    expect(Math.max(m.width!, m.height!)).toBeGreaterThanOrEqual(800);
    expect(Buffer.from(preview).toString('base64').length).toBeLessThan(200 * 1024);
  });
});

describe('one PDF per material', () => {
  it('puts every page on its own A4 sheet, landscape pages on landscape sheets', async () => {
    const pdf = await materialPdf([
      { image: await textPage(), rotation: 0 },
      { image: await landscapeCard(), rotation: 0 },
      { image: await landscapeCard(), rotation: 90 },
    ]);
    const doc = await PDFDocument.load(pdf);
    const sizes = doc.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())]);
    expect(sizes).toEqual([
      [595, 842],
      [842, 595],
      [595, 842],
    ]);
  });
});

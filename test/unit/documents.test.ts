import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeAcceptanceReceipt } from '../../main/core/documents/acceptance-receipt.js';
import { sampleReceipt } from '../bench/receipt.js';

/** Text of a PDF as poppler's pdftotext reads it (fails the test if poppler finds the file damaged). */
function pdfText(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('acceptance receipt PDF', () => {
  it('carries the case, matter, agency, masked applicant, time limit, materials and page numbers, readable as text', async () => {
    const text = pdfText(await composeAcceptanceReceipt(sampleReceipt(7))).replace(/\s+/g, '');
    for (const s of [
      '政务服务事项受理回执',
      'KIOSK-0001-20261122-0007',
      '城乡居民最低生活保障家庭证明出具',
      '广安区民政局',
      '张**',
      '5个工作日',
      '居民户口簿',
      '12345',
      '第1页/共1页',
    ])
      expect(text).toContain(s);
  });

  it('embeds only the glyphs it uses: a small file', async () => {
    const bytes = await composeAcceptanceReceipt(sampleReceipt());
    expect(bytes.length).toBeLessThan(150 * 1024);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });
});

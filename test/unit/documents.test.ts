import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeAcceptanceReceipt } from '../../main/core/documents/acceptance-receipt.js';
import { composePrintLog } from '../../main/core/documents/print-log.js';
import { proofPdf } from '../../emulators/platform/proof-pdf.js';
import { sampleReceipt } from '../bench/receipt.js';
import { inkInBand } from '../support/pdf-ink.js';

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

  it('renders its Chinese glyphs (a subset font that lost glyphs still extracts as text, but prints blank)', async () => {
    const pdf = await composeAcceptanceReceipt(sampleReceipt(7));
    expect(inkInBand(pdf, 0.05, 0.1)).toBeGreaterThan(0.03); // the title 政务服务事项受理回执
    expect(inkInBand(pdf, 0.12, 0.34)).toBeGreaterThan(0.025); // the table of the case
  });

  it('embeds only the glyphs it uses: a small file', async () => {
    const bytes = await composeAcceptanceReceipt(sampleReceipt());
    expect(bytes.length).toBeLessThan(150 * 1024);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });
});

describe("the platform emulator's proof PDF", () => {
  it('is a two-page proof with the applicant, the verification code and page numbers, visibly rendered', async () => {
    const pdf = await proofPdf({
      title: '户籍证明',
      matterName: '户籍证明开具',
      agency: '市公安局',
      applicantName: '张伟民',
      idNumber: '110101198503120033',
      caseId: 'TEST-0001-20261122-0001',
      verificationCode: 'ABCDEF1234',
      verifyUrl: 'https://zwfw.example.gov.cn/verify/ABCDEF1234',
      issuedAt: new Date('2026-11-22T02:00:00Z'),
    });
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const s of ['户籍证明', '张伟民', '110101198503120033', 'ABCDEF1234', '第1页共2页', '第2页共2页']) expect(text).toContain(s);
    expect(inkInBand(pdf, 0.2, 0.35)).toBeGreaterThan(0.02);
  });
});

describe('print log PDF', () => {
  it('lists print jobs by case number with their outcome, and says so when there are none', async () => {
    const entries = [
      { id: 2, at: '2026-11-22T02:10:00Z', type: 'print.failed', detail: { caseId: 'K-0002', pages: 2, copies: 1, code: 'mediaJam' } },
      { id: 1, at: '2026-11-22T02:00:00Z', type: 'print.completed', detail: { caseId: 'K-0001', pages: 2, copies: 3 } },
    ];
    const text = pdfText(await composePrintLog({ terminalId: 'KIOSK-0001', entries, at: new Date(), timeZone: 'Asia/Shanghai' })).replace(
      /\s+/g,
      '',
    );
    for (const s of ['打印日志', 'KIOSK-0001', 'K-0002', '失败mediaJam', 'K-0001', '2页×3', '完成']) expect(text).toContain(s);
    expect(pdfText(await composePrintLog({ terminalId: 'KIOSK-0001', entries: [], at: new Date(), timeZone: 'Asia/Shanghai' }))).toContain(
      '没有打印记录',
    );
  });
});

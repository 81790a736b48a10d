import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proofPdf } from '../../emulators/platform/proof-pdf.js';
import { ConfigError, parseConfig } from '../../main/core/config/load.js';
import { composeAcceptanceReceipt } from '../../main/core/documents/acceptance-receipt.js';
import { composePrintLog } from '../../main/core/documents/print-log.js';
import { composeTestPage } from '../../main/core/documents/test-page.js';
import { formatDate, formatDateTime } from '../../main/core/time/format.js';
import { sampleReceipt } from '../bench/receipt.js';

/** 2026-11-30 14:40:51 in Beijing. */
const at = new Date('2026-11-30T06:40:51.534Z');

const pdfText = (bytes: Uint8Array) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
};

describe('one terminal time zone, written the Chinese way', () => {
  it('writes a time in the given zone whatever the machine zone: 2026年11月30日 14:40', () => {
    expect(formatDateTime(at, 'Asia/Shanghai')).toBe('2026年11月30日 14:40');
    expect(formatDateTime(at, 'Asia/Shanghai', 'zh-CN', { seconds: true })).toBe('2026年11月30日 14:40:51');
    expect(formatDateTime(at, 'Asia/Urumqi')).toBe('2026年11月30日 12:40');
    expect(formatDate(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2027年1月1日');
    expect(formatDateTime(at, 'Asia/Shanghai', 'en')).toBe('30 Nov 2026, 14:40');
  });

  it('takes the zone from config terminal.timeZone (default Asia/Shanghai) and refuses a name that is not a zone', () => {
    // a well-formed hash (16-byte salt, 32-byte hash); no PIN is checked here
    const base = 'maintenance: { pinHash: "scrypt$16384$Zml4ZWQtc2FsdC0xNmJ5dA==$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" }\n';
    expect(parseConfig(base + 'terminal: { id: T-01, name: 终端, outlet: 网点 }\n', 't.yaml').terminal.timeZone).toBe('Asia/Shanghai');
    expect(
      parseConfig(base + 'terminal: { id: T-01, name: 终端, outlet: 网点, timeZone: Asia/Urumqi }\n', 't.yaml').terminal.timeZone,
    ).toBe('Asia/Urumqi');
    expect(() => parseConfig(base + 'terminal: { id: T-01, name: 终端, outlet: 网点, timeZone: Beijing }\n', 't.yaml')).toThrow(
      ConfigError,
    );
  });

  it('prints the acceptance receipt, print log and test page in the terminal zone, the Chinese way', async () => {
    const receipt = pdfText(await composeAcceptanceReceipt({ ...sampleReceipt(1), acceptedAt: at, timeZone: 'Asia/Shanghai' }));
    expect(receipt).toContain('受理时间：2026年11月30日14:40');
    const log = pdfText(
      await composePrintLog({
        terminalId: 'KIOSK-0001',
        entries: [{ id: 1, at: at.toISOString(), type: 'print.completed', detail: { caseId: 'K-1', pages: 2, copies: 1 } }],
        at,
        timeZone: 'Asia/Shanghai',
      }),
    );
    expect(log).toContain('生成时间2026年11月30日14:40');
    expect(log).toContain('2026年11月30日14:40:51K-1');
    const testPage = pdfText(
      await composeTestPage({ terminalId: 'KIOSK-0001', printerUri: 'ipp://x/ipp/print', at, timeZone: 'Asia/Shanghai' }),
    );
    expect(testPage).toContain('2026年11月30日14:40:51');
    expect(testPage).not.toContain('06:40');
  });

  it("dates the platform emulator's proof in Beijing time, never as an ISO UTC stamp", async () => {
    const text = pdfText(
      await proofPdf({
        title: '户籍证明',
        matterName: '户籍证明开具',
        agency: '市公安局',
        applicantName: '张伟民',
        idNumber: '110101198503120033',
        caseId: 'KIOSK-0001-20261130-0001',
        verificationCode: 'ABCDEF1234',
        verifyUrl: 'https://zwfw.example.gov.cn/verify/ABCDEF1234',
        issuedAt: at,
      }),
    );
    expect(text).toContain('2026年11月30日14:40');
    expect(text).not.toContain('2026-11-30T06:40');
  });
});

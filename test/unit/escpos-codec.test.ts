import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStatus, ReceiptBuilder, statusRequest } from '../../devices/printer/escpos-codec.js';
import { encodeReceipt } from '../../devices/printer/escpos-receipt.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ESC/POS commands', () => {
  it('initializes, enters Chinese mode and encodes text in GB18030', () => {
    const b = new ReceiptBuilder().line('政务A').bytes();
    // ESC @, FS &, 政 = D5FE and 务 = CEF1 in GB18030, 'A', LF
    expect(hex(b)).toBe('1b40' + '1c26' + 'd5fecef1' + '41' + '0a');
  });

  it('follows the model: GBK without the FS & Chinese mode for printers that start in it', () => {
    expect(hex(new ReceiptBuilder({ encoding: 'gbk', cjkMode: false }).line('政').bytes())).toBe('1b40' + 'd5fe' + '0a');
    // a character beyond GBK is encoded in GB18030's four-byte form on GB18030 models
    expect(hex(new ReceiptBuilder({ cjkMode: false }).line('𠀀').bytes())).toBe('1b40' + '9532 8236'.replace(' ', '') + '0a');
  });

  it('drops control characters from text so data cannot issue commands', () => {
    expect(hex(new ReceiptBuilder({ cjkMode: false }).line('a\x1b@b\x1dV').bytes())).toBe('1b40' + '61' + '40' + '62' + '56' + '0a');
  });

  it('builds the QR code with GS ( k model 2, size, error correction, store and print', () => {
    const b = new ReceiptBuilder({ cjkMode: false }).qr('AB', { moduleSize: 5, errorCorrection: 'Q' }).bytes();
    expect(hex(b)).toBe(
      '1b40' +
        '1d286b0400314132' +
        '00' +
        '1d286b03003143' +
        '05' +
        '1d286b03003145' +
        '32' +
        '1d286b0500315030' +
        '4142' +
        '1d286b0300315130',
    );
  });

  it('alignment, size, feed and cut', () => {
    const b = new ReceiptBuilder({ cjkMode: false }).align('center').size(2, 3).feed(4).cut().bytes();
    expect(hex(b)).toBe('1b40' + '1b6101' + '1d2112' + '1b6404' + '1d564200');
  });
});

describe('a receipt document as ESC/POS bytes', () => {
  it("encodes text blocks in the model's encoding, sending alignment, size and bold only when they change", () => {
    const doc = {
      blocks: [
        { kind: 'text', text: '凭条', align: 'center', size: 2, bold: true },
        { kind: 'text', text: 'A' },
        { kind: 'text', text: 'B' },
      ],
    } as const;
    expect(hex(encodeReceipt({ blocks: [...doc.blocks] }, { encoding: 'gbk', cjkMode: false }))).toBe(
      '1b40' + '1b6101' + '1d2111' + '1b4501' + 'c6beccf5' + '0a' + '1b6100' + '1d2100' + '1b4500' + '41' + '0a' + '42' + '0a',
    );
  });

  it('centres a QR code by default, then feeds and cuts', () => {
    const bytes = encodeReceipt({ blocks: [{ kind: 'qr', data: 'AB' }, { kind: 'feed', lines: 3 }, { kind: 'cut' }] });
    expect(hex(bytes).startsWith('1b40' + '1c26' + '1b6101' + '1d286b0400314132')).toBe(true);
    expect(hex(bytes).endsWith('1b6403' + '1d564200')).toBe(true);
  });

  it('the same document in GB18030 and GBK models differs only in the characters beyond GBK', () => {
    const doc = { blocks: [{ kind: 'text' as const, text: '𠀀' }] };
    expect(hex(encodeReceipt(doc, { cjkMode: false }))).toBe('1b40' + '95328236' + '0a');
    expect(hex(encodeReceipt(doc, { encoding: 'gbk', cjkMode: false }))).not.toContain('95328236');
  });
});

describe('real-time status (DLE EOT n)', () => {
  it('asks with 10 04 n', () => expect(hex(statusRequest(3))).toBe('100403'));

  it('reads offline, cover open, paper end, near end and cutter error from their bits', () => {
    expect(parseStatus([0x12, 0x12, 0x12, 0x12])).toEqual({
      ok: true,
      value: {
        offline: false,
        coverOpen: false,
        feedButton: false,
        paperEnd: false,
        paperNearEnd: false,
        cutterError: false,
        unrecoverableError: false,
        autoRecoverableError: false,
      },
    });
    expect(parseStatus([0x1a, 0x16, 0x1a, 0x7e])).toMatchObject({
      ok: true,
      value: { offline: true, coverOpen: true, cutterError: true, paperEnd: true, paperNearEnd: true },
    });
  });

  it('refuses bytes that are not status bytes (wrong fixed bits) or a short answer', () => {
    expect(parseStatus([0x12, 0x12, 0x12])).toMatchObject({ ok: false });
    expect(parseStatus([0x12, 0x00, 0x12, 0x12])).toMatchObject({ ok: false, error: expect.stringContaining('status byte 2') });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), (bytes) => {
        const r = parseStatus(bytes);
        expect(r.ok).toBe(bytes.every((b) => (b & 0x93) === 0x12));
      }),
    );
  });
});

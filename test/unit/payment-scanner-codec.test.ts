import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyCode, decodeScan, maskCode, MAX_SCAN_BYTES } from '../../devices/payment-scanner/codec.js';
import { ScanFramer } from '../../devices/payment-scanner/framing.js';
import { encodeScannedData, hidPosFraming, parseScannedDataReport } from '../../devices/payment-scanner/hid-pos.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('payment code classification', () => {
  it('tells WeChat, Alipay and UnionPay codes apart by their public ranges', () => {
    expect(classifyCode('134567890123456789')).toEqual({ ok: true, value: { kind: 'wechat', code: '134567890123456789' } });
    expect(classifyCode('101234567890123456').ok && classifyCode('151234567890123456').ok).toBe(true);
    expect(classifyCode('2812345678901234')).toMatchObject({ ok: true, value: { kind: 'alipay' } }); // 16 digits
    expect(classifyCode('301234567890123456789012')).toMatchObject({ ok: true, value: { kind: 'alipay' } }); // 24 digits
    expect(classifyCode('6212345678901234567')).toMatchObject({ ok: true, value: { kind: 'unionpay' } });
  });

  it('refuses codes just outside the ranges', () => {
    expect(classifyCode('164567890123456789').ok).toBe(false); // WeChat range ends at 15
    expect(classifyCode('13456789012345678').ok).toBe(false); // 17 digits
    expect(classifyCode('2412345678901234').ok).toBe(false); // Alipay starts at 25
    expect(classifyCode('281234567890123').ok).toBe(false); // 15 digits
    expect(classifyCode('abc').ok).toBe(false);
  });

  it('reads a 缴款码 from its QR (JKM: or a jkm= parameter) or typed as 20 digits', () => {
    const n = '33010024110000000017';
    for (const text of [`JKM:${n}`, `https://pay.example.gov.cn/fs?jkm=${n}&v=1`, n])
      expect(classifyCode(text)).toEqual({ ok: true, value: { kind: 'paymentNotice', noticeNo: n } });
  });

  it('masks every code in logs', () => {
    expect(maskCode({ kind: 'wechat', code: '134567890123456789' })).toBe('wechat 13**************89');
    expect(maskCode({ kind: 'paymentNotice', noticeNo: '33010024110000000017' })).not.toContain('0024110000');
  });

  it('never throws on random bytes, and refuses control bytes and endless lines', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => void decodeScan(b)));
    expect(decodeScan(Uint8Array.of(0x1b, 0x31))).toMatchObject({ ok: false, error: { code: 'notText' } });
    expect(decodeScan(new Uint8Array(MAX_SCAN_BYTES + 1).fill(0x31))).toMatchObject({ ok: false, error: { code: 'tooLong' } });
  });
});

describe('framing one code per frame', () => {
  it('splits at CR, LF or CR LF, whatever chunks the bytes arrive in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 }), (cuts) => {
        const stream = bytes('134567890123456789\r\nJKM:33010024110000000017\r2812345678901234\n');
        const f = new ScanFramer();
        const frames: string[] = [];
        let at = 0;
        for (const c of cuts.concat(stream.length)) {
          for (const fr of f.push(stream.subarray(at, at + c))) frames.push(Buffer.from(fr).toString('latin1'));
          at += c;
          if (at >= stream.length) break;
        }
        expect(frames).toEqual(['134567890123456789', 'JKM:33010024110000000017', '2812345678901234']);
      }),
    );
  });

  it('hands a code without suffix over on flush (inter-byte silence)', () => {
    const f = new ScanFramer();
    expect(f.push(bytes('1345678901'))).toEqual([]);
    expect(Buffer.from(f.flush()!).toString()).toBe('1345678901');
    expect(f.flush()).toBeNull();
  });
});

describe('USB HID POS Scanned Data Reports (usage page 0x8C)', () => {
  it('parses a golden report: id 2, length, AIM symbology, data, continuation bit', () => {
    const r = new Uint8Array(64);
    r.set([0x02, 18, 0x5d, 0x51, 0x31]); // ]Q1
    r.set(bytes('134567890123456789'), 5);
    const parsed = parseScannedDataReport(r);
    expect(parsed).toMatchObject({ ok: true, value: { symbology: ']Q1', continued: false } });
    expect(Buffer.from((parsed as { value: { data: Uint8Array } }).value.data).toString()).toBe('134567890123456789');
  });

  it('joins a long QR spread over several reports into one framed code', () => {
    const url = `https://pay.example.gov.cn/nontax/notice?region=330100&channel=terminal&jkm=33010024110000000017`;
    const reports = encodeScannedData(bytes(url));
    expect(reports.length).toBeGreaterThan(1);
    const f = new ScanFramer();
    const frames = reports.flatMap((r) => f.push(hidPosFraming.fromReport(r)));
    expect(frames).toHaveLength(1);
    expect(decodeScan(frames[0]!)).toEqual({ ok: true, value: { kind: 'paymentNotice', noticeNo: '33010024110000000017' } });
  });

  it('refuses short reports, other report ids and impossible lengths; adds nothing to the stream', () => {
    expect(parseScannedDataReport(new Uint8Array(10))).toMatchObject({ ok: false, error: { code: 'shortReport' } });
    const other = new Uint8Array(64);
    other[0] = 0x04;
    expect(parseScannedDataReport(other)).toMatchObject({ ok: false, error: { code: 'notScannedData' } });
    const long = new Uint8Array(64);
    long.set([0x02, 60]);
    expect(parseScannedDataReport(long)).toMatchObject({ ok: false, error: { code: 'badLength' } });
    expect(hidPosFraming.fromReport(long)).toHaveLength(0);
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 80 }), (b) => void hidPosFraming.fromReport(b)));
  });
});

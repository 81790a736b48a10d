import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeCardContent,
  decodeCommand,
  decodeResponse,
  encodeCommand,
  encodeResponse,
  formatSamId,
  statusCodes,
  toHex,
  type CommandName,
} from '../../devices/id-card/codec.js';
import { errorForStatus } from '../../devices/id-card/errors.js';
import { FrameSplitter } from '../../devices/id-card/framing.js';
import { ga467HidFraming } from '../../devices/id-card/hid-report.js';
import { hexToBytes } from '../support/text-blocks.js';

describe('GA 467 command frames (golden, from the protocol)', () => {
  const golden: [CommandName, string][] = [
    ['resetSam', 'AA AA AA 96 69 00 03 10 FF EC'],
    ['samStatus', 'AA AA AA 96 69 00 03 11 FF ED'],
    ['readSamId', 'AA AA AA 96 69 00 03 12 FF EE'],
    ['findCard', 'AA AA AA 96 69 00 03 20 01 22'],
    ['selectCard', 'AA AA AA 96 69 00 03 20 02 21'],
    ['readTextPhoto', 'AA AA AA 96 69 00 03 30 01 32'],
    ['readAppendedAddress', 'AA AA AA 96 69 00 03 30 03 30'],
    ['readTextPhotoFingerprint', 'AA AA AA 96 69 00 03 30 10 23'],
  ];
  it.each(golden)('encodes %s', (name, frame) => {
    expect(toHex(encodeCommand(name))).toBe(frame);
    const back = decodeCommand(hexToBytes(frame));
    expect(back.ok && [back.value.cmd, back.value.para]).toEqual([...hexToBytes(frame).slice(7, 9)]);
  });
});

describe('GA 467 replies', () => {
  it('decodes the well-known find-card success reply (SW3 9F)', () => {
    const r = decodeResponse(hexToBytes('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    expect(r).toMatchObject({ ok: true, value: { sw3: 0x9f, status: 'cardFound', data: new Uint8Array(4) } });
  });

  it('decodes "no card" (SW3 80) and select success (SW3 90)', () => {
    expect(decodeResponse(hexToBytes('AA AA AA 96 69 00 04 00 00 80 84'))).toMatchObject({ ok: true, value: { status: 'noCard' } });
    expect(decodeResponse(hexToBytes('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C'))).toMatchObject({
      ok: true,
      value: { status: 'ok', data: new Uint8Array(8) },
    });
  });

  it.each(Object.entries(statusCodes))('maps SW3 %s to %s', (code, name) => {
    const r = decodeResponse(encodeResponse(Number(code)));
    expect(r.ok && r.value.status).toBe(name);
  });

  it('maps every failure status to a typed error with a resident message', () => {
    const expected: Record<string, [string, string]> = {
      noCard: ['noMedia', 'idcard.error.noCard'],
      readFailed: ['userError', 'idcard.error.keepStill'],
      selectFailed: ['userError', 'idcard.error.keepStill'],
      cardAuthFailed: ['userError', 'idcard.error.fakeOrDamaged'],
      samAuthFailed: ['userError', 'idcard.error.fakeOrDamaged'],
      infoAuthFailed: ['userError', 'idcard.error.fakeOrDamaged'],
      challengeFailed: ['userError', 'idcard.error.fakeOrDamaged'],
      unknownCardType: ['userError', 'idcard.error.unknownCard'],
      samSelfTestFailed: ['hardwareError', 'idcard.error.readerFault'],
      samNotAuthorised: ['hardwareError', 'idcard.error.readerFault'],
      checksumError: ['invalidData', 'idcard.error.retry'],
      lengthError: ['invalidData', 'idcard.error.retry'],
      commandError: ['invalidData', 'idcard.error.retry'],
      notPermitted: ['sequenceError', 'idcard.error.retry'],
      unknownError: ['hardwareError', 'idcard.error.readerFault'],
      noContent: ['hardwareError', 'idcard.error.readerFault'],
    };
    for (const [name, [code, key]] of Object.entries(expected)) {
      const e = errorForStatus(name as never, 0, 'test');
      expect([name, e.code, e.messageKey]).toEqual([name, code, key]);
    }
  });

  it('rejects a wrong checksum, a wrong preamble, a truncated frame and trailing bytes', () => {
    expect(decodeResponse(hexToBytes('AA AA AA 96 69 00 04 00 00 80 85'))).toMatchObject({ ok: false, error: { kind: 'badChecksum' } });
    expect(decodeResponse(hexToBytes('AA AA AB 96 69 00 04 00 00 80 84'))).toMatchObject({ ok: false, error: { kind: 'badPreamble' } });
    expect(decodeResponse(hexToBytes('AA AA AA 96 69 00 04 00 00'))).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    expect(decodeResponse(hexToBytes('AA AA AA 96 69 00 04 00 00 80 84 00'))).toMatchObject({ ok: false, error: { kind: 'badLength' } });
    expect(decodeResponse(hexToBytes('AA AA AA 96 69 FF FF 00'))).toMatchObject({ ok: false, error: { kind: 'badLength' } });
  });

  it('formats the SAM id for technicians', () => {
    const b = new Uint8Array(16);
    const v = new DataView(b.buffer);
    v.setUint16(0, 5, true);
    v.setUint16(2, 1, true);
    v.setUint32(4, 20260101, true);
    v.setUint32(8, 12345, true);
    v.setUint32(12, 3_000_000_001, true);
    expect(formatSamId(b)).toEqual({ ok: true, value: '05.01-20260101-0000012345-3000000001' });
    expect(formatSamId(new Uint8Array(3)).ok).toBe(false);
  });
});

describe('read reply content', () => {
  const u16 = (n: number) => [n >> 8, n & 0xff];
  it('splits text, photo and fingerprint by their length fields', () => {
    const data = Uint8Array.from([
      ...u16(256),
      ...u16(1024),
      ...u16(512),
      ...new Array(256).fill(1),
      ...new Array(1024).fill(2),
      ...new Array(512).fill(3),
    ]);
    const r = decodeCardContent(data, true);
    expect(r.ok && [r.value.text.length, r.value.photo.length, r.value.fingerprint.length, r.value.fingerprint[0]]).toEqual([
      256, 1024, 512, 3,
    ]);
  });

  it('refuses length fields that disagree with the bytes present', () => {
    const data = Uint8Array.from([...u16(256), ...u16(4000), ...new Array(1280).fill(0)]);
    expect(decodeCardContent(data, false)).toMatchObject({ ok: false, error: { kind: 'badPayload' } });
    expect(decodeCardContent(Uint8Array.of(1), false)).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    const badFp = Uint8Array.from([...u16(256), ...u16(0), ...u16(7), ...new Array(263).fill(0)]);
    expect(decodeCardContent(badFp, true)).toMatchObject({ ok: false, error: { kind: 'badPayload' } });
  });
});

describe('framing', () => {
  it('finds frames after junk and across chunk boundaries', () => {
    const s = new FrameSplitter();
    const f = encodeResponse(0x9f, Uint8Array.of(0, 0, 0, 0));
    const stream = Uint8Array.from([0x00, 0xaa, 0x13, ...f, ...f]);
    const out = [...s.push(stream.slice(0, 9)), ...s.push(stream.slice(9, 20)), ...s.push(stream.slice(20))];
    expect(out.map(toHex)).toEqual([toHex(f), toHex(f)]);
    expect(s.discarded).toBe(3);
  });

  it('resynchronises after an impossible length', () => {
    const s = new FrameSplitter();
    const f = encodeResponse(0x80);
    expect(s.push(Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff, ...f])).map(toHex)).toEqual([toHex(f)]);
  });
});

describe('USB HID report wrapping', () => {
  it('splits into 64-byte reports and reassembles', () => {
    const data = Uint8Array.from({ length: 150 }, (_, i) => i);
    const reports = ga467HidFraming.toReports(data);
    expect(reports.map((r) => [r.length, r[0], r[1]])).toEqual([
      [64, 0, 62],
      [64, 0, 62],
      [64, 0, 26],
    ]);
    const back = reports.flatMap((r) => [...ga467HidFraming.fromReport(r.slice(1))]);
    expect(back).toEqual([...data]);
  });
});

describe('properties (fast-check)', () => {
  it('round-trips any reply', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 2000 }), (sw3, data) => {
        const r = decodeResponse(encodeResponse(sw3, data));
        return r.ok && r.value.sw3 === sw3 && Buffer.from(r.value.data).equals(Buffer.from(data));
      }),
    );
  });

  it('never throws on random bytes, and random bytes never decode as a valid frame by accident', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = decodeResponse(bytes);
        new FrameSplitter().push(bytes);
        decodeCardContent(bytes, true);
        return !r.ok || (bytes[0] === 0xaa && bytes[4] === 0x69);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects every truncation of a valid frame', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), fc.nat(), (data, cut) => {
        const f = encodeResponse(0x90, data);
        const n = cut % f.length;
        return !decodeResponse(f.slice(0, n)).ok;
      }),
    );
  });

  it('detects every single flipped bit after the preamble', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (data, pos, bit) => {
        const f = encodeResponse(0x90, data);
        const i = 5 + (pos % (f.length - 5));
        const g = f.slice();
        g[i]! ^= 1 << bit;
        return !decodeResponse(g).ok;
      }),
    );
  });
});

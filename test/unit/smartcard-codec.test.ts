import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceError } from '../../devices/core/errors.js';
import { err, ok } from '../../devices/core/result.js';
import { getResponse, parseResponse, readRecord, selectByName, selectEf, SSSE_AID } from '../../devices/smart-card/apdu.js';
import { readSocialSecurityCard, type Transmit } from '../../devices/smart-card/read-card.js';
import { applyRecord, bcdDate, emptyCard, recordValue } from '../../devices/smart-card/records.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

describe('APDUs', () => {
  it('builds the commands the card specification names', () => {
    expect(hex(selectByName(SSSE_AID))).toBe('00A404000F7378312E73682EC9E7BBE1B1A3D5CF');
    expect(hex(selectEf(0xef05))).toBe('00A4020002EF05');
    expect(hex(readRecord(0x09))).toBe('00B2090000');
    expect(hex(getResponse(0x0a))).toBe('00C000000A');
  });

  it('parses status words and refuses a response without one', () => {
    expect(parseResponse(Uint8Array.of(1, 2, 0x90, 0x00))).toMatchObject({ ok: true, value: { sw: '9000', data: Uint8Array.of(1, 2) } });
    expect(parseResponse(Uint8Array.of(0x6a))).toMatchObject({ ok: false });
  });
});

describe('records', () => {
  it('decodes BCD dates, TLV values, GBK names, gender and nation', () => {
    expect(bcdDate(Uint8Array.of(0x19, 0x42, 0x08, 0x20))).toBe('1942-08-20');
    expect(bcdDate(Uint8Array.of(0xff, 0x42))).toBeNull();
    expect(recordValue(0x07, Uint8Array.of(0x07, 2, 0x41, 0x42))).toEqual(Uint8Array.of(0x41, 0x42));
    expect(recordValue(0x07, Uint8Array.of(0x41, 0x42))).toEqual(Uint8Array.of(0x41, 0x42));
    let c = applyRecord(emptyCard(), 0x09, Uint8Array.of(0xcd, 0xf5, 0xd0, 0xe3, 0xd3, 0xa2, 0x20, 0x20));
    c = applyRecord(c, 0x0a, Uint8Array.of(0x32));
    c = applyRecord(c, 0x0b, Uint8Array.of(0x05));
    c = applyRecord(c, 0x01, Uint8Array.from(Buffer.from('310100D156000005')));
    expect(c).toMatchObject({ name: '王秀英', gender: 'female', nationCode: '05', nation: '维吾尔', regionCode: '310100' });
  });

  it('never throws on random record values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 64 }), (tag, v) => (applyRecord(emptyCard(), tag, v), true)),
    );
  });
});

/** A scripted card: answers by command hex; records answer 6Cxx first, then the TLV. */
function scriptedCard(opts: { appSelect: string; ef06Refused?: boolean }): { transmit: Transmit; log: string[] } {
  const log: string[] = [];
  const records: Record<number, number[]> = {
    0x07: [...Buffer.from('A12345678')],
    0x08: [...Buffer.from('110105194912310021')],
    0x09: [0xd5, 0xc5, 0xc8, 0xfd],
  };
  let file = '';
  const transmit: Transmit = async (apdu) => {
    const h = hex(apdu);
    log.push(h);
    const r = (s: string, data: number[] = []) => ok(Uint8Array.from([...data, ...Buffer.from(s, 'hex')]));
    if (h.startsWith('00A40400')) return r(opts.appSelect);
    if (h === '00C0000004') return r('9000', [0x6f, 2, 0, 0]);
    if (h === '00A40000023F00') return r('9000');
    if (h.startsWith('00A4020002EF')) return ((file = h.slice(-4)), r('9000'));
    if (h.startsWith('00B2')) {
      if (file === 'EF06' && opts.ef06Refused) return r('6982');
      const tag = apdu[2]!;
      const v = records[tag];
      if (!v) return r('6A83');
      const tlv = [tag, v.length, ...v];
      return apdu[4] === tlv.length ? r('9000', tlv) : r(`6C${tlv.length.toString(16).padStart(2, '0')}`);
    }
    return r('6D00');
  };
  return { transmit, log };
}

describe('reading a social security card', () => {
  it('follows 61xx with GET RESPONSE and 6Cxx with the right Le', async () => {
    const { transmit, log } = scriptedCard({ appSelect: '6104' });
    const r = await readSocialSecurityCard(transmit);
    expect(r).toMatchObject({
      ok: true,
      value: { kind: 'complete', card: { cardNumber: 'A12345678', socialSecurityNumber: '110105194912310021', name: '张三' } },
    });
    expect(log).toContain('00C0000004');
    expect(log).toContain('00B207000B');
  });

  it('falls back to the MF when the SSSE application is not found (6A82)', async () => {
    const { transmit, log } = scriptedCard({ appSelect: '6A82' });
    expect((await readSocialSecurityCard(transmit)).ok).toBe(true);
    expect(log[1]).toBe('00A40000023F00');
  });

  it('returns what was read and authRequired when EF06 is refused', async () => {
    const { transmit } = scriptedCard({ appSelect: '9000', ef06Refused: true });
    expect(await readSocialSecurityCard(transmit)).toMatchObject({
      ok: true,
      value: { kind: 'authRequired', card: { cardNumber: 'A12345678', name: null } },
    });
  });

  it('calls the PSAM hook before reading holder data', async () => {
    const { transmit } = scriptedCard({ appSelect: '9000' });
    const calls: string[] = [];
    const psam = { name: 'test', authenticate: async () => (calls.push('auth'), ok(undefined)) };
    expect((await readSocialSecurityCard(transmit, psam)).ok).toBe(true);
    expect(calls).toEqual(['auth']);
    const refusing = { name: 'test', authenticate: async () => err(deviceError('authRequired', 'PSAM refused')) };
    expect(await readSocialSecurityCard(transmit, refusing)).toMatchObject({ ok: false, error: { code: 'authRequired' } });
  });

  it('never throws whatever the card answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 30 }), async (answers) => {
        let i = 0;
        const r = await readSocialSecurityCard(async () => ok(answers[i++ % answers.length]!));
        return typeof r.ok === 'boolean';
      }),
      { numRuns: 300 },
    );
  });
});

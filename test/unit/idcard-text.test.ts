import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, isValidIdNumber } from '../../devices/id-card/id-number.js';
import { ageOn, decodeTextBlock, formatDate, isExpired } from '../../devices/id-card/text-block.js';
import { block } from '../support/text-blocks.js';

describe('GB 11643 check character (MOD 11-2)', () => {
  it('accepts known valid numbers, including an X check character', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(checkCharacter('11010519491231002')).toBe('X');
  });

  it('rejects a wrong check character and malformed numbers', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(isValidIdNumber('1101051949123100AX')).toBe(false);
  });

  it('detects any single changed digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const id = body + checkCharacter(body)!;
        const changed = body.slice(0, pos) + ((Number(body[pos]) + delta) % 10) + body.slice(pos + 1);
        return isValidIdNumber(id) && !isValidIdNumber(changed + id[17]);
      }),
    );
  });
});

describe('text block layouts', () => {
  it('decodes a resident ID card (type " ")', () => {
    const t = block(' ', [
      [0, '张三'],
      [30, '1'],
      [32, '05'],
      [36, '19491231'],
      [52, '北京市东城区某街1号'],
      [122, '11010519491231002X'],
      [158, '北京市公安局东城分局'],
      [188, '20150101'],
      [204, '20350101'],
    ]);
    expect(decodeTextBlock(t)).toEqual({
      ok: true,
      value: expect.objectContaining({
        cardType: 'resident',
        name: '张三',
        gender: 'male',
        genderCode: '1',
        nationCode: '05',
        nation: '维吾尔',
        birthDate: '1949-12-31',
        address: '北京市东城区某街1号',
        idNumber: '11010519491231002X',
        idNumberValid: true,
        issuer: '北京市公安局东城分局',
        validFrom: '2015-01-01',
        validTo: '2035-01-01',
        englishName: null,
        passNumber: null,
      }),
    });
  });

  it('reads 长期 as the end of validity', () => {
    const r = decodeTextBlock(
      block(' ', [
        [0, '李四'],
        [188, '20100101'],
        [204, '长期'],
      ]),
    );
    expect(r.ok && r.value.validTo).toBe('长期');
    expect(isExpired({ validTo: '长期' }, '2099-01-01')).toBe(false);
  });

  it('shows an unknown nation code raw instead of failing', () => {
    const r = decodeTextBlock(
      block(' ', [
        [0, '王五'],
        [32, '77'],
      ]),
    );
    expect(r.ok && [r.value.nationCode, r.value.nation]).toEqual(['77', '77']);
  });

  it('decodes a Hong Kong/Macao/Taiwan residence permit (type J): no nation, pass number, issue count', () => {
    const r = decodeTextBlock(
      block('J', [
        [0, '陈大文'],
        [30, '1'],
        [32, '01'],
        [122, '810000199001010019'],
        [220, 'H12345678'],
        [238, '02'],
      ]),
    );
    expect(r.ok && r.value).toMatchObject({
      cardType: 'hkMacaoTaiwan',
      name: '陈大文',
      nationCode: null,
      passNumber: 'H12345678',
      issueCount: '02',
    });
  });

  it('decodes a 2017 foreign permanent resident card (type I)', () => {
    const r = decodeTextBlock(
      block('I', [
        [0, 'DOE, JANE'],
        [120, '2'],
        [122, 'CAN110080010112'],
        [152, 'CAN'],
        [158, '简多'],
        [188, '20180101'],
        [204, '20280101'],
        [220, '19800101'],
        [236, '01'],
        [240, '1500'],
      ]),
    );
    expect(r.ok && r.value).toMatchObject({
      cardType: 'foreignPermanent2017',
      englishName: 'DOE, JANE',
      gender: 'female',
      idNumber: 'CAN110080010112',
      idNumberValid: null,
      nationality: 'CAN',
      name: '简多',
      birthDate: '1980-01-01',
      cardVersion: '01',
      authorityCode: '1500',
    });
  });

  it('decodes a 2023 foreign permanent resident card (type Y), joining both English name parts', () => {
    const r = decodeTextBlock(
      block('Y', [
        [0, '玛丽'],
        [30, '2'],
        [32, '01'],
        [36, '19900101'],
        [52, 'GARCIA LOPEZ, MARIA ISABEL DE LA CR'],
        [122, '933100199001010022'],
        [220, 'UZ'],
        [242, 'ESP'],
      ]),
    );
    expect(r.ok && r.value).toMatchObject({
      cardType: 'foreignPermanent2023',
      name: '玛丽',
      renewalCount: '01',
      englishName: 'GARCIA LOPEZ, MARIA ISABEL DE LA CRUZ',
      idNumber: '933100199001010022',
      idNumberValid: true,
      nationality: 'ESP',
    });
  });

  it('reports a bad check digit instead of hiding it', () => {
    const r = decodeTextBlock(
      block(' ', [
        [0, '赵六'],
        [122, '110105194912310021'],
      ]),
    );
    expect(r.ok && r.value.idNumberValid).toBe(false);
  });

  it('refuses an unknown card type marker and a wrong block size', () => {
    expect(decodeTextBlock(block('Q' as never, [])).ok).toBe(false);
    expect(decodeTextBlock(new Uint8Array(10)).ok).toBe(false);
  });

  it('never throws on random text blocks', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), (b) => (decodeTextBlock(b), true)));
  });

  it('keeps impossible dates raw and computes age and expiry', () => {
    expect(formatDate('20230230')).toBe('20230230');
    expect(formatDate('20240229')).toBe('2024-02-29');
    expect(ageOn('1942-08-20', '2026-08-19')).toBe(83);
    expect(ageOn('1942-08-20', '2026-08-20')).toBe(84);
    expect(isExpired({ validTo: '2020-01-01' }, '2026-11-21')).toBe(true);
    expect(isExpired({ validTo: '2030-01-01' }, '2026-11-21')).toBe(false);
    expect(isExpired({ validTo: 'garbage' }, '2026-11-21')).toBe(true);
  });
});

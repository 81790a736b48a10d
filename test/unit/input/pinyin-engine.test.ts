import { beforeAll, describe, expect, it } from 'vitest';
import { catalogVocabulary } from '../../../main/core/input/catalog-vocabulary.js';
import { PinyinDictionary } from '../../../main/core/input/pinyin-dictionary.js';
import { PinyinEngine } from '../../../main/core/input/pinyin-engine.js';

// the real, full dictionary derived from Debian's Rime data: what residents get
let dictionary: PinyinDictionary;
beforeAll(() => {
  dictionary = PinyinDictionary.load();
}, 30_000);

const top = (letters: string, n = 5, context?: string) =>
  new PinyinEngine(dictionary).candidates({ letters, context, limit: n }).map((c) => c.text);

describe('pinyin candidates', () => {
  it('reads initials, partial syllables, full pinyin and a mix of them as 身份证', () => {
    expect(top('sfz')[0]).toBe('身份证');
    expect(top('shenfenz')[0]).toBe('身份证');
    expect(top('shenfenzheng')[0]).toBe('身份证');
    expect(top('shenfz')).toContain('身份证');
  });

  it('reads polyphones by the word they are in', () => {
    expect(top('yinhang')[0]).toBe('银行');
    expect(top('xingzheng')[0]).toBe('行政');
    expect(top('hang', 3)).toContain('行');
    expect(top('chongqing')[0]).toBe('重庆');
    expect(top('zhongyao')[0]).toBe('重要');
    expect(top('zhangda')[0]).toBe('长大');
    expect(top('changan')[0]).toBe('长安');
  });

  it('takes ü typed as v', () => {
    expect(top('lvse')[0]).toBe('绿色');
    expect(top('nv', 3)).toContain('女');
  });

  it('offers the words that cover the start of longer input, saying how many letters each uses', () => {
    const engine = new PinyinEngine(dictionary);
    const first = engine.candidates({ letters: 'budongchanchaxun', limit: 8 });
    const budongchan = first.find((c) => c.text === '不动产');
    expect(budongchan?.consumed).toBe('budongchan'.length);
    const rest = engine.candidates({ letters: 'chaxun', context: '不动产', limit: 3 });
    expect(rest[0]).toEqual({ text: '查询', consumed: 6 });
  });

  it('offers the likeliest run of words first when no single word covers what was typed', () => {
    const engine = new PinyinEngine(dictionary);
    expect(engine.candidates({ letters: 'budongchanchaxun', limit: 3 })[0]).toEqual({ text: '不动产查询', consumed: 16 });
    expect(top('woyaobanshenfenzheng', 1)[0]).toBe('我要办身份证');
    expect(top('shenfenzheng', 1)[0]).toBe('身份证');
  });

  it('prefers the exact syllable to a longer one that starts with it, and honours an apostrophe', () => {
    expect(top('xian', 3)).toContain('先');
    expect(top('xian', 3)).not.toContain('想');
    expect(top("xi'an")[0]).toBe('西安');
  });

  it('lets the characters before the cursor pick the word they continue', () => {
    expect(top('ji', 1)[0]).not.toBe('籍');
    expect(top('ji', 1, '户')[0]).toBe('籍');
  });

  it('ranks this catalog’s words first (不动产登记 from a matter name)', () => {
    expect(top('bdcdj', 1)[0]).not.toBe('不动产登记');
    const engine = new PinyinEngine(dictionary);
    engine.setVocabulary(catalogVocabulary(['不动产登记信息自助查询、打印', '市自然资源和规划局'], dictionary));
    expect(engine.candidates({ letters: 'bdcdj', limit: 3 })[0]?.text).toBe('不动产登记');
    expect(engine.candidates({ letters: 'zrzy', limit: 3 })[0]?.text).toBe('自然资源');
  });

  it('gives nothing for letters that are not pinyin', () => {
    expect(top('iii')).toEqual([]);
    expect(top('')).toEqual([]);
  });

  it('learns nothing: choosing a rare candidate does not change what the next resident sees', () => {
    const engine = new PinyinEngine(dictionary);
    const before = engine.candidates({ letters: 'shi', limit: 8 });
    engine.candidates({ letters: 'shi', context: '实', limit: 8 });
    expect(engine.candidates({ letters: 'shi', limit: 8 })).toEqual(before);
  });
});

describe('catalog vocabulary', () => {
  it('keeps short names whole, and splits long ones into words and adjacent pairs', () => {
    const words = catalogVocabulary(['不动产登记信息自助查询、打印', '户籍证明'], dictionary);
    expect(words).toContain('不动产');
    expect(words).toContain('不动产登记');
    expect(words).toContain('自助查询');
    expect(words).toContain('户籍证明');
    expect(words).not.toContain('不动产登记信息自助查询');
  });
});

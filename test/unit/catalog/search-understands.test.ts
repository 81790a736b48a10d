import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../emulators/platform/dataset.js';
import { isLocal } from '../../../main/core/catalog/search/region.js';
import { SearchIndex, type SearchableMatter } from '../../../main/core/catalog/search/search-index.js';

const real = buildCatalog(1).map((m): SearchableMatter => ({
  id: m.id,
  name: m.name,
  aliases: m.aliases as string[],
  popularity: m.popularity,
  terminal: (m.channels as { terminal: unknown }).terminal !== null,
  regionCode: m.regionCode as string | null,
  region: m.region as string | null,
}));
const index = new SearchIndex(real);
const top = (q: string, k = 3, idx = index) => {
  idx.resetTyping();
  return idx.search(q, k).map((h) => h.name);
};

describe('what residents reported in issue 11', () => {
  it('不动产查询 finds 不动产登记信息自助查询、打印 (words spread over the name), also typed 查询不动产, in pinyin and initials', () => {
    for (const q of ['不动产查询', '查询不动产', 'budongchanchaxun', 'bdccx'])
      expect(top(q, 1), q).toEqual(['不动产登记信息自助查询、打印']);
  });

  it('低保证明 finds the 最低生活保障 family certificate, not a pension record', () => {
    expect(top('低保证明', 1)).toEqual(['城乡居民最低生活保障家庭证明出具']);
    expect(top('低保证明', 10).some((n) => /养老/.test(n))).toBe(false);
  });

  it('低收入证明 finds 低收入困难家庭证明开具', () => {
    expect(top('低收入证明', 1)).toEqual(['低收入困难家庭证明开具']);
  });

  it('个税 offers income-tax matters and no 水文测站审批', () => {
    const names = top('个税', 10);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes('个人所得税'))).toBe(true);
  });
});

describe('pieces of the query anywhere in the name', () => {
  const small = new SearchIndex([
    { id: 'a', name: '不动产登记信息自助查询、打印', aliases: [], popularity: 10, terminal: true },
    { id: 'b', name: '不动产登记', aliases: [], popularity: 90, terminal: false },
    { id: 'c', name: '个人信用报告查询', aliases: [], popularity: 50, terminal: true },
  ]);

  it('every piece must be found: 不动产查询 does not offer 不动产登记 alone', () => {
    expect(top('不动产查询', 5, small)).toEqual(['不动产登记信息自助查询、打印']);
  });

  it('a contiguous match ranks above the same words spread out', () => {
    const hits = small.search('不动产登记', 2);
    expect(hits.map((h) => h.kind)).toEqual(['exact', 'prefix']);
  });

  it('filler words of a question are dropped (我想查一下公积金 → 公积金…)', () => {
    expect(top('我想查一下公积金', 1)[0]).toMatch(/公积金/);
  });
});

describe('typos and noise', () => {
  it('one wrong initial still finds the matter (hjzn → 户籍证明开具), and only it', () => {
    expect(top('hjzn', 5)).toEqual(['户籍证明开具']);
  });

  it('one wrong letter in pinyin (jingkaoka → 敬老卡申领)', () => {
    expect(top('jingkaoka', 3)).toContain('敬老卡申领');
  });

  it('a weak typo hit is not shown when a real match exists', () => {
    const hits = index.search('hujizhengming', 10);
    expect(hits[0]!.name).toBe('户籍证明开具');
    expect(hits.some((h) => h.kind === 'fuzzy' || h.kind === 'partial')).toBe(false);
  });

  it('syllables scattered one by one over a name are not a match beside real ones (shiye: 失业, not 律师执业)', () => {
    const names = top('shiye', 10);
    expect(names[0]).toBe('失业登记');
    expect(names.some((n) => n.includes('律师'))).toBe(false);
  });

  it('a long question finds its matter by its most telling words when nothing covers all of it', () => {
    expect(top('贫困单身母亲怎么办理低保手续', 3)).toContain('最低生活保障');
  });
});

describe('region', () => {
  it('GB/T 2260: a city-level matter serves its districts; another province does not', () => {
    expect(isLocal('310000', '310106')).toBe(true);
    expect(isLocal('310106', '310106')).toBe(true);
    expect(isLocal('310101', '310106')).toBe(true);
    expect(isLocal('511602000000', '310106')).toBe(false);
    expect(isLocal(null, '310106')).toBe(true);
    expect(isLocal('511602', null)).toBe(true);
  });

  const shanghai = new SearchIndex(real, { terminalRegion: '310106' });

  it('a Shanghai terminal does not list a Sichuan district’s tax matters when its own match', () => {
    const hits = shanghai.search('税', 10);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.region === null)).toBe(true);
    expect(hits.map((h) => h.name)).toContain('房产税查询');
  });

  it('matters implemented elsewhere are shown, marked with their region, when nothing local matches', () => {
    shanghai.resetTyping();
    const hits = shanghai.search('残疾人证新办', 3);
    expect(hits[0]).toMatchObject({ name: '残疾人证新办', region: '四川省广安市广安区' });
  });
});

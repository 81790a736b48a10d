import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchableMatter } from '../../../main/core/catalog/search/search-index.js';

const m = (id: string, name: string, extra: Partial<SearchableMatter> = {}): SearchableMatter => ({
  id,
  name,
  aliases: [],
  popularity: 10,
  terminal: false,
  ...extra,
});

const catalog = [
  m('exact', '户籍证明'),
  m('prefix', '户籍证明开具'),
  m('substring', '开具户籍证明材料'),
  m('other', '居住证签注'),
  m('popular', '户籍迁移登记', { popularity: 90 }),
  m('quiet', '户籍信息变更', { popularity: 5 }),
  m('crime', '开具有无违法犯罪记录证明', { aliases: ['无犯罪证明'], terminal: true }),
  m('lawyer', '律师执业证注销'),
];

const names = (index: SearchIndex, q: string) => index.search(q, 10).map((h) => h.id);

describe('ranking', () => {
  const index = new SearchIndex(catalog);

  it('exact name before prefix before substring', () => {
    const hits = index.search('户籍证明', 10);
    expect(hits.slice(0, 3).map((h) => [h.id, h.kind])).toEqual([
      ['exact', 'exact'],
      ['prefix', 'prefix'],
      ['substring', 'substring'],
    ]);
  });

  it('full pinyin ranks above initials, and both find the same matter', () => {
    const py = index.search('hujizhengming', 3)[0]!;
    const ini = index.search('hjzm', 3)[0]!;
    expect(py.kind).toBe('pinyin');
    expect(ini.kind).toBe('initials');
    expect(py.score).toBeGreaterThan(ini.score);
    expect(['exact', 'prefix']).toContain(py.id);
  });

  it('mixed characters and initials match (户籍zm)', () => {
    expect(names(index, '户籍zm').slice(0, 2).sort()).toEqual(['exact', 'prefix']);
  });

  it('popularity orders matters of the same match quality', () => {
    const ids = names(index, 'huji');
    expect(ids.indexOf('popular')).toBeLessThan(ids.indexOf('quiet'));
  });

  it('a matter that can be done here is lifted within its tier', () => {
    const here = new SearchIndex([
      m('hall', '户籍证明甲', { popularity: 50 }),
      m('here', '户籍证明乙', { popularity: 40, terminal: true }),
    ]);
    expect(names(here, '户籍证明')[0]).toBe('here');
  });

  it('a colloquial name finds the official matter and says so', () => {
    const hit = index.search('无犯罪证明', 1)[0]!;
    expect(hit).toMatchObject({ id: 'crime', name: '开具有无违法犯罪记录证明', viaAlias: '无犯罪证明' });
  });

  it('small typos still find the matter, ranked as fuzzy', () => {
    const hit = index.search('hujizhnegming', 3).find((h) => h.id === 'exact' || h.id === 'prefix');
    expect(hit?.kind).toBe('fuzzy');
  });

  it('ü typed as v or u', () => {
    expect(names(index, 'lvshi')[0]).toBe('lawyer');
    expect(names(index, 'lushi')[0]).toBe('lawyer');
  });

  it('a query matching nothing returns nothing, and an empty query too', () => {
    expect(index.search('xyzxyzq', 5)).toEqual([]);
    expect(index.search('   ', 5)).toEqual([]);
  });

  it('one name implemented by many agencies is one result naming how many others', () => {
    const scaled = new SearchIndex([
      m('a', '失业登记', { popularity: 3 }),
      m('b', '失业登记', { popularity: 9 }),
      m('c', '失业登记', { popularity: 1 }),
    ]);
    const hits = scaled.search('shiye', 5);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ id: 'b', otherImplementations: 2 });
  });
});

describe('typing one key at a time', () => {
  it('narrowing from the previous keystroke (and the short-query cache) gives exactly what a fresh search gives', () => {
    const index = new SearchIndex(catalog);
    const fresh = new SearchIndex(catalog, { cacheShortQueries: false });
    const alphabet = [...'hujizegmnkaslvwf户籍证明开具律师'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 10 }), (keys) => {
        index.resetTyping();
        let typed = '';
        for (const k of keys) {
          typed += k;
          fresh.resetTyping();
          expect(index.search(typed, 10)).toEqual(fresh.search(typed, 10));
        }
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../emulators/platform/dataset.js';
import { SearchIndex, type SearchableMatter } from '../../../main/core/catalog/search/search-index.js';

// Big enough that scans stop early (every 256 names) and typo passes stop and narrow: the shortcuts must not change
// what a resident sees.
const base = buildCatalog(1).map((m): SearchableMatter => ({
  id: m.id,
  name: m.name,
  aliases: m.aliases as string[],
  popularity: m.popularity,
  terminal: (m.channels as { terminal: unknown }).terminal !== null,
  regionCode: m.regionCode as string | null,
  region: m.region as string | null,
}));
const catalog = base.flatMap((m) =>
  ['新办', '变更', '注销'].map((item, k) => ({ ...m, id: `${m.id}~${k}`, name: `${m.name}（${item}）` })),
);

describe('typing key by key on a catalog of ~4,000 distinct names', () => {
  const typing = new SearchIndex(catalog, { terminalRegion: '310106' });
  const fresh = new SearchIndex(catalog, { terminalRegion: '310106', cacheShortQueries: false });

  it('the catalog is big enough for a broad query to stop its scan early', () => {
    typing.resetTyping();
    typing.search('she', 6);
    // a scan that stopped early keeps no list of names to narrow from
    expect((typing as unknown as { previous: { matched: number[] | null } }).previous.matched).toBeNull();
  });

  it('gives exactly what a fresh search gives, at every key', () => {
    const keys = [...'shebaogjjhujizmnxuydlwk', '户', '籍', '证', '明', '社', '保', '低'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...keys), { minLength: 1, maxLength: 9 }), (typed) => {
        typing.resetTyping();
        let q = '';
        for (const k of typed) {
          q += k;
          fresh.resetTyping();
          expect(typing.search(q, 6), q).toEqual(fresh.search(q, 6));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('and so for the labelled typo queries typed out letter by letter', () => {
    for (const word of ['xiangshouvhengxiang', 'shewaijunyi', 'anquansjengchan', 'jiagegpngshi']) {
      typing.resetTyping();
      for (let n = 1; n <= word.length; n++) {
        fresh.resetTyping();
        expect(typing.search(word.slice(0, n), 6), word.slice(0, n)).toEqual(fresh.search(word.slice(0, n), 6));
      }
    }
  });
});

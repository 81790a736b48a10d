import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../emulators/platform/dataset.js';
import { SearchIndex } from '../../../main/core/catalog/search/search-index.js';

const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../fixtures/search-queries.json'), 'utf8')) as {
  queries: { query: string; expected: string; kind: string }[];
};

describe('relevance on the real catalog', () => {
  const matters = buildCatalog(1);
  const index = new SearchIndex(
    matters.map((m) => ({
      id: m.id,
      name: m.name,
      aliases: m.aliases as string[],
      popularity: m.popularity,
      terminal: (m.channels as { terminal: unknown }).terminal !== null,
    })),
  );

  it('the labelled set covers every kind of query, with at least 60 queries naming real matters', () => {
    expect(fixture.queries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(fixture.queries.map((q) => q.kind))).toEqual(new Set(['chinese', 'pinyin', 'initials', 'mixed', 'typo', 'alias']));
    const names = new Set(matters.map((m) => m.name));
    expect(fixture.queries.filter((q) => !names.has(q.expected)).map((q) => q.expected)).toEqual([]);
  });

  it('puts the expected matter in the top 3 for at least 95% of the queries', () => {
    const misses = fixture.queries.filter((q) => !index.search(q.query, 3).some((h) => h.name === q.expected));
    expect(misses.length / fixture.queries.length, JSON.stringify(misses)).toBeLessThanOrEqual(0.05);
  });
});

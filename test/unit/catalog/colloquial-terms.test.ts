import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../emulators/platform/dataset.js';
import { colloquialTerms } from '../../../main/core/catalog/search/colloquial-terms.js';
import { SearchIndex } from '../../../main/core/catalog/search/search-index.js';

const index = new SearchIndex(
  buildCatalog(1).map((m) => ({
    id: m.id,
    name: m.name,
    aliases: m.aliases as string[],
    popularity: m.popularity,
    terminal: (m.channels as { terminal: unknown }).terminal !== null,
  })),
);

describe('colloquial terms (data with sources)', () => {
  it('every entry names where it was seen and a real matter', () => {
    for (const t of colloquialTerms) {
      expect(t.source.length, t.term).toBeGreaterThan(10);
      expect(t.official.length, t.term).toBeGreaterThan(0);
    }
  });

  // one test per entry: the word a resident types finds the real matter whose name says it officially
  for (const t of colloquialTerms) {
    it(`${t.term} finds ${t.example}`, () => {
      const query = t.probe ?? t.term;
      const names = index.search(query, 10).map((h) => h.name);
      expect(names, query).toContain(t.example);
    });
  }

  it('a term typed in full pinyin is read the same way (dibao, geshui)', () => {
    expect(index.search('dibao', 5).map((h) => h.name)).toContain('最低生活保障');
    expect(index.search('geshui', 5)[0]!.name).toMatch(/个人所得税/);
  });

  it('the hit says which colloquial word it was read from', () => {
    const hit = index.search('个税', 1)[0]!;
    expect(hit.viaAlias).toMatch(/^个税/);
    expect(hit.name).toMatch(/个人所得税/);
  });
});

const aliasRules = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../emulators/platform/data/aliases.json'), 'utf8')) as {
    rules: { match: string; aliases: string[]; source: string }[];
  }
).rules;

describe('per-matter aliases the emulated platform publishes (emulators/platform/data/aliases.json)', () => {
  const catalog = buildCatalog(1);
  for (const rule of aliasRules) {
    it(`${rule.aliases.join(', ')} find the matter named /${rule.match}/`, () => {
      const targets = catalog.filter((m) => new RegExp(rule.match).test(m.name));
      expect(targets.length, 'the rule names a real matter').toBeGreaterThan(0);
      expect(rule.source.length).toBeGreaterThan(10);
      for (const alias of rule.aliases) {
        expect(
          targets.every((m) => (m.aliases as string[]).includes(alias)),
          alias,
        ).toBe(true);
        const names = index.search(alias, 5).map((h) => h.name);
        expect(
          targets.some((m) => names.includes(m.name)),
          alias,
        ).toBe(true);
      }
    });
  }
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApproximateMatcher } from '../../../main/core/catalog/search/fuzzy.js';

/** Textbook dynamic programming: smallest edit distance of `p` to any substring of `t`. */
function naive(p: string, t: string): number {
  let prev = Array.from({ length: p.length + 1 }, (_, i) => i);
  let best = prev[p.length]!;
  for (const c of t) {
    const cur = [0];
    for (let i = 1; i <= p.length; i++) cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (p[i - 1] === c ? 0 : 1));
    best = Math.min(best, cur[p.length]!);
    prev = cur;
  }
  return best;
}

describe('approximate substring matching (Myers)', () => {
  it('agrees with the textbook algorithm', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdhjz'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(word, fc.string({ unit: fc.constantFrom(...'abcdhjz'), maxLength: 40 }), (p, t) => {
        const d = naive(p, t);
        expect(new ApproximateMatcher(p).distance(t, 3)).toBe(d <= 3 ? d : 4);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a transposition typo within two edits', () => {
    expect(new ApproximateMatcher('hujizhnegming').distance('hujizhengmingkaiju', 2)).toBe(2);
  });
});

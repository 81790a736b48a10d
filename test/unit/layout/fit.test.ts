import { describe, expect, it } from 'vitest';
import { scrollFit } from '../../../renderer/src/components/ScrollArea.js';
import { fitCount, pageKeepingFirst } from '../../../renderer/src/components/useFitPageSize.js';
import { cssVariables, elderlyMinimums } from '../../../renderer/src/theme/tokens.js';

describe('a list page holds what fits', () => {
  it('counts whole rows only, gaps between them, and at least one', () => {
    expect(fitCount(500, 100, 12)).toBe(4); // 4×100 + 3×12 = 436 ≤ 500; 5 rows need 548
    expect(fitCount(548, 100, 12)).toBe(5);
    expect(fitCount(50, 100, 12)).toBe(1);
  });

  it('keeps the first item of the page in view when the page size changes', () => {
    expect(pageKeepingFirst(2, 6, 4)).toBe(3); // item 12 is on page 3 of four-item pages
    expect(pageKeepingFirst(3, 4, 6)).toBe(2);
    expect(pageKeepingFirst(0, 6, 2)).toBe(0);
  });
});

describe('a scroll area says which screenful shows', () => {
  it('is one page when everything fits', () => {
    expect(scrollFit(0, 600, 600)).toEqual({ pages: 1, page: 1 });
  });
  it('counts screens and reports the last one at the end', () => {
    expect(scrollFit(0, 500, 1200)).toEqual({ pages: 3, page: 1 });
    expect(scrollFit(500, 500, 1200)).toEqual({ pages: 3, page: 2 });
    expect(scrollFit(700, 500, 1200)).toEqual({ pages: 3, page: 3 });
  });
});

describe('长辈模式 scales every size from the tokens', () => {
  it('keeps targets ≥ 88 px and text ≥ 32 px, and scales spacing, lines and drawings too', () => {
    const standard = cssVariables(false);
    const elderly = cssVariables(true);
    expect(parseInt(elderly['--size-touchTarget']!)).toBeGreaterThanOrEqual(elderlyMinimums.touchTarget);
    for (const f of ['fontBody', 'fontSmall', 'fontTitle'])
      expect(parseInt(elderly[`--size-${f}`]!)).toBeGreaterThanOrEqual(elderlyMinimums.fontSize);
    for (const k of ['space2', 'space4', 'line', 'focusRing', 'unit'])
      expect(parseFloat(elderly[`--size-${k}`]!), k).toBeGreaterThan(parseFloat(standard[`--size-${k}`]!));
  });

  it('leaves no raw pixel value in the style sheet for the scale to miss', async () => {
    const { readFileSync } = await import('node:fs');
    const css = readFileSync(new URL('../../../renderer/src/theme/global.css', import.meta.url), 'utf8');
    expect(css.match(/(?<![\w-])\d+px/g) ?? []).toEqual([]);
  });
});

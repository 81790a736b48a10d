import { describe, expect, it } from 'vitest';
import { contract } from '../../../main/bridge/contract.js';

const recognize = contract.requests['handwriting.recognize'].params;
const candidates = contract.requests['ime.candidates'].params;
const stroke = (points: number) => Array.from({ length: points }, (_, i) => [i, i]);

describe('input requests on the bridge', () => {
  it('accepts a drawing within the caps and refuses too many strokes or points', () => {
    expect(recognize.safeParse({ width: 600, height: 600, strokes: [stroke(400)] }).success).toBe(true);
    expect(recognize.safeParse({ width: 600, height: 600, strokes: Array.from({ length: 41 }, () => stroke(2)) }).success).toBe(false);
    expect(recognize.safeParse({ width: 600, height: 600, strokes: [stroke(401)] }).success).toBe(false);
    expect(recognize.safeParse({ width: 600, height: 600, strokes: [] }).success).toBe(false);
    expect(recognize.safeParse({ width: 600, height: 600, strokes: [[[Number.NaN, 1]]] }).success).toBe(false);
  });

  it('takes only pinyin letters (and apostrophes) to compose, with a default page of 8', () => {
    expect(candidates.parse({ letters: "xi'an" })).toEqual({ letters: "xi'an", page: 0, pageSize: 8 });
    expect(candidates.safeParse({ letters: 'abc1' }).success).toBe(false);
    expect(candidates.safeParse({ letters: '' }).success).toBe(false);
    expect(candidates.safeParse({ letters: 'a'.repeat(41) }).success).toBe(false);
  });
});

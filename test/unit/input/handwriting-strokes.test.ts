import { describe, expect, it } from 'vitest';
import { HandwritingRecognizer } from '../../../main/core/input/handwriting-recognizer.js';
import { PinyinDictionary } from '../../../main/core/input/pinyin-dictionary.js';
import { MODEL_BOX, normaliseDrawing, toSExpression } from '../../../main/core/input/strokes.js';

describe('stroke normalisation', () => {
  it('scales and centres a character written small in a corner of a wide pad into the model box', () => {
    const strokes = normaliseDrawing({
      width: 900,
      height: 600,
      strokes: [
        [
          [800, 500],
          [880, 500],
        ],
        [
          [840, 460],
          [840, 580],
        ],
      ],
    });
    const xs = strokes.flat().map((p) => p[0]);
    const ys = strokes.flat().map((p) => p[1]);
    expect(Math.min(...ys)).toBeLessThan(MODEL_BOX * 0.15);
    expect(Math.max(...ys)).toBeGreaterThan(MODEL_BOX * 0.85);
    expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(MODEL_BOX / 2, 0);
  });

  it('keeps a first short stroke short instead of blowing it up to the whole box', () => {
    const [dot] = normaliseDrawing({
      width: 600,
      height: 600,
      strokes: [
        [
          [300, 300],
          [310, 312],
        ],
      ],
    });
    const length = Math.hypot(dot![1]![0] - dot![0]![0], dot![1]![1] - dot![0]![1]);
    expect(length).toBeLessThan(MODEL_BOX / 3);
  });

  it('drops jitter and caps the points of a long stroke, keeping both ends', () => {
    const wobbly = Array.from({ length: 1000 }, (_, i) => [i * 0.5, 300 + (i % 2) * 0.3] as [number, number]);
    const [s] = normaliseDrawing({ width: 600, height: 600, strokes: [wobbly] });
    expect(s!.length).toBeLessThanOrEqual(48);
    expect(s![0]![0]).toBeLessThan(s![s!.length - 1]![0]);
  });

  it('writes zinnia’s S-expression on one line', () => {
    expect(
      toSExpression([
        [
          [1, 2],
          [3, 4],
        ],
      ]),
    ).toBe(`(character (width ${MODEL_BOX})(height ${MODEL_BOX})(strokes ((1 2)(3 4))))`);
  });
});

describe('handwriting re-ranking', () => {
  const dictionary = new PinyinDictionary([
    { text: '士', code: 'shi', weight: 5000 },
    { text: '土', code: 'tu', weight: 5000 },
    { text: '国土', code: 'guo tu', weight: 3000 },
  ]);
  const zinnia = {
    recognize: () =>
      Promise.resolve([
        { char: '士', score: 0.42 },
        { char: '土', score: 0.4 },
      ]),
  };
  const drawing = {
    width: 300,
    height: 300,
    strokes: [
      [
        [10, 10],
        [200, 10],
      ] as [number, number][],
    ],
  };

  it('keeps the recognizer’s order when nothing before the cursor says otherwise', async () => {
    expect(await new HandwritingRecognizer(zinnia, () => dictionary).recognize(drawing, { limit: 2 })).toEqual(['士', '土']);
  });

  it('prefers the character that continues the text before it into a word (国 + 土)', async () => {
    expect(await new HandwritingRecognizer(zinnia, () => dictionary).recognize(drawing, { context: '国', limit: 2 })).toEqual(['土', '士']);
  });
});

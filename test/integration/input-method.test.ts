import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandwritingRecognizer } from '../../main/core/input/handwriting-recognizer.js';
import { PinyinDictionary } from '../../main/core/input/pinyin-dictionary.js';
import type { Drawing } from '../../main/core/input/strokes.js';
import { ZinniaProcess } from '../../main/core/input/zinnia-process.js';
import { root } from '../support/kiosk-process.js';
import { requirePeer } from '../support/peers.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'handwriting', `${name}.json`), 'utf8')) as Drawing & { char: string };
const diag = (args: string[]) =>
  spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'main/diag/cli.ts'), ...args], { encoding: 'utf8' });

describe('handwriting with a real zinnia process', () => {
  let zinnia: ZinniaProcess;
  let recognizer: HandwritingRecognizer;
  beforeAll(() => {
    requirePeer('zinnia', 'zinnia-utils tegaki-zinnia-simplified-chinese');
    zinnia = new ZinniaProcess();
    const dictionary = PinyinDictionary.load();
    recognizer = new HandwritingRecognizer(zinnia, () => dictionary);
  }, 30_000);
  afterAll(() => zinnia?.stop());

  it.each(['hu', 'ji', 'bu', 'dong', 'chan'])('recognises the hand-written stroke set %s as its character, first', async (name) => {
    const f = fixture(name);
    expect((await recognizer.recognize(f, { limit: 5 }))[0]).toBe(f.char);
  });

  it('recognises a character written small in a corner of a wide pad, which raw zinnia misreads', async () => {
    const f = fixture('chan');
    const small: Drawing = { width: 900, height: 600, strokes: f.strokes.map((s) => s.map(([x, y]) => [620 + x * 0.4, 360 + y * 0.4])) };
    expect((await recognizer.recognize(small, { limit: 3 }))[0]).toBe('产');
    const px = small.strokes.map((s) => `(${s.map(([x, y]) => `(${Math.round(x)} ${Math.round(y)})`).join('')})`).join('');
    const raw = await zinnia.recognize(`(character (width 900)(height 600)(strokes ${px}))`);
    expect(raw.slice(0, 3).map((r) => r.char)).not.toContain('产');
  });

  it('answers requests in order from one long-lived process, stroke after stroke', async () => {
    const f = fixture('dong');
    const answers = await Promise.all(
      f.strokes.map((_, i) => recognizer.recognize({ ...f, strokes: f.strokes.slice(0, i + 1) }, { limit: 3 })),
    );
    expect(answers).toHaveLength(6);
    expect(answers[5]![0]).toBe('动');
  });

  it('fails with the install command when the model is missing', async () => {
    const missing = new ZinniaProcess({ model: '/nonexistent/model' });
    await expect(async () => missing.recognize('(character (width 300)(height 300)(strokes ((1 1)(2 2))))')).rejects.toThrow(
      /apt-get install .*tegaki-zinnia-simplified-chinese/,
    );
  });
});

describe('diag ime and diag handwriting', () => {
  it('prints the pinyin candidates best first as JSON', () => {
    const r = diag(['ime', 'sfz', '--limit', '3', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ candidates: [expect.any(String), expect.any(String), expect.any(String)] });
    expect((JSON.parse(r.stdout) as { candidates: string[] }).candidates[0]).toBe('身份证');
  });

  it('prints the characters recognised in a strokes file as JSON', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hw-'));
    const f = fixture('hu');
    writeFileSync(path.join(dir, 'hu.json'), JSON.stringify({ width: f.width, height: f.height, strokes: f.strokes }));
    const r = diag(['handwriting', path.join(dir, 'hu.json'), '--limit', '5', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { candidates: string[] };
    expect(out.candidates).toHaveLength(5);
    expect(out.candidates[0]).toBe('户');
  });

  it('refuses a strokes file with too many strokes (exit 2)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hw-'));
    writeFileSync(
      path.join(dir, 'big.json'),
      JSON.stringify({ width: 300, height: 300, strokes: Array.from({ length: 41 }, () => [[1, 1]]) }),
    );
    const r = diag(['handwriting', path.join(dir, 'big.json'), '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/strokes/);
  });
});

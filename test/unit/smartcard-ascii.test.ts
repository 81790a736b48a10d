import { describe, expect, it } from 'vitest';
import { ascii } from '../../devices/smart-card/records.js';

/** Wraps bytes so every element read is counted: the decoder's work, measured without a clock. */
function counted(bytes: Uint8Array): { view: Uint8Array; reads: () => number } {
  let reads = 0;
  const view = new Proxy(bytes, {
    get(target, prop) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
      const v = (target as unknown as Record<string | symbol, unknown>)[prop];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { view, reads: () => reads };
}

const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('smart card record text (ascii)', () => {
  it('drops trailing NUL padding and surrounding blanks, keeps inner ones', () => {
    expect(ascii(enc('  1100 2233\0\0\0'))).toBe('1100 2233');
    expect(ascii(enc('\0AB'))).toBe('\0AB');
    expect(ascii(enc('AB \0 \0'))).toBe('AB');
    expect(ascii(enc(' \t\r\n'))).toBe('');
    expect(ascii(new Uint8Array(0))).toBe('');
  });

  it('reads each byte a bounded number of times on a long blank run that is not at the end', () => {
    const n = 1_000_000;
    const bytes = new Uint8Array(n + 2).fill(0x20);
    bytes[0] = 0x41;
    bytes[n + 1] = 0x5a;
    for (let i = 1; i <= n; i += 2) bytes[i] = 0; // " \0 \0 ..." : the shape that made /[\0\s]+$/ backtrack
    const { view, reads } = counted(bytes);
    const text = ascii(view);
    expect(text.length).toBe(n + 2);
    expect(text.startsWith('A\0 \0')).toBe(true);
    expect(text.endsWith('Z')).toBe(true);
    expect(reads()).toBeLessThanOrEqual(2 * bytes.length + 4);
  });

  it('reads a long all-padding record once from the end', () => {
    const bytes = new Uint8Array(500_000);
    const { view, reads } = counted(bytes);
    expect(ascii(view)).toBe('');
    expect(reads()).toBeLessThanOrEqual(bytes.length);
  });
});

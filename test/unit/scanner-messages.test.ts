import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en.js';
import { ug } from '../../renderer/src/i18n/ug.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';

const dir = path.resolve(import.meta.dirname, '../../devices/scanner');
const used = [
  ...new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/'(scanner\.(?:error|reason)\.\w+)'/g)].map((m) => m[1]!)),
  ),
];
const lookup = (messages: unknown, key: string) =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);

describe('scanner messages', () => {
  it('the drivers use the scanner.error and scanner.reason keys', () => {
    expect(used.filter((k) => k.startsWith('scanner.error.')).length).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['zh-CN', zhCN],
    ['en', en],
    ['ug', ug],
  ])('every key a scanner driver returns has a %s text', (_lang, messages) => {
    const missing = used.filter((k) => typeof lookup(messages, k) !== 'string' || !(lookup(messages, k) as string).trim());
    expect(missing).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigSchema, type KioskConfig } from './schema.js';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(`Configuration file ${file} is not valid:\n` + problems.map((p) => `  - ${p.field}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

function describe(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issue.path.length
    ? issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
        .join('.')
        .replace(/\.\[/g, '[')
    : '(top level)';
  return { field, message: issue.message };
}

/** Parses configuration text (YAML or JSON, which YAML accepts) and validates it; throws `ConfigError` naming each bad field. */
export function parseConfig(text: string, file: string): KioskConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ConfigError(file, [{ field: '(syntax)', message: (e as Error).message.split('\n')[0] ?? 'unreadable' }]);
  }
  const parsed = ConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(file, parsed.error.issues.map(describe));
  return parsed.data;
}

export function loadConfig(file: string): KioskConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [
      { field: '(file)', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` },
    ]);
  }
  return parseConfig(text, file);
}

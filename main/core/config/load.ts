import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_EXIT_CODE } from '../exit-codes.js';
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

/** The config file a start names (--config, else KIOSK_CONFIG, else the default), loaded; on a bad file, prints why and exits 2. */
export function loadConfigOrExit(explicitPath: string | undefined, defaultFile: string): { config: KioskConfig; file: string } {
  const file = path.resolve(explicitPath ?? process.env.KIOSK_CONFIG ?? defaultFile);
  try {
    return { config: loadConfig(file), file };
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(CONFIG_EXIT_CODE);
    }
    throw e;
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { builtInDrivers } from '../devices/drivers.js';
import { CONFIG_EXIT_CODE } from '../exit-codes.js';
import { configErrorMap, describeIssue, type ConfigProblem } from './issues.js';
import { configSchema, type DriverCatalog, type KioskConfig } from './schema.js';
import { configWarnings } from './warnings.js';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `Configuration file ${file} is not valid:\n` +
        problems.map((p) => `  - ${p.field}: ${p.message.replace(/\n/g, '\n    ')}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses configuration text (YAML or JSON, which YAML accepts) and validates it against the schema and the
 * drivers this kiosk has; throws `ConfigError` naming each bad field.
 */
export function parseConfig(text: string, file: string, drivers: DriverCatalog = builtInDrivers()): KioskConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    // the whole message: it carries the line, the column and the excerpt that show where the file is broken
    throw new ConfigError(file, [{ field: '(syntax)', message: (e as Error).message.trimEnd() || 'unreadable' }]);
  }
  const parsed = configSchema(drivers).safeParse(raw ?? {}, { error: configErrorMap() });
  if (!parsed.success) throw new ConfigError(file, parsed.error.issues.flatMap(describeIssue));
  return parsed.data;
}

export function loadConfig(file: string, drivers?: DriverCatalog): KioskConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [
      { field: '(file)', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` },
    ]);
  }
  return parseConfig(text, file, drivers);
}

/**
 * The config file a start names (--config, else KIOSK_CONFIG, else the default), loaded; on a bad file, prints why
 * and exits 2. What is valid but unsafe (the shipped maintenance PIN) is printed as a warning that cannot be missed.
 */
export function loadConfigOrExit(explicitPath: string | undefined, defaultFile: string): { config: KioskConfig; file: string } {
  const file = path.resolve(explicitPath ?? process.env.KIOSK_CONFIG ?? defaultFile);
  try {
    const config = loadConfig(file);
    for (const w of configWarnings(config)) process.stderr.write(`\n*** WARNING (${file}) ${w.field}: ${w.message}\n\n`);
    return { config, file };
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(CONFIG_EXIT_CODE);
    }
    throw e;
  }
}

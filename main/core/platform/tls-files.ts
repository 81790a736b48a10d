import { readFileSync } from 'node:fs';
import { PlatformError } from './errors.js';
import type { PlatformTlsOptions } from './tls-fetch.js';

/** The `platform.tls` section of the config: PEM file paths and key pins. */
export interface PlatformTlsConfig {
  ca?: string;
  cert?: string;
  key?: string;
  pinnedSpkiSha256?: string[];
}

/** Reads the PEM files the config names; a missing or unreadable one is refused with its field named. */
export function loadPlatformTls(
  config: PlatformTlsConfig | undefined,
  read = (f: string) => readFileSync(f, 'utf8'),
): PlatformTlsOptions | undefined {
  if (!config) return undefined;
  const pem = (field: 'ca' | 'cert' | 'key'): string | undefined => {
    const file = config[field];
    if (file === undefined) return undefined;
    let text: string;
    try {
      text = read(file);
    } catch (e) {
      throw new PlatformError(
        'tlsConfig',
        `platform.tls.${field}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
    if (!text.includes('-----BEGIN ')) throw new PlatformError('tlsConfig', `platform.tls.${field}: ${file} is not a PEM file`);
    return text;
  };
  return { ca: pem('ca'), cert: pem('cert'), key: pem('key'), pinnedSpkiSha256: config.pinnedSpkiSha256 };
}

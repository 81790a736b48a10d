import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron binary when it is installed and present, else null (then `npm start` uses browser mode). */
export function findElectronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, whether running from sources (tsx) or from the compiled dist/. */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const defaultConfigFile = path.join(projectRoot, 'config', 'kiosk.yaml');
export const rendererDir = path.join(projectRoot, 'dist', 'renderer');

export function defaultDataDir(): string {
  if (process.env.KIOSK_DATA_DIR) return path.resolve(process.env.KIOSK_DATA_DIR);
  const base = process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'zhengwu-kiosk');
}

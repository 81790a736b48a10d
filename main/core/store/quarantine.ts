import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';

/** Where a damaged database goes: `<dataDir>/quarantine/<name>.<timestamp>` (with its -wal and -shm), kept for analysis. */
export function quarantine(file: string, now = new Date()): string {
  const dir = path.join(path.dirname(file), 'quarantine');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file)}.${stamp}`);
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  return target;
}

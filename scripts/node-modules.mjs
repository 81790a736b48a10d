// Whether node_modules matches package-lock.json, and `npm install` when it does not (a fresh clone, or a
// dependency added since the last install). The Electron binary is never downloaded: package.json's
// allowScripts denies electron's install script (see README "Two commands").
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Locked packages that are not installed at their locked version (optional ones may be absent on this platform). */
export function outdatedNodeModules(base = root) {
  const installedFile = path.join(base, 'node_modules', '.package-lock.json');
  if (!existsSync(installedFile)) return ['(node_modules not installed)'];
  const locked = JSON.parse(readFileSync(path.join(base, 'package-lock.json'), 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
  return Object.entries(locked)
    .filter(([key, entry]) => key !== '' && !entry.optional && !entry.link && installed[key]?.version !== entry.version)
    .map(([key]) => key.replace(/^.*node_modules\//, ''));
}

/** Runs `npm install` when node_modules is out of date; returns false when the install failed. */
export function ensureNodeModules() {
  const outdated = outdatedNodeModules();
  if (outdated.length === 0) return true;
  const shown = outdated.slice(0, 5).join(', ') + (outdated.length > 5 ? `, … (${outdated.length})` : '');
  process.stderr.write(`node_modules is out of date (${shown}): running npm install\n`);
  // the variable matters only to npm older than 11.16, which ignores allowScripts and would try the download
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  return spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env }).status === 0;
}

// The Debian packages the kiosk and its tests need (scripts/debian-packages.txt) and which of them are not installed.
// Shared by `npm start` (which installs them) and `npm test` (which fails with the install command).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const installScript = path.join(here, 'install-debian-deps.sh');

export function debianPackages() {
  return readFileSync(path.join(here, 'debian-packages.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** The packages dpkg does not report as installed; null when this is not a Debian system (no dpkg-query). */
export function missingDebianPackages(packages = debianPackages()) {
  const r = spawnSync('dpkg-query', ['-W', '-f', '${Package} ${db:Status-Abbrev}\n', ...packages], { encoding: 'utf8' });
  if (r.error) return null;
  const installed = new Set(
    r.stdout
      .split('\n')
      .filter((line) => /^\S+ ii/.test(line))
      .map((line) => line.split(' ')[0]),
  );
  return packages.filter((p) => !installed.has(p));
}

export function aptInstallCommand(packages) {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

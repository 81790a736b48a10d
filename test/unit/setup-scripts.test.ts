import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIfChanged, type Build } from '../../scripts/build-if-changed.mjs';
import { aptInstallCommand, debianPackages, missingDebianPackages } from '../../scripts/debian-packages.mjs';
import { outdatedNodeModules } from '../../scripts/node-modules.mjs';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'setup-scripts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start builds only what changed', () => {
  // a "build" that counts its runs in a file, over one source folder
  const counting = (exitCode = 0): Build => ({
    label: 'test build',
    inputs: ['src', 'config.json'],
    stamp: 'out/.build-stamp',
    command: [process.execPath, '-e', `require('fs').appendFileSync('runs', 'x'); process.exit(${exitCode})`],
  });
  const runs = () => readFileSync(path.join(dir, 'runs'), 'utf8').length;
  beforeEach(() => {
    mkdirSync(path.join(dir, 'src', 'screens'), { recursive: true });
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'src', 'screens', 'Home.tsx'), 'export const a = 1;');
    writeFileSync(path.join(dir, 'config.json'), '{}');
  });

  it('builds the first time, then not again while the sources are the same', () => {
    expect(runIfChanged(counting(), {}, dir)).toBe(true);
    expect(runIfChanged(counting(), {}, dir)).toBe(true);
    expect(runs()).toBe(1);
  });

  it('builds again when a source file changes, is added, or a listed file changes', () => {
    runIfChanged(counting(), {}, dir);
    writeFileSync(path.join(dir, 'src', 'screens', 'Home.tsx'), 'export const a = 2;');
    runIfChanged(counting(), {}, dir);
    writeFileSync(path.join(dir, 'src', 'screens', 'Guide.tsx'), 'export const b = 1;');
    runIfChanged(counting(), {}, dir);
    writeFileSync(path.join(dir, 'config.json'), '{"x":1}');
    runIfChanged(counting(), {}, dir);
    expect(runs()).toBe(4);
  });

  it('tells a test build from a production build of the same sources', () => {
    runIfChanged(counting(), {}, dir);
    runIfChanged(counting(), { VITE_TEST_HOOKS: '1' }, dir);
    runIfChanged(counting(), { VITE_TEST_HOOKS: '1' }, dir);
    expect(runs()).toBe(2);
  });

  it('reports a failed build and tries again next time instead of trusting its output', () => {
    expect(runIfChanged(counting(1), {}, dir)).toBe(false);
    expect(runIfChanged(counting(1), {}, dir)).toBe(false);
    expect(runs()).toBe(2);
  });
});

describe('the Debian package check shared by npm start and npm test', () => {
  it('names the packages dpkg does not have installed, and not those it has', () => {
    // dpkg is installed on every Debian system; the other name exists nowhere
    expect(missingDebianPackages(['dpkg', 'zhengwu-kiosk-no-such-package'])).toEqual(['zhengwu-kiosk-no-such-package']);
  });

  it('covers the tools native modules build with, and prints one install command', () => {
    expect(debianPackages()).toEqual(expect.arrayContaining(['chromium', 'pcscd', 'build-essential', 'python3', 'libpcsclite-dev']));
    expect(aptInstallCommand(['socat', 'pcscd'])).toBe(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends socat pcscd',
    );
  });
});

describe('npm install when node_modules is out of date', () => {
  const lock = (packages: Record<string, { version: string; optional?: boolean }>) =>
    JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, ...packages } });

  it('is needed on a fresh clone, and after a dependency was added or changed', () => {
    writeFileSync(path.join(dir, 'package-lock.json'), lock({ 'node_modules/zod': { version: '4.6.7' } }));
    expect(outdatedNodeModules(dir)).toEqual(['(node_modules not installed)']);
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'node_modules', '.package-lock.json'), lock({ 'node_modules/zod': { version: '4.6.7' } }));
    expect(outdatedNodeModules(dir)).toEqual([]);
    writeFileSync(
      path.join(dir, 'package-lock.json'),
      lock({ 'node_modules/zod': { version: '4.7.0' }, 'node_modules/@scope/new': { version: '1.0.0' } }),
    );
    expect(outdatedNodeModules(dir)).toEqual(['zod', '@scope/new']);
  });

  it('ignores optional packages that have no build for this platform', () => {
    writeFileSync(path.join(dir, 'package-lock.json'), lock({ 'node_modules/fsevents': { version: '2.3.3', optional: true } }));
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'node_modules', '.package-lock.json'), lock({}));
    expect(outdatedNodeModules(dir)).toEqual([]);
  });
});

describe('npm install never tries to download the Electron binary', () => {
  it('denies electron its install script (npm ≥ 11.16 allowScripts), since that script reads only an env variable', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };
    expect(pkg.allowScripts.electron).toBe(false);
    // what the denial stands in for: electron's installer skips only on this environment variable, which no
    // project npm config can set (an .npmrc entry reaches it as npm_config_…, which it does not read)
    const installer = readFileSync(path.join(root, 'node_modules', 'electron', 'install.js'), 'utf8');
    expect(installer).toContain('process.env.ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(installer).not.toContain('npm_config_electron_skip_binary_download');
  });
});

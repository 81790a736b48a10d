#!/usr/bin/env node
// `npm start`: sets the machine up the first time (Debian packages, npm install), builds what changed since the
// last start, then runs the kiosk from compiled JavaScript (dist/main/start.js) with the flags given after `--`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfChanged } from './build-if-changed.mjs';
import { aptInstallCommand, installScript, missingDebianPackages } from './debian-packages.mjs';
import { ensureNodeModules } from './node-modules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fail = (message) => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const missing = missingDebianPackages();
if (missing === null) process.stderr.write('not a Debian system: install the equivalents of scripts/debian-packages.txt yourself\n');
else if (missing.length) {
  process.stderr.write(`Installing the Debian packages the kiosk needs (${missing.join(', ')}). This needs root once: `);
  process.stderr.write(process.getuid?.() === 0 ? 'running as root.\n' : 'sudo may ask for your password.\n');
  if (spawnSync('bash', [installScript], { stdio: 'inherit' }).status !== 0)
    fail(`Installing the Debian packages failed. Install them as root and run npm start again:\n  ${aptInstallCommand(missing)}`);
}

// after the packages: npm install builds native modules against them
if (!ensureNodeModules()) fail('npm install failed (see above)');
if (!buildIfChanged('renderer')) fail('building the touch UI failed (see above)');
if (!buildIfChanged('main')) fail('building the kiosk core failed (see above)');

await import(pathToFileURL(path.join(root, 'dist', 'main', 'start.js')).href);

#!/usr/bin/env node
// `npm test`: checks the machine has what the tests need (failing with the exact install command, never
// skipping; npm install when node_modules is out of date), builds the UI if its sources changed, type-checks,
// lints, runs every vitest suite, and ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfChanged, testBuildEnv } from './build-if-changed.mjs';
import { aptInstallCommand, missingDebianPackages } from './debian-packages.mjs';
import { ensureNodeModules } from './node-modules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const missing = missingDebianPackages();
if (missing?.length) {
  console.error(`Missing Debian packages needed by the tests: ${missing.join(', ')}`);
  console.error(`Install them (as root, once) with:\n  ${aptInstallCommand(missing)}`);
  console.error('or run npm start once, which installs them (it asks for sudo when not root).');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (!ensureNodeModules()) {
  console.error('npm install failed (see above)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const step = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status === 0;

let extraPassed = 0;
let extraFailed = 0;
for (const [label, run] of [
  // the test build exposes the UI stores to end-to-end tests; `npm start` builds without them
  ['build the touch UI', () => buildIfChanged('renderer', testBuildEnv)],
  ['type-check (core, electron, renderer, emulators, tests)', () => step('npm', ['run', '-s', 'typecheck'])],
  ['lint and format', () => step('npm', ['run', '-s', 'lint'])],
]) {
  process.stderr.write(`\n== ${label}\n`);
  if (run()) extraPassed++;
  else extraFailed++;
}

mkdirSync(path.join(root, 'test', 'artifacts'), { recursive: true });
const report = path.join(root, 'test', 'artifacts', 'vitest-report.json');
const projects = process.argv.slice(2).flatMap((p) => ['--project', p]);
process.stderr.write('\n== unit, integration and end-to-end tests\n');
step(bin('vitest'), ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);

let passed = extraPassed;
let failed = extraFailed;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numTotalTestSuites > 0 && r.numTotalTests === 0 ? 1 : 0);
  // a suite that failed to load counts as a failure even though none of its tests ran
  failed += (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
} else {
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

#!/usr/bin/env node
// `npm test`: checks the machine has what the tests need (failing with the exact install command, never
// skipping), builds the UI, type-checks, lints, runs every vitest suite, and ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

const required = [
  ['chromium', () => existsSync(process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium')],
  ['fonts-noto-cjk', () => spawnSync('sh', ['-c', 'fc-list | grep -qi "Noto Sans CJK"']).status === 0],
  ['fonts-wqy-microhei', () => existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')],
  ['fonts-dejavu-core', () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')],
  ['socat', () => has('socat')],
  ['pcscd', () => has('pcscd')],
  ['vsmartcard-vpcd', () => existsSync('/etc/reader.conf.d/vpcd')],
  ['cups-ipp-utils', () => has('ippeveprinter') && has('ipptool')],
  ['dbus-daemon', () => has('dbus-run-session')],
  ['poppler-utils', () => has('pdftotext')],
  ['sane-utils', () => has('scanimage')],
  ['sane-airscan', () => existsSync('/etc/sane.d/airscan.conf')],
];
const missing = required.filter(([, ok]) => !ok()).map(([pkg]) => pkg);
if (missing.length) {
  console.error(`Missing Debian packages needed by the tests: ${missing.join(', ')}`);
  console.error(`Install them with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  console.error('or install everything at once with: npm run setup:debian');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const step = (label, cmd, args, env = {}) => {
  process.stderr.write(`\n== ${label}\n`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
};

let extraPassed = 0;
let extraFailed = 0;
for (const [label, cmd, args, env] of [
  // the test build exposes the UI stores to end-to-end tests; `npm start` rebuilds without them
  ['build the touch UI', bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { VITE_TEST_HOOKS: '1' }],
  ['type-check (core, electron, renderer, emulators, tests)', 'npm', ['run', '-s', 'typecheck']],
  ['lint and format', 'npm', ['run', '-s', 'lint']],
]) {
  if (step(label, cmd, args, env)) extraPassed++;
  else extraFailed++;
}

mkdirSync(path.join(root, 'test', 'artifacts'), { recursive: true });
const report = path.join(root, 'test', 'artifacts', 'vitest-report.json');
const projects = process.argv.slice(2).flatMap((p) => ['--project', p]);
step('unit, integration and end-to-end tests', bin('vitest'), [
  'run',
  ...projects,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);

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

// Builds the touch UI and the compiled core only when their sources changed: each build writes a stamp holding
// a hash of its inputs (every file's path and content, plus the build's variant); a matching stamp means the
// output is current. Content, not mtimes, so a checkout or copy that touches files does not force a rebuild.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const sharedInputs = ['main', 'devices', 'package-lock.json', 'tsconfig.json'];

/** Paths are relative to the project root. */
export const builds = {
  renderer: {
    label: 'the touch UI',
    inputs: ['renderer', ...sharedInputs, 'tsconfig.renderer.json'],
    stamp: 'dist/renderer/.build-stamp',
    command: [bin('vite'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'],
  },
  main: {
    label: 'the kiosk core (main/, devices/)',
    inputs: [...sharedInputs, 'tsconfig.main.json'],
    stamp: 'dist/main/.build-stamp',
    command: [bin('tsc'), '-p', 'tsconfig.main.json'],
    // tsc exit 2: type errors, JavaScript emitted anyway. Start-up runs it, as tsx did; `npm test` is the type gate.
    emittedDespite: 2,
  },
};

/** The files of an input: the file itself, or every file under a folder (node_modules excluded). */
function inputFiles(base, rel) {
  const abs = path.join(base, rel);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(base, path.join(e.parentPath, e.name)))
    .filter((file) => !file.split(path.sep).includes('node_modules'));
}

/** Hash of a build's inputs; `variant` distinguishes builds of the same sources with different settings. */
export function inputsHash(build, variant = '', base = root) {
  const hash = createHash('sha256').update(variant);
  const files = build.inputs.flatMap((rel) => inputFiles(base, rel)).sort();
  for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(path.join(base, file)));
  return hash.digest('hex');
}

/**
 * Runs `build` (one of `builds`, or any `{ label, inputs, stamp, command }` under `base`) unless its stamp matches.
 * `env` is passed to the build and is part of the variant, so a test build (VITE_TEST_HOOKS=1) and a production
 * build of the same sources are told apart. Returns false when the build failed (and then writes no stamp).
 */
export function runIfChanged(build, env = {}, base = root) {
  const variant = JSON.stringify(env);
  const hash = inputsHash(build, variant, base);
  const stamp = path.join(base, build.stamp);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return true;
  process.stderr.write(`building ${build.label} (sources changed since the last build)\n`);
  const [cmd, ...args] = build.command;
  const { status } = spawnSync(cmd, args, { cwd: base, stdio: 'inherit', env: { ...process.env, ...env } });
  if (status !== 0 && status !== build.emittedDespite) return false;
  if (status !== 0) process.stderr.write(`${build.label}: type errors above (npm run typecheck); running what was emitted\n`);
  writeFileSync(stamp, hash);
  return true;
}

export const buildIfChanged = (name, env = {}) => runIfChanged(builds[name], env);

/** The build `npm test` makes: the UI stores exposed to the end-to-end tests. */
export const testBuildEnv = { VITE_TEST_HOOKS: '1' };

// `node scripts/build-if-changed.mjs renderer main [--test]`: the same from the command line (the start-up
// benchmark; `npm run test:e2e`, with --test)
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const env = args.includes('--test') ? testBuildEnv : {};
  for (const name of args.filter((a) => !a.startsWith('--'))) if (!buildIfChanged(name, env)) process.exit(1);
}

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseKioskArgs } from './core/args.js';
import { loadConfigOrExit } from './core/config/load.js';
import { CONFIG_EXIT_CODE, RESTART_EXIT_CODE } from './core/exit-codes.js';
import { defaultConfigFile, projectRoot } from './core/paths.js';
import { spawnCore } from './launcher/core-process.js';
import { findElectronBinary } from './launcher/electron.js';
import { emulatorNamesFor, startEmulators, type RunningEmulators } from './launcher/emulators.js';

/**
 * `npm start`: validates the config, launches the emulators it names, then runs the kiosk in Electron
 * when its binary is installed, else in browser mode (core under Node + Chromium). Restarts the kiosk
 * when it asks to (maintenance restart) or crashes, with a back-off.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseKioskArgs(argv);
  const { config, file: configFile } = loadConfigOrExit(args.config, defaultConfigFile);

  const emulatorNames = emulatorNamesFor(config);
  let emulators: RunningEmulators | null = null;
  if (!args.noEmulators) {
    emulators = await startEmulators(emulatorNames);
    process.stderr.write(`Emulator control panel: ${emulators.controlPanel}\n`);
  }
  const env = {
    ...process.env,
    KIOSK_CONFIG: configFile,
    KIOSK_EMULATORS: JSON.stringify(emulators?.addresses ?? {}),
  };

  const electron = args.headless ? null : findElectronBinary();
  // `npm start` runs this file compiled (dist/main/start.js): the kiosk then runs compiled too; tests run the sources
  const compiled = import.meta.url.endsWith('.js');
  const command = electron ?? (compiled ? process.execPath : path.join(projectRoot, 'node_modules', '.bin', 'tsx'));
  const commandArgs = electron
    ? [path.join(projectRoot, 'dist', 'main', 'electron', 'main.js'), ...argv]
    : [path.join(projectRoot, ...(compiled ? ['dist', 'main', 'browser', 'main.js'] : ['main', 'browser', 'main.ts'])), ...argv];
  if (!electron) process.stderr.write('Electron binary not installed: running in browser mode (Chromium).\n');
  else if (!compiled) {
    // Electron runs the compiled main process: build it first (browser mode runs the sources through tsx)
    const tsc = path.join(projectRoot, 'node_modules', '.bin', 'tsc');
    if (spawnSync(tsc, ['-p', path.join(projectRoot, 'tsconfig.main.json')], { stdio: 'inherit' }).status !== 0) {
      process.stderr.write('building the Electron main process failed\n');
      process.exit(1);
    }
  }

  const restarts: number[] = [];
  let stopping = false;
  const run = () => {
    const { child, cleanUp } = spawnCore(command, commandArgs, env);
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGTERM', forward);
    process.on('SIGINT', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', forward);
      process.off('SIGINT', forward);
      // a core that died leaves its Chromium window up: close it, and remove the profiles it used
      cleanUp();
      if (stopping || signal === 'SIGTERM' || signal === 'SIGINT' || code === 0 || code === CONFIG_EXIT_CODE) {
        emulators?.process.kill();
        process.exit(code ?? 0);
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0]! < now - 60_000) restarts.shift();
      if (code !== RESTART_EXIT_CODE && restarts.length > 5) {
        process.stderr.write('kiosk crashed more than 5 times in a minute; giving up\n');
        emulators?.process.kill();
        process.exit(1);
      }
      process.stderr.write(code === RESTART_EXIT_CODE ? 'restarting kiosk\n' : `kiosk exited (${code ?? signal}); restarting\n`);
      setTimeout(run, code === RESTART_EXIT_CODE ? 0 : 2000);
    });
  };
  process.on('SIGTERM', () => (stopping = true));
  process.on('SIGINT', () => (stopping = true));
  run();
}

main().catch((e: unknown) => {
  process.stderr.write(`npm start failed: ${(e as Error).message}\n`);
  process.exit(1);
});

import { startControlPanel } from './control-panel/server.js';
import type { EmulatorHandle } from './lib/emulator.js';
import { emulatorDefinitions, findEmulator } from './registry.js';

/**
 * Emulator command line (stable: scripts and tests build on it).
 *   npm run -s emulators -- --help                 list emulators
 *   npm run -s emulators -- <name> [--port N] ...  start one; prints "READY <name> <address>"
 *   npm run -s emulators -- run [<name> ...]       start several plus the control panel (used by npm start);
 *                                                   prints one READY line each and "READY control-panel <url>"
 */
function help(): string {
  const lines = [
    'usage: npm run -s emulators -- <name> [--port N] [options]',
    '       npm run -s emulators -- run [<name> ...] [--panel-port N]',
    '',
    'emulators:',
    ...emulatorDefinitions.map((d) => `  ${d.name.padEnd(16)} ${d.summary}\n  ${''.padEnd(16)} ${d.usage}`),
  ];
  if (emulatorDefinitions.length === 0) lines.push('  (none yet)');
  return lines.join('\n');
}

function flag(argv: string[], name: string): number | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = Number(argv[i + 1]);
  if (!Number.isInteger(v) || v < 0 || v > 65535) throw new Error(`${name} needs a port number (0–65535)`);
  return v;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(help() + '\n');
    return;
  }
  const running: EmulatorHandle[] = [];
  const stop = async () => {
    await Promise.all(running.map((e) => e.close().catch(() => undefined)));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());

  if (command === 'run') {
    const names = rest.filter((a, i) => !a.startsWith('--') && !rest[i - 1]?.startsWith('--'));
    for (const name of names) {
      const def = findEmulator(name);
      if (!def) throw new Error(`unknown emulator "${name}"\n${help()}`);
      const handle = await def.start({ argv: [] });
      running.push(handle);
      process.stdout.write(`READY ${handle.name} ${handle.address}\n`);
    }
    const panel = await startControlPanel(running, flag(rest, '--panel-port') ?? 0);
    process.stdout.write(`READY control-panel ${panel.url}\n`);
    return;
  }
  const def = findEmulator(command);
  if (!def) {
    process.stderr.write(`unknown emulator "${command}"\n${help()}\n`);
    process.exit(2);
  }
  const handle = await def.start({ port: flag(rest, '--port'), argv: rest });
  running.push(handle);
  process.stdout.write(`READY ${handle.name} ${handle.address}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});

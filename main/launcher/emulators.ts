import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { KioskConfig } from '../core/config/schema.js';
import { projectRoot } from '../core/paths.js';

export interface RunningEmulators {
  addresses: Record<string, string>;
  controlPanel: string;
  process: ChildProcess;
}

/** The emulators a config names: its enabled devices' and the platform's. */
export function emulatorNamesFor(config: KioskConfig): string[] {
  return [
    ...new Set([
      ...config.devices.filter((d) => d.enabled && d.emulator).map((d) => d.emulator!),
      ...(config.platform?.emulator ? [config.platform.emulator] : []),
    ]),
  ];
}

/**
 * Starts the emulator runner (`emulators/cli.ts run`) for the named emulators and waits for each READY line.
 * The runner is a separate process: emulators share no code with the kiosk, as real devices would not.
 */
export function startEmulators(names: string[], timeoutMs = 30_000): Promise<RunningEmulators> {
  const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [path.join(projectRoot, 'emulators', 'cli.ts'), 'run', ...names], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const addresses: Record<string, string> = {};
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`emulators did not report READY within ${timeoutMs} ms (still waiting for: ${[...pending].join(', ')})`));
    }, timeoutMs);
    const pending = new Set([...names, 'control-panel']);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^READY (\S+) (.+)$/.exec(line);
      if (!m) return;
      const [, name, address] = m as unknown as [string, string, string];
      addresses[name] = address;
      pending.delete(name);
      if (pending.size === 0) {
        clearTimeout(timer);
        const { 'control-panel': controlPanel, ...devices } = addresses;
        resolve({ addresses: devices, controlPanel: controlPanel ?? '', process: child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator runner exited with code ${code} before it was ready`));
    });
  });
}

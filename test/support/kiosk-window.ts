import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { chromiumPath } from './browser.js';
import { root } from './kiosk-process.js';

/** One Chromium the kiosk launched: its pid and its command line. */
export interface LaunchedWindow {
  pid: number;
  args: string[];
  userDataDir: string;
}

export interface KioskWithWindow {
  /** The supervisor (`main/start.ts`), as `npm start` runs it. */
  supervisor: ChildProcess;
  stderr: () => string;
  /** Every Chromium the kiosk launched so far, oldest first. */
  windows(): LaunchedWindow[];
  stop(): Promise<void>;
}

/**
 * Starts the kiosk as `npm start` does, in browser mode with its own window (not --headless). The "Chromium" it
 * launches is a wrapper that records its pid and arguments and then runs the real Chromium headless, with exactly
 * the kiosk's flags and profile folder, so profile handling and process lifetimes are the real ones.
 */
export function startKioskWithWindow(config: Record<string, unknown>): KioskWithWindow {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-window-'));
  const configFile = path.join(dir, 'kiosk.yaml');
  writeFileSync(configFile, stringify(config));
  const launches = path.join(dir, 'launches');
  const wrapper = path.join(dir, 'chromium');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nfor a in "$$" "$@"; do printf '%s\\t' "$a" >> '${launches}'; done\necho >> '${launches}'\nexec '${chromiumPath}' --headless=new "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  const supervisor = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'main', 'start.ts'), '--config', configFile, '--data-dir', path.join(dir, 'data')],
    {
      env: { ...process.env, KIOSK_PORT: '0', KIOSK_CHROMIUM: wrapper, KIOSK_LOG_LEVEL: 'info', KIOSK_BROWSER_PROFILES: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  supervisor.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return {
    supervisor,
    stderr: () => err,
    windows: () =>
      existsSync(launches)
        ? readFileSync(launches, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => {
              const [pid, ...args] = line.split('\t').filter(Boolean);
              const userDataDir = args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length) ?? '';
              return { pid: Number(pid), args, userDataDir };
            })
        : [],
    stop: async () => {
      if (supervisor.exitCode === null && supervisor.signalCode === null) {
        const exited = new Promise((r) => supervisor.once('exit', r));
        supervisor.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True while a process with this pid runs (a zombie counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The parent of a running process (from /proc). */
export function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Fails (never skips) when a real protocol peer is missing, naming the command that installs it. */
export function requirePeer(binary: string, debianPackage: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;
  if (!found) throw new Error(`${binary} is missing: run "npm run setup:debian" (apt-get install -y ${debianPackage})`);
}

export interface PtyPair {
  a: string;
  b: string;
  process: ChildProcess;
  close(): Promise<void>;
}

/** A socat pseudo-terminal pair: a real serial line for serialport on both ends. */
export async function ptyPair(): Promise<PtyPair> {
  requirePeer('socat', 'socat');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pty-'));
  const a = path.join(dir, 'ttyA');
  const b = path.join(dir, 'ttyB');
  const child = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (!(existsSync(a) && existsSync(b))) {
    if (Date.now() > deadline) throw new Error('socat did not create the pty pair');
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    a,
    b,
    process: child,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

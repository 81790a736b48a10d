import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Chromium profile folders for the kiosk window. Each window launch gets a fresh one, removed when that Chromium
 * exits, so nothing of one resident (cache, history, autofill, session storage, IndexedDB) is there for the next
 * or left on disk. Folders left by a core that died are swept at the next start.
 */

const prefix = 'kiosk-chromium-';
const ownerFile = 'kiosk-owner.pid';

/**
 * Where profile folders go: the folder the launcher made for this core (KIOSK_BROWSER_PROFILES), else the user's
 * runtime dir (a tmpfs: the profile never reaches a disk), else the temp dir.
 */
export function profileParentDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.KIOSK_BROWSER_PROFILES, env.XDG_RUNTIME_DIR, os.tmpdir()];
  for (const dir of candidates) {
    if (!dir) continue;
    try {
      // the launcher's folder is recreated after a crash cleaned it away; the others must already exist
      if (dir === env.KIOSK_BROWSER_PROFILES && !existsSync(dir)) mkdirSync(dir, { mode: 0o700 });
      accessSync(dir, constants.W_OK);
      return dir;
    } catch {
      /* next */
    }
  }
  return os.tmpdir();
}

/** A new, empty profile folder (0700) that records which process owns it. */
export function createProfile(parent: string, ownerPid = process.pid): string {
  const dir = mkdtempSync(path.join(parent, prefix));
  writeFileSync(path.join(dir, ownerFile), String(ownerPid), { mode: 0o600 });
  return dir;
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes profile folders whose owner is gone (a core that crashed or lost power); returns what it removed. */
export function sweepStaleProfiles(parent: string, isAlive: (pid: number) => boolean = processAlive, now = Date.now()): string[] {
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const dir = path.join(parent, name);
    let owner: number | null = null;
    try {
      owner = Number(readFileSync(path.join(dir, ownerFile), 'utf8'));
    } catch {
      // a folder without its owner file is either being created right now or left half-made long ago
      try {
        if (now - statSync(dir).mtimeMs < 60_000) continue;
      } catch {
        continue;
      }
    }
    if (owner !== null && Number.isInteger(owner) && owner > 0 && isAlive(owner)) continue;
    try {
      removeProfile(dir);
      removed.push(dir);
    } catch {
      // another user's folder in a shared temp dir: not ours to remove
    }
  }
  return removed;
}

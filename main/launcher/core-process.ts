import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { profileParentDir, removeProfile } from '../browser/profile.js';

export interface CoreProcess {
  child: ChildProcess;
  /** After the core exited, for whatever reason: ends what it left running (its Chromium) and removes its profiles. */
  cleanUp(): void;
}

/**
 * Starts the kiosk core as the leader of its own process group, with a folder of its own for Chromium profiles.
 * Chromium is spawned by the core and so sits in that group: when the core crashes (or is killed) the launcher
 * ends the whole group, so no window stays on screen without a core behind it, and removes the profiles.
 */
export function spawnCore(command: string, args: string[], env: NodeJS.ProcessEnv): CoreProcess {
  const profiles = mkdtempSync(path.join(profileParentDir(env), 'kiosk-profiles-'));
  const child = spawn(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, KIOSK_BROWSER_PROFILES: profiles },
    detached: true,
  });
  return {
    child,
    cleanUp: () => {
      if (child.pid !== undefined) killGroup(child.pid);
      removeProfile(profiles);
    },
  };
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // nothing left in the group
  }
}

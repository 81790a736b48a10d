import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../main/browser/chromium.js';
import { createProfile, profileParentDir, sweepStaleProfiles } from '../../main/browser/profile.js';

let parent = '';
beforeEach(() => (parent = mkdtempSync(path.join(os.tmpdir(), 'profiles-'))));
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('Chromium profile folders', () => {
  it('makes a fresh private folder per window, owned by this process', () => {
    const a = createProfile(parent, 4242);
    const b = createProfile(parent, 4242);
    expect(a).not.toBe(b);
    expect(statSync(a).mode & 0o777).toBe(0o700);
    expect(readFileSync(path.join(a, 'kiosk-owner.pid'), 'utf8')).toBe('4242');
  });

  it('sweeps folders whose owner died, keeps those of a living owner and anything that is not a profile', () => {
    const dead = createProfile(parent, 1001);
    const alive = createProfile(parent, 1002);
    mkdirSync(path.join(parent, 'something-else'));
    expect(sweepStaleProfiles(parent, (pid) => pid === 1002)).toEqual([dead]);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
    expect(existsSync(path.join(parent, 'something-else'))).toBe(true);
  });

  it('leaves a folder still being created alone, but sweeps one left half-made long ago', () => {
    const fresh = path.join(parent, 'kiosk-chromium-new');
    const old = path.join(parent, 'kiosk-chromium-old');
    mkdirSync(fresh);
    mkdirSync(old);
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(old, hourAgo, hourAgo);
    expect(sweepStaleProfiles(parent, () => true)).toEqual([old]);
    expect(existsSync(fresh)).toBe(true);
  });

  it('puts profiles in the launcher-given folder, else in the runtime dir (tmpfs), else the temp dir', () => {
    const given = path.join(parent, 'given');
    expect(profileParentDir({ KIOSK_BROWSER_PROFILES: given, XDG_RUNTIME_DIR: '/run/user/0' })).toBe(given);
    expect(profileParentDir({ XDG_RUNTIME_DIR: parent })).toBe(parent);
    expect(profileParentDir({ XDG_RUNTIME_DIR: '/nonexistent/runtime-dir' })).toBe(os.tmpdir());
  });
});

describe('Chromium flags for the kiosk window', () => {
  const args = chromiumArgs({ url: 'http://127.0.0.1:1/?ticket=t', userDataDir: '/p', runningAsRoot: false });

  it('keeps no cache and writes no crash dumps', () => {
    expect(args).toEqual(expect.arrayContaining(['--disk-cache-size=1', '--disable-breakpad', '--disable-crash-reporter']));
  });

  it('opens no new windows, shows no permission prompt, no pinch zoom and no swipe navigation', () => {
    expect(args).toEqual(
      expect.arrayContaining([
        '--block-new-web-contents',
        '--deny-permission-prompts',
        '--disable-pinch',
        '--overscroll-history-navigation=0',
      ]),
    );
  });

  it('uses the given profile folder', () => {
    expect(args).toContain('--user-data-dir=/p');
  });
});

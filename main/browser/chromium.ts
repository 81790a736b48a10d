import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for Debian's Chromium as a kiosk on a closed network (measured in docs/testing-peers.md). */
export function chromiumArgs(opts: {
  url: string;
  userDataDir: string;
  runningAsRoot: boolean;
  window?: { width: number; height: number };
  /** The terminal has a document camera (config `documentCamera`): its capture is accepted without a prompt. */
  camera?: boolean;
}): string[] {
  const args = [
    `--app=${opts.url}`,
    '--kiosk',
    `--user-data-dir=${opts.userDataDir}`,
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-translate',
    '--disable-features=Translate,TouchpadOverscrollHistoryNavigation',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-session-crashed-bubble',
    '--noerrdialogs',
    '--autoplay-policy=no-user-gesture-required',
    // nothing of a resident kept on disk: no HTTP or media cache, no crash dumps (they hold page memory)
    '--disk-cache-size=1',
    '--media-cache-size=1',
    '--disable-breakpad',
    '--disable-crash-reporter',
    // no keyring unlock prompt in front of the kiosk (the profile is thrown away anyway)
    '--password-store=basic',
    // window.open and target=_blank open nothing; no permission prompt ever shows
    '--block-new-web-contents',
    '--deny-permission-prompts',
  ];
  // the camera prompt is answered "yes" (no prompt can show in a kiosk); the page's Permissions-Policy keeps it to the
  // camera on the kiosk's own origin (never the microphone), and the screen opens the configured camera by its label
  if (opts.camera) args.push('--use-fake-ui-for-media-stream');
  if (opts.runningAsRoot) args.push('--no-sandbox');
  if (opts.window) args.push('--window-position=0,0', `--window-size=${opts.window.width},${opts.window.height}`);
  return args;
}

export function launchChromium(url: string, userDataDir: string, opts: { camera?: boolean } = {}): ChildProcess {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath}: run "npm run setup:debian" (or set KIOSK_CHROMIUM), or start with --headless`);
  return spawn(chromiumPath, chromiumArgs({ url, userDataDir, runningAsRoot: process.getuid?.() === 0, camera: opts.camera }), {
    stdio: 'ignore',
  });
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeviceStatus } from '../../devices/core/status.js';
import type { Kiosk } from '../core/kiosk.js';

/**
 * What the attract shell shows: the argument of `injectAttractShell` in renderer/src/attract-shell/render.ts, which
 * the renderer build compiles to `attract-shell.mjs` beside index.html (test/unit/attract-shell.test.ts checks that
 * the two declarations agree).
 */
export interface AttractShellData {
  terminalName: string;
  hotline: string;
  languages: string[];
  language: string;
  timeZone: string;
  now: number;
  devices: DeviceStatus[];
  notice: string | null;
}

/** Fills index.html's placeholder with the attract screen; returns the page unchanged when it has none. */
export type InjectAttractShell = (indexHtml: string, data: AttractShellData) => string;

/**
 * The renderer build's shell module, or null when this build has none or it does not load (then the page is served as
 * built, and React draws the attract screen once its script has run).
 */
export async function loadAttractShell(rendererDir: string): Promise<InjectAttractShell | null> {
  const file = path.join(rendererDir, 'attract-shell.mjs');
  if (!existsSync(file)) return null;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { injectAttractShell?: InjectAttractShell };
    return mod.injectAttractShell ?? null;
  } catch {
    return null;
  }
}

/**
 * What the page is served with, or null when it must not show the attract screen: a session is running (a reload
 * mid-journey comes back to the journey, not to a flash of the attract screen) or the fleet has locked the terminal.
 */
export function attractShellData(
  kiosk: Pick<Kiosk, 'config' | 'session' | 'devices' | 'fleetDisplay'>,
  now = Date.now(),
): AttractShellData | null {
  const session = kiosk.session.snapshot();
  const display = kiosk.fleetDisplay.get();
  if (session.phase !== 'idle' || display.lock) return null;
  const { terminal, languages } = kiosk.config;
  return {
    terminalName: terminal.name,
    hotline: terminal.hotline,
    languages,
    language: session.language,
    timeZone: terminal.timeZone,
    now,
    devices: kiosk.devices.statuses(),
    notice: display.notice,
  };
}

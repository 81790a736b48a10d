import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createKioskDispatcher } from '../bridge/handlers/index.js';
import { parseKioskArgs } from '../core/args.js';
import { loadConfigOrExit } from '../core/config/load.js';
import { builtInDrivers } from '../core/devices/drivers.js';
import { photoDecoderFromConfig } from '../core/identity/photo-decoder-config.js';
import { Kiosk } from '../core/kiosk.js';
import { createLogger } from '../core/log/logger.js';
import { RESTART_EXIT_CODE } from '../core/exit-codes.js';
import { defaultConfigFile, defaultDataDir, rendererDir } from '../core/paths.js';
import { attractShellData, loadAttractShell } from './attract-shell.js';
import { launchChromium } from './chromium.js';
import { inlineStylesheets } from './page.js';
import { createProfile, profileParentDir, removeProfile, sweepStaleProfiles } from './profile.js';
import { startBridgeServer } from './server.js';

/** A launched window redeems its ticket within a second or two; the printed headless URL waits for a person. */
const windowTicketTtlMs = 60_000;
const headlessTicketTtlMs = 15 * 60_000;

async function main(): Promise<void> {
  const args = parseKioskArgs(process.argv.slice(2));
  const logger = createLogger();
  const { config } = loadConfigOrExit(args.config, defaultConfigFile);
  const emulatorAddresses = JSON.parse(process.env.KIOSK_EMULATORS ?? '{}') as Record<string, string>;
  let chromium: ChildProcess | null = null;
  let stopping = false;
  const kiosk = new Kiosk({
    config,
    dataDir: path.resolve(args.dataDir ?? defaultDataDir()),
    runtime: 'browser',
    logger,
    drivers: builtInDrivers(),
    photoDecoder: await photoDecoderFromConfig(config, logger),
    emulatorAddresses,
    requestRestart: () => void shutdown(RESTART_EXIT_CODE),
  });
  // the attract screen served with the page, painted before any of its script runs
  const injectShell = await loadAttractShell(rendererDir);
  if (!injectShell) logger.warn('the touch UI was built without the attract shell: the first paint waits for its script');
  const server = await startBridgeServer({
    rendererDir,
    renderPage: (built, { credentialed }) => {
      let html = built;
      // only for the window that holds the bridge: any other gets the plain page, which says it cannot connect
      const data = credentialed && injectShell && attractShellData(kiosk);
      if (data)
        try {
          html = injectShell(built, data);
        } catch (e) {
          logger.error({ err: e }, 'the attract shell failed to render: page served without it');
        }
      return inlineStylesheets(html, rendererDir);
    },
    port: Number(process.env.KIOSK_PORT ?? 0),
    dispatch: createKioskDispatcher(kiosk),
    subscribe: (l) => kiosk.onEvent(l),
    logger,
    // the window's ticket was refused (it came too late, or someone used it first): a new window gets a new one
    onLaunchTicketFailed: () => chromium?.kill(),
  });
  await kiosk.start();
  // only for an operator who opens the UI themself; a launched window gets its own ticket, never printed
  if (args.headless) process.stdout.write(`KIOSK_URL=${server.launchUrl(headlessTicketTtlMs)}\n`);

  const profiles = profileParentDir();
  for (const dir of sweepStaleProfiles(profiles)) logger.warn({ dir }, 'removed a Chromium profile left by an earlier run');
  let profile: string | null = null;
  let quickExits = 0;
  const openWindow = () => {
    const launchedAt = Date.now();
    // a fresh profile for every window, gone as soon as that Chromium exits
    const own = (profile = createProfile(profiles));
    try {
      chromium = launchChromium(server.launchUrl(windowTicketTtlMs), own, { camera: config.documentCamera !== undefined });
    } catch (e) {
      removeProfile(own);
      throw e;
    }
    chromium.on('exit', (code) => {
      removeProfile(own);
      if (stopping) return;
      // a window that dies at once, again and again, usually means no display: say so, and back off
      quickExits = Date.now() - launchedAt < 5000 ? quickExits + 1 : 0;
      const delay = Math.min(1000 * 2 ** Math.max(0, quickExits - 1), 60_000);
      if (quickExits === 3)
        logger.error(
          { display: process.env.DISPLAY ?? null, wayland: process.env.WAYLAND_DISPLAY ?? null },
          'Chromium keeps exiting at start: is there a display? Use --headless to serve the UI without a window',
        );
      else logger.warn({ code, retryInMs: delay }, 'kiosk window closed; reopening');
      setTimeout(openWindow, delay);
    });
  };
  if (!args.headless) openWindow();

  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    const win = chromium;
    const closed = win && win.exitCode === null && win.signalCode === null ? new Promise((r) => win.once('exit', r)) : null;
    win?.kill();
    await server.close().catch(() => undefined);
    await kiosk.stop().catch((e: unknown) => logger.error({ err: e }, 'stop failed'));
    // Chromium writes to its profile until it has exited
    await closed;
    if (profile) removeProfile(profile);
    process.exit(code);
  }
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));
}

main().catch((e: unknown) => {
  process.stderr.write(`kiosk failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});

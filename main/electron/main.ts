import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, session, type WebContents } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createKioskDispatcher } from '../bridge/handlers/index.js';
import { parseKioskArgs } from '../core/args.js';
import { loadConfigOrExit } from '../core/config/load.js';
import { builtInDrivers } from '../core/devices/drivers.js';
import { photoDecoderFromConfig } from '../core/identity/photo-decoder-config.js';
import { Kiosk } from '../core/kiosk.js';
import { KeyFile } from '../core/outbox/cipher.js';
import { createLogger } from '../core/log/logger.js';
import { defaultConfigFile, rendererDir } from '../core/paths.js';
import { contentSecurityPolicy } from '../browser/security.js';
import { moveOutboxKey, outboxKeySealing, sealedKeyFileName } from './keyring.js';
import { resolveStatic } from '../browser/static.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  IPC_EVENT,
  IPC_REQUEST,
  isPermissionAllowed,
  isTrustedSender,
  kioskWindowOptions,
  navigationAttempt,
  recoveryAction,
  shortcutAttempt,
  UI_PARTITION,
  windowOpenAttempt,
} from './policy.js';
import type { LockdownAttempt } from '../core/lockdown/attempts.js';

// Electron mode: the thin shell around the same kiosk core. Policy lives in policy.ts and is unit-tested.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const args = parseKioskArgs(process.argv.slice(app.isPackaged ? 1 : 2));
const logger = createLogger();
let win: BrowserWindow | null = null;
const crashes: number[] = [];

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit();
  const { config } = loadConfigOrExit(args.config, defaultConfigFile);
  await app.whenReady();

  const dataDir = args.dataDir ?? app.getPath('userData');
  // the outbox key, sealed by the OS keyring (safeStorage) where a real one is available (see keyring.ts)
  const sealing = outboxKeySealing({
    platform: process.platform,
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  });
  const wrap = { seal: (s: string) => safeStorage.encryptString(s), open: (b: Buffer) => safeStorage.decryptString(b) };
  moveOutboxKey(dataDir, sealing, wrap);
  if (sealing.use === 'keyFile') logger.error({ code: sealing.warning.code }, sealing.warning.message);
  const outboxKey =
    sealing.use === 'safeStorage'
      ? new KeyFile(path.join(dataDir, sealedKeyFileName), {
          seal: (k) => wrap.seal(k.toString('base64')),
          open: (b) => Buffer.from(wrap.open(b), 'base64'),
        })
      : undefined;
  const kiosk = new Kiosk({
    config,
    dataDir,
    outboxKey,
    runtime: 'electron',
    logger,
    drivers: builtInDrivers(),
    photoDecoder: await photoDecoderFromConfig(config, logger),
    emulatorAddresses: JSON.parse(process.env.KIOSK_EMULATORS ?? '{}') as Record<string, string>,
    requestRestart: () => {
      app.relaunch();
      app.exit(0);
    },
  });
  const dispatch = createKioskDispatcher(kiosk);

  // the UI's in-memory session: nothing of a resident in a cache, cookie or storage file
  const uiSession = session.fromPartition(UI_PARTITION);
  const blocked = (attempt: LockdownAttempt) => kiosk.lockdown.record(attempt, kiosk.session.active);
  // the tactile keypad's keys (config `keypad`; F1–F3 by default) belong to the UI
  const keypadKeys = Object.values((config as { keypad?: Record<string, readonly string[]> }).keypad ?? {}).flat();
  uiSession.protocol.handle(APP_SCHEME, (request) => {
    const file = resolveStatic(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString()).then(
      (res) =>
        new Response(res.body, {
          status: res.status,
          headers: { 'Content-Type': res.headers.get('Content-Type') ?? '', 'Content-Security-Policy': contentSecurityPolicy('') },
        }),
    );
  });

  for (const ses of [session.defaultSession, uiSession]) {
    const documentCamera = config.documentCamera !== undefined;
    ses.setPermissionRequestHandler((wc, permission, callback, details) =>
      callback(
        isPermissionAllowed(permission, config.permissions, wc.getURL(), {
          documentCamera,
          mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
        }),
      ),
    );
    ses.setPermissionCheckHandler((wc, permission, _origin, details) =>
      isPermissionAllowed(permission, config.permissions, wc?.getURL() ?? '', {
        documentCamera,
        mediaTypes: details.mediaType ? [details.mediaType] : undefined,
      }),
    );
    ses.on('will-download', (event) => {
      event.preventDefault();
      blocked({ kind: 'download' });
    });
  }

  ipcMain.on(IPC_REQUEST, (event, message: unknown) => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender(
      { frameUrl: frame?.url, isMainFrame: frame !== null && frame === event.sender.mainFrame, webContentsId: event.sender.id },
      win?.webContents.id ?? null,
    );
    if (!trusted) {
      logger.warn({ frame: frame?.url }, 'IPC from untrusted sender refused');
      return;
    }
    void dispatch(message).then((reply) => !event.sender.isDestroyed() && event.sender.send(IPC_EVENT, reply));
  });
  kiosk.onEvent((e) => win?.webContents.send(IPC_EVENT, e));

  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      blocked(windowOpenAttempt(url));
      return { action: 'deny' };
    });
    const refuseNavigation = (ev: { preventDefault(): void }, url: string) => {
      const attempt = navigationAttempt(url);
      if (!attempt) return;
      ev.preventDefault();
      blocked(attempt);
    };
    contents.on('will-navigate', refuseNavigation);
    contents.on('will-frame-navigate', (ev) => !ev.isMainFrame && refuseNavigation(ev, ev.url));
    contents.on('will-redirect', refuseNavigation);
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.on('before-input-event', (ev, input) => {
      const attempt = shortcutAttempt(input, args.dev, keypadKeys);
      if (!attempt) return;
      ev.preventDefault();
      blocked(attempt);
    });
    contents.on('context-menu', (ev) => {
      ev.preventDefault();
      blocked({ kind: 'contextMenu' });
    });
    // ctrl+wheel or a touchpad pinch changes the zoom level: put it back
    contents.on('zoom-changed', () => {
      contents.setZoomLevel(0);
      blocked({ kind: 'zoom' });
    });
  });

  const openWindow = () => {
    win = new BrowserWindow(kioskWindowOptions({ dev: args.dev, preloadPath: path.join(import.meta.dirname, 'preload.cjs') }));
    void win.webContents.setVisualZoomLevelLimits(1, 1);
    win.once('ready-to-show', () => win?.show());
    win.webContents.on('render-process-gone', (_e, details) => {
      logger.error({ reason: details.reason }, 'renderer gone');
      recover();
    });
    win.on('unresponsive', () => {
      logger.error('renderer unresponsive');
      recover();
    });
    void win.loadURL(`${APP_ORIGIN}/index.html`);
  };
  const recover = () => {
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && crashes[0]! < now - 60_000) crashes.shift();
    if (recoveryAction(crashes.length) === 'relaunch') {
      app.relaunch();
      app.exit(0);
      return;
    }
    win?.destroy();
    openWindow();
  };

  await kiosk.start();
  openWindow();
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => void kiosk.stop());
}

void main();

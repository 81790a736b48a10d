import path from 'node:path';
import { systemClock, type Clock } from '../../devices/core/operation.js';
import type { CoreEvent, CoreEventName, CoreEventPayload } from './events.js';
import type { KioskConfig } from './config/schema.js';
import { DeviceManager } from './devices/device-manager.js';
import type { DriverRegistry } from './devices/driver-registry.js';
import { isIdCardReader } from '../../devices/id-card/index.js';
import { isSmartCardReader } from '../../devices/smart-card/index.js';
import type { PhotoDecoder } from '../../devices/id-card/index.js';
import { describeTransport } from '../../devices/core/transport-config.js';
import { IdentityService } from './identity/identity-service.js';
import { enableMemoryScrubbing } from './identity/memory-scrub.js';
import type { Logger } from './log/logger.js';
import { MaintenanceGate } from './maintenance/gate.js';
import { SessionManager } from './session/session.js';
import type { AuditLog } from './store/audit.js';
import type { Db } from './store/db.js';
import { KioskStores } from './store/kiosk-stores.js';
import { KeyValueStore } from './store/kv.js';
import { productVersion } from './terminal/version.js';
import { CatalogService } from './catalog/catalog-service.js';
import { CatalogStore } from './catalog/catalog-store.js';
import { PlatformClient } from './platform/client.js';
import { createPayments, type Payments } from './payment/payments.js';
import { isPaymentScanner, type PaymentScanner } from '../../devices/payment-scanner/index.js';
import { isDocumentScanner, type DocumentScanner } from '../../devices/scanner/index.js';
import { loadPlatformTls } from './platform/tls-files.js';
import { KeyFile, PayloadCipher, type KeyProvider } from './outbox/cipher.js';
import { Outbox } from './outbox/outbox.js';
import { OutboxService } from './outbox/outbox-service.js';
import { platformSender } from './outbox/platform-sender.js';
import { createSubmissionService } from './apply/create-apply.js';
import { createOfflineForms } from './apply/form-prefetch.js';
import type { SubmissionService } from './apply/submission-service.js';
import { FlowService } from './flows/flow-service.js';
import { buildFlowRegistry, builtInStepHandlers } from './flows/build.js';
import { flowDefinitions } from './flows/definitions/index.js';
import { identityPort, type IdentityView } from './flows/identity-port.js';
import type { NeededDevice } from './flows/types.js';
import { isDocumentPrinter, isReceiptPrinter, type DocumentPrinter, type ReceiptPrinter } from '../../devices/printer/index.js';
import { composeProgressSlip, progressSlipReceipt } from './documents/progress-slip.js';
import { InputService } from './input/input-service.js';
import { LockdownRecorder } from './lockdown/lockdown-recorder.js';
import { createSpeechEngine } from './speech/create.js';
import { SpeechService } from './speech/speech-service.js';
import { catalogVocabularySource } from './input/vocabulary-source.js';
import { FleetDisplayState } from './fleet/display.js';
import { TerminalFleet } from './fleet/terminal-fleet.js';

export interface KioskOptions {
  config: KioskConfig;
  dataDir: string;
  runtime: 'electron' | 'browser';
  logger: Logger;
  drivers: DriverRegistry;
  /** Addresses reported by the emulators `npm start` launched, by emulator name. */
  emulatorAddresses?: Record<string, string>;
  clock?: Clock;
  /** The vendor's ID photo decoder, when one is installed. */
  photoDecoder?: PhotoDecoder | null;
  /** The outbox encryption key: Electron wraps it with safeStorage; default a 0600 key file in the data dir. */
  outboxKey?: KeyProvider;
  /** How this runtime restarts the application (Electron relaunch, or the browser-mode supervisor). */
  requestRestart: () => void;
}

/**
 * The kiosk core: one instance per running terminal, with no Electron import. Both runtimes create it
 * and connect their bridge transport to `dispatch` (via the handlers) and `onEvent`.
 */
export class Kiosk {
  readonly config: KioskConfig;
  readonly log: Logger;
  readonly db: Db;
  /** The database files (kiosk.sqlite, the durable outbox.sqlite), checked and rebuilt if damaged at start. */
  readonly stores: KioskStores;
  readonly audit: AuditLog;
  readonly session: SessionManager;
  readonly devices: DeviceManager;
  readonly gate: MaintenanceGate;
  readonly identity: IdentityService;
  readonly catalog: CatalogService;
  /** Null when no platform is configured (or its emulator did not start). */
  readonly platform: PlatformClient | null;
  readonly outbox: OutboxService;
  /** Paying at the terminal: the journal-backed payment service (null without a platform). */
  readonly payments: Payments | null;
  /** Applying at the terminal (ApplyPort): submissions through the durable outbox; null without a platform. */
  readonly applications: SubmissionService | null;
  /** Apply forms cached in kiosk.sqlite after each catalog sync, shown when the platform cannot be reached. */
  readonly offlineForms: ReturnType<typeof createOfflineForms>;
  readonly flows: FlowService;
  /** Chinese input (pinyin candidates, handwriting) for every text field. */
  readonly input: InputService;
  /** Voice guidance (espeak-ng or a vendor engine); null when config `speech.enabled` is false. */
  readonly speech: SpeechService | null;
  /** The fleet's lock screen and attract notice (kept across restarts; set by fleet commands). */
  readonly fleetDisplay: FleetDisplayState;
  /** Blocked escape attempts (shortcuts, menus, navigation, ...) reported by the UI and the shell, audited aggregated. */
  readonly lockdown: LockdownRecorder;
  /** The fleet agent; null when config `fleet` is absent. */
  readonly fleet: TerminalFleet | null;
  readonly startedAt = new Date();
  readonly runtime: 'electron' | 'browser';
  readonly version = productVersion;
  private readonly eventListeners = new Set<(e: CoreEvent) => void>();
  private readonly deviceDescriptions = new Map<string, { driver: string; transport: string }>();

  constructor(private readonly options: KioskOptions) {
    this.config = options.config;
    this.runtime = options.runtime;
    this.log = options.logger.child({ module: 'core' });
    // personal data: zeroed card bytes and a clearing GC when a session ends (identity/memory-scrub.ts)
    enableMemoryScrubbing();
    this.stores = new KioskStores(options.dataDir, this.config.crypto.suite, options.logger.child({ module: 'store' }));
    this.db = this.stores.db;
    this.audit = this.stores.audit;
    const kv = new KeyValueStore(this.db);
    this.gate = new MaintenanceGate(kv, this.config.maintenance);
    this.fleetDisplay = new FleetDisplayState(kv, (d) => this.emit('fleet.display', d));
    const clock = options.clock ?? systemClock;
    const sessionLog = options.logger.child({ module: 'session' });
    this.session = new SessionManager(
      {
        idleMs: this.config.timeouts.idleSeconds * 1000,
        countdownMs: this.config.timeouts.countdownSeconds * 1000,
        maintenanceIdleMs: this.config.timeouts.maintenanceIdleSeconds * 1000,
      },
      this.config.defaultLanguage,
      {
        started: (s, trigger) => {
          sessionLog.info({ mode: s.mode, trigger }, 'session started');
          this.audit.append(s.mode === 'maintenance' ? 'maintenance.entered' : 'session.started', { trigger });
          // a terminal the fleet locked takes no residents: a session a card started ends at once (the lock screen stays)
          if (s.mode === 'resident' && this.fleetDisplay.get().lock) setImmediate(() => this.session.end('canceled'));
        },
        changed: (s) => this.emit('session.changed', s),
        ended: (info) => {
          sessionLog.info({ mode: info.mode, reason: info.reason, durationMs: info.durationMs }, 'session ended');
          this.audit.append(info.mode === 'maintenance' ? 'maintenance.exited' : 'session.ended', {
            reason: info.reason,
            durationMs: info.durationMs,
          });
          this.speech?.endSession();
          this.emit('session.ended', { reason: info.reason });
        },
      },
      clock,
    );
    const devices = this.config.devices
      .filter((d) => d.enabled)
      .map((d) => {
        const device = options.drivers.create({
          config: d,
          emulatorAddress: d.emulator ? options.emulatorAddresses?.[d.emulator] : undefined,
          logger: options.logger.child({ module: `device:${d.id}` }),
        });
        this.deviceDescriptions.set(d.id, {
          driver: d.driver,
          transport: describeTransport(d.transport, d.emulator, d.emulator ? options.emulatorAddresses?.[d.emulator] : undefined),
        });
        return device;
      });
    this.devices = new DeviceManager(devices, this.audit, options.logger.child({ module: 'devices' }));
    this.devices.onStatus((s) => this.emit('device.status', s));
    const kinds = new Set(devices.map((d) => d.kind as NeededDevice));
    const runnableFlows = flowDefinitions.filter((f) => f.devices.every((d) => kinds.has(d))).map((f) => f.id);
    this.platform = createPlatformClient(this.config, options.emulatorAddresses);
    this.offlineForms = createOfflineForms({
      db: this.db,
      platform: this.platform,
      browse: (f, s, p, n) => this.catalog.browse(f, s, p, n),
      log: options.logger.child({ module: 'apply' }),
    });
    this.catalog = new CatalogService(
      new CatalogStore(this.db, kv, runnableFlows),
      this.platform,
      options.logger.child({ module: 'catalog' }),
      (status) => this.emit('catalog.status', status),
      {
        intervalMs: (this.config.platform?.syncIntervalMinutes ?? 30) * 60_000,
        registerWipe: (w) => this.session.registerWipe(w),
        terminalRegion: this.config.terminal.region ?? null,
        onSynced: () => this.offlineForms?.prefetcher.request(),
      },
    );
    const outboxCipher = new PayloadCipher(
      options.outboxKey ?? new KeyFile(path.join(options.dataDir, 'outbox.key')),
      this.config.crypto.suite,
    );
    this.outbox = new OutboxService(
      new Outbox(this.stores.outboxDb, outboxCipher),
      this.platform ? platformSender(this.platform, { application: () => (p, key) => this.applications!.deliverQueued(p, key) }) : null,
      options.logger.child({ module: 'outbox' }),
    );
    this.applications = createSubmissionService({
      platform: this.platform,
      outboxDb: this.stores.outboxDb,
      outbox: this.outbox,
      cipher: outboxCipher,
      log: options.logger.child({ module: 'apply' }),
      formCache: this.offlineForms?.cache,
      referenceRetentionDays: this.config.applications.referenceRetentionDays,
    });
    const identityListeners = new Set<(s: IdentityView) => void>();
    this.identity = new IdentityService(
      devices.filter(isIdCardReader),
      this.session,
      (snap) => {
        this.emit('identity.changed', snap);
        for (const l of identityListeners) l(snap);
      },
      options.logger.child({ module: 'identity' }),
      options.photoDecoder ?? null,
      undefined,
      devices.filter(isSmartCardReader),
    );
    this.payments = this.platform
      ? createPayments({
          dataDir: options.dataDir,
          platform: this.platform,
          clock,
          terminalId: this.config.terminal.id,
          timeZone: this.config.terminal.timeZone,
          log: options.logger.child({ module: 'payment' }),
        })
      : null;
    const printer = () => (devices.find(isDocumentPrinter) as DocumentPrinter | undefined) ?? null;
    const receiptPrinter = () => (devices.find(isReceiptPrinter) as ReceiptPrinter | undefined) ?? null;
    const terminal = { id: this.config.terminal.id, hotline: this.config.terminal.hotline, timeZone: this.config.terminal.timeZone };
    const handlers = builtInStepHandlers({
      printer,
      receiptPrinter,
      identity: {
        ...identityPort(
          () => this.identity.snapshot(),
          (l) => {
            identityListeners.add(l);
            return () => identityListeners.delete(l);
          },
        ),
        applicant: () => this.identity.applicant(),
        cardReader: () => this.identity.snapshot().readerAvailable || this.identity.snapshot().socialSecurityAvailable,
      },
      platform: this.platform,
      outbox: this.outbox,
      audit: this.audit,
      terminal,
      documents: {
        a4Slip: (c) => composeProgressSlip(c, { timeZone: terminal.timeZone, terminalId: terminal.id, hotline: terminal.hotline }),
        receiptSlip: (c) => progressSlipReceipt(c, { timeZone: terminal.timeZone, terminalId: terminal.id, hotline: terminal.hotline }),
      },
      now: () => new Date(clock.now()),
      log: options.logger.child({ module: 'flows' }),
      payments: () => this.payments,
      paymentScanner: () => (devices.find(isPaymentScanner) as PaymentScanner | undefined) ?? null,
      cardHolder: () => {
        const id = this.identity.currentCard()?.identity;
        if (!id?.name || !id.idNumber) return null;
        const sex = id.gender === 'male' || id.gender === 'female' ? id.gender : null;
        return { name: id.name, idNumber: id.idNumber, sex, birthDate: id.birthDate, address: id.address, nation: id.nation };
      },
      matterGuide: (matterId) => {
        const m = this.catalog.matter(matterId);
        return m ? { conditions: m.conditions, timeLimit: m.timeLimit, agency: m.agency } : null;
      },
      outlet: this.config.terminal.outlet,
      holdSession: (reason) => this.session.hold(reason),
      apply: () => this.applications,
      heldApplications: () => this.applications,
      matterName: (matterId) => this.catalog.matter(matterId)?.name ?? null,
      scanner: () => (devices.find(isDocumentScanner) as DocumentScanner | undefined) ?? null,
      documentCamera: () => this.config.documentCamera ?? null,
    });
    this.speech = this.config.speech.enabled
      ? new SpeechService(createSpeechEngine(this.config.speech), options.logger.child({ module: 'speech' }))
      : null;
    this.lockdown = new LockdownRecorder(
      (summary) => this.audit.append('lockdown.blocked', { ...summary }),
      options.logger.child({ module: 'lockdown' }),
      clock,
    );
    this.session.registerWipe(() => this.lockdown.flush());
    this.input = new InputService({
      log: options.logger.child({ module: 'input' }),
      vocabulary: catalogVocabularySource(this.catalog),
    });
    this.flows = new FlowService({
      registry: buildFlowRegistry(handlers),
      devices: kinds,
      session: this.session,
      catalog: this.catalog,
      emit: (state) => this.emit('flow.state', state),
      log: options.logger.child({ module: 'flows' }),
    });
    this.fleet = this.config.fleet
      ? new TerminalFleet(this, this.config.fleet, { dataDir: options.dataDir, kv, logger: options.logger })
      : null;
  }

  async start(): Promise<void> {
    this.audit.append('kiosk.started', { version: this.version, runtime: this.runtime, terminal: this.config.terminal.id });
    this.log.info({ version: this.version, runtime: this.runtime, terminal: this.config.terminal.id }, 'kiosk core started');
    this.stores.start();
    this.catalog.start();
    this.input.preload();
    void this.speech?.prerender();
    this.outbox.start();
    // payments a crash or power cut left unfinished: queried, then completed or reversed, in the background
    void this.payments?.service.resumeAll().catch((e: unknown) => this.log.error({ err: (e as Error).message }, 'payment resume failed'));
    await this.devices.startAll();
    this.fleet?.start(() => true);
  }

  async stop(): Promise<void> {
    this.audit.append('kiosk.stopping', {});
    this.session.end('shutdown');
    this.lockdown.flush();
    this.session.dispose();
    this.catalog.stop();
    this.offlineForms?.prefetcher.stop();
    this.input.stop();
    this.outbox.stop();
    this.payments?.close();
    await this.fleet?.stop();
    await this.devices.stopAll();
    this.stores.close();
  }

  describeDevice(id: string): { driver: string; transport: string } {
    return this.deviceDescriptions.get(id) ?? { driver: '?', transport: '?' };
  }

  requestRestart(): void {
    this.audit.append('maintenance.restart', {});
    this.options.requestRestart();
  }

  onEvent(listener: (e: CoreEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  emit<E extends CoreEventName>(name: E, payload: CoreEventPayload<E>): void {
    const message = { kind: 'event', name, payload } as CoreEvent;
    for (const l of this.eventListeners) l(message);
  }
}

function createPlatformClient(config: KioskConfig, addresses: Record<string, string> | undefined): PlatformClient | null {
  const p = config.platform;
  if (!p) return null;
  const baseUrl = p.emulator ? addresses?.[p.emulator] : p.url;
  if (!baseUrl) return null;
  return new PlatformClient({
    baseUrl,
    terminalId: config.terminal.id,
    secret: p.secret,
    timeoutMs: p.timeoutMs,
    tls: loadPlatformTls(p.tls),
    suite: config.crypto.suite,
  });
}

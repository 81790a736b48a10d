import path from 'node:path';
import type { CryptoSuite } from '../crypto/suite.js';
import { digestOf } from '../crypto/suite.js';
import type { Logger } from '../log/logger.js';
import { openOutboxDatabase } from '../outbox/outbox-db.js';
import { AuditAggregator } from './audit-aggregate.js';
import { archivedTail, AuditArchiver } from './audit-archive.js';
import { AuditLog } from './audit.js';
import { kioskStore, openStore, type Db, type Recovery } from './db.js';

const DAY = 86_400_000;

/**
 * The kiosk's database files, opened and checked at start: kiosk.sqlite (catalog, settings, audit; NORMAL) and
 * outbox.sqlite (durable, FULL). A damaged file is quarantined and rebuilt, and the kiosk says so in the audit
 * log (the maintenance screen lists it) and the log: the catalog re-syncs from the platform, the outbox keeps
 * every entry it can still read.
 */
export class KioskStores {
  readonly db: Db;
  readonly outboxDb: Db;
  readonly audit: AuditLog;
  readonly archiver: AuditArchiver;
  /** Rejected bridge messages: one audit row per kind per minute, with a count. */
  readonly rejections: AuditAggregator;
  private rotation: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataDir: string,
    suite: CryptoSuite,
    private readonly log: Logger,
    now: () => Date = () => new Date(),
  ) {
    const kiosk = openStore(dataDir, kioskStore, now);
    this.db = kiosk.db;
    this.audit = new AuditLog(this.db, now, digestOf(suite), () => archivedTail(dataDir));
    const outbox = openOutboxDatabase(dataDir, this.db, now);
    this.outboxDb = outbox.db;
    if (kiosk.recovery) this.recovered(kiosk.recovery, 'the catalog is re-synced from the platform; settings are back to defaults');
    if (outbox.recovery) this.recovered(outbox.recovery, `${outbox.salvaged} queued message(s) could be read back and are kept`);
    else if (outbox.salvaged > 0) this.log.info({ moved: outbox.salvaged }, 'outbox entries moved from kiosk.sqlite to outbox.sqlite');
    this.archiver = new AuditArchiver(this.db, dataDir, this.audit, now);
    this.rejections = new AuditAggregator(this.audit, 'bridge.rejected', () => now().getTime());
  }

  /** Rotates the audit log now and then daily. */
  start(): void {
    this.rotate();
    this.rotation = setInterval(() => this.rotate(), DAY);
    this.rotation.unref();
  }

  close(): void {
    if (this.rotation) clearInterval(this.rotation);
    this.rejections.stop();
    this.outboxDb.close();
    this.db.close();
  }

  private rotate(): void {
    try {
      const r = this.archiver.rotate();
      if (r.archived || r.pruned) this.log.info(r, 'audit log rotated');
    } catch (e) {
      this.log.error({ err: (e as Error).message }, 'audit rotation failed; the rows stay in the live table');
    }
  }

  private recovered(r: Recovery, consequence: string): void {
    const detail = {
      file: path.basename(r.file),
      quarantinedAs: path.relative(this.dataDir, r.quarantinedAs),
      reason: r.reason,
      consequence,
    };
    this.audit.append('store.recovered', detail);
    this.log.error(
      detail,
      `MAINTENANCE: ${path.basename(r.file)} was damaged and has been rebuilt; the damaged file is kept in quarantine`,
    );
  }
}

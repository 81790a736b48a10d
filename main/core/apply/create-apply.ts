import type { Logger } from '../log/logger.js';
import type { PayloadCipher } from '../outbox/cipher.js';
import type { OutboxService } from '../outbox/outbox-service.js';
import type { PlatformClient } from '../platform/client.js';
import type { Db } from '../store/db.js';
import { ApplicationStore } from './application-store.js';
import type { FormCache } from './form-cache.js';
import { SubmissionService } from './submission-service.js';

/** The platform side of applying, on the kiosk's platform client and durable outbox; null without a platform. */
export function createSubmissionService(o: {
  platform: PlatformClient | null;
  outboxDb: Db;
  outbox: OutboxService;
  cipher: PayloadCipher;
  log: Logger;
  /** Forms cached for when the platform cannot be reached. */
  formCache?: FormCache;
  /** Days a local reference still answers once delivered or refused (config `applications.referenceRetentionDays`). */
  referenceRetentionDays?: number;
}): SubmissionService | null {
  if (!o.platform) return null;
  return new SubmissionService({
    client: o.platform,
    store: new ApplicationStore(o.outboxDb, o.outbox.outbox, o.cipher, undefined, o.referenceRetentionDays),
    kickOutbox: () => void o.outbox.kick(),
    log: o.log,
    forms: o.formCache ?? null,
  });
}

/**
 * The kiosk's platform side of applying, put together as kiosk.ts does (durable outbox file, outbox cipher and key
 * file, platform client, submission service, outbox sender), for tests and for the kill-9 harness's child process.
 */
import path from 'node:path';
import { createSubmissionService } from '../../main/core/apply/create-apply.js';
import type { SubmissionService } from '../../main/core/apply/submission-service.js';
import { createLogger, type Logger } from '../../main/core/log/logger.js';
import { KeyFile, PayloadCipher } from '../../main/core/outbox/cipher.js';
import { openOutboxDatabase } from '../../main/core/outbox/outbox-db.js';
import { OutboxService } from '../../main/core/outbox/outbox-service.js';
import { Outbox } from '../../main/core/outbox/outbox.js';
import { platformSender } from '../../main/core/outbox/platform-sender.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import type { Db } from '../../main/core/store/db.js';

export const emulatorSecret = 'emulated-terminal-secret';

export interface ApplySide {
  db: Db;
  outbox: Outbox;
  outboxService: OutboxService;
  service: SubmissionService;
  client: PlatformClient;
  close(): void;
}

export function applySide(
  dataDir: string,
  baseUrl: string,
  o: { fetchImpl?: typeof fetch; timeoutMs?: number; log?: Logger; backoff?: { firstMs: number; maxMs: number } } = {},
): ApplySide {
  const { db } = openOutboxDatabase(dataDir);
  const cipher = new PayloadCipher(new KeyFile(path.join(dataDir, 'outbox.key')));
  const outbox = new Outbox(db, cipher, undefined, o.backoff ?? { firstMs: 20, maxMs: 200 });
  const client = new PlatformClient({
    baseUrl,
    terminalId: 'TEST-APPLY',
    secret: emulatorSecret,
    attempts: 1,
    timeoutMs: o.timeoutMs ?? 2000,
    fetchImpl: o.fetchImpl,
  });
  const log = o.log ?? createLogger({ level: 'silent' });
  let service: SubmissionService | null = null;
  const outboxService = new OutboxService(
    outbox,
    platformSender(client, { application: () => (p, key) => service!.deliverQueued(p, key) }),
    log,
  );
  service = createSubmissionService({ platform: client, outboxDb: db, outbox: outboxService, cipher, log })!;
  return {
    db,
    outbox,
    outboxService,
    service,
    client,
    close() {
      outboxService.stop();
      db.close();
    },
  };
}

/**
 * Child process for the outbox crash and power-cut tests: queues one evaluation in the given data dir (the durable
 * outbox.sqlite), says so, then hangs as if the send were still in flight — the parent kills it with SIGKILL then.
 */
import path from 'node:path';
import { KeyFile, PayloadCipher } from '../../main/core/outbox/cipher.js';
import { Outbox } from '../../main/core/outbox/outbox.js';
import { openOutboxDatabase } from '../../main/core/outbox/outbox-db.js';

const dir = process.argv[2]!;
const { db } = openOutboxDatabase(dir);
const outbox = new Outbox(db, new PayloadCipher(new KeyFile(path.join(dir, 'outbox.key'))));
const entry = outbox.enqueue('evaluation', {
  caseId: 'CASE-KILL9',
  matterId: 'sh-kiosk-058',
  level: 5,
  reasons: [],
  comment: null,
  evaluatedAt: new Date().toISOString(),
});
process.stdout.write(`QUEUED ${entry.idempotencyKey}\n`);
setInterval(() => undefined, 1000);

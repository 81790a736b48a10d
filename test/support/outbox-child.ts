/**
 * Child process for the outbox crash and power-cut tests: queues one evaluation — or, with `application` as the second
 * argument, saves one application with its scans and signature as the submission service does — in the given data
 * dir (the durable outbox.sqlite), says so, then hangs as if the send were still in flight — the parent kills it with
 * SIGKILL then.
 */
import path from 'node:path';
import { ApplicationStore } from '../../main/core/apply/application-store.js';
import { KeyFile, PayloadCipher } from '../../main/core/outbox/cipher.js';
import { Outbox } from '../../main/core/outbox/outbox.js';
import { openOutboxDatabase } from '../../main/core/outbox/outbox-db.js';
import { residencePermitDraft } from './apply-drafts.js';

const [dir, kind] = [process.argv[2]!, process.argv[3] ?? 'evaluation'];
const { db } = openOutboxDatabase(dir);
const cipher = new PayloadCipher(new KeyFile(path.join(dir, 'outbox.key')));
const outbox = new Outbox(db, cipher);
const key =
  kind === 'application'
    ? new ApplicationStore(db, outbox, cipher).save(residencePermitDraft()).idempotencyKey
    : outbox.enqueue('evaluation', {
        caseId: 'CASE-KILL9',
        matterId: 'sh-kiosk-058',
        level: 5,
        reasons: [],
        comment: null,
        evaluatedAt: new Date().toISOString(),
      }).idempotencyKey;
process.stdout.write(`QUEUED ${key}\n`);
setInterval(() => undefined, 1000);

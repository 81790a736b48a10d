import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../main/core/log/logger.js';
import { KeyFile, PayloadCipher } from '../../main/core/outbox/cipher.js';
import { Outbox } from '../../main/core/outbox/outbox.js';
import { OutboxService } from '../../main/core/outbox/outbox-service.js';
import { platformSender } from '../../main/core/outbox/platform-sender.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import { HealthSchema } from '../../main/core/platform/schemas.js';
import { openDatabase } from '../../main/core/store/db.js';

type Reply = { status: number; body: unknown } | 'network down';

/** A platform that answers from a script, in order, and counts what it was asked. */
function setup(replies: Reply[]) {
  const asked: string[] = [];
  const fetchImpl = (async (url: URL, init: RequestInit) => {
    asked.push(`${init.method} ${url.pathname}`);
    const next = replies.shift();
    if (!next || next === 'network down') throw new TypeError('fetch failed');
    return new Response(JSON.stringify(next.body), { status: next.status });
  }) as unknown as typeof fetch;
  const client = new PlatformClient({ baseUrl: 'https://platform.test/', terminalId: 'K1', secret: 'secret-123', fetchImpl, attempts: 1 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-contact-'));
  // a first back-off of ten minutes: only the platform coming back can explain a delivery within this test
  const outbox = new Outbox(openDatabase(dir), new PayloadCipher(new KeyFile(path.join(dir, 'outbox.key'))), undefined, {
    firstMs: 600_000,
    maxMs: 3_600_000,
  });
  const depths: number[] = [];
  const waiters: { depth: number; resolve: () => void }[] = [];
  const service = new OutboxService(outbox, platformSender(client), createLogger({ level: 'silent' }), (d) => {
    depths.push(d);
    for (const w of waiters.filter((x) => x.depth === d)) w.resolve();
  });
  const depthReaches = (depth: number) => new Promise<void>((resolve) => waiters.push({ depth, resolve }));
  return { client, service, outbox, asked, depths, depthReaches };
}

const evaluation = { caseId: 'C1', matterId: 'sh-kiosk-058', level: 5, reasons: [], comment: '', evaluatedAt: '2026-11-22T02:00:00Z' };
const health = { status: 'ok', time: '2026-11-22T00:00:00Z', catalogVersion: 3 };
const ack = { accepted: true, duplicate: false, evaluationId: 'E1' };

describe('the outbox after the platform comes back', () => {
  it('sends an evaluation that failed for want of the network as soon as another call reaches the platform', async () => {
    const { client, service, outbox, asked, depthReaches } = setup([
      'network down',
      { status: 200, body: health },
      { status: 200, body: ack },
    ]);
    service.submit('evaluation', evaluation);
    await service.kick();
    expect(outbox.entries()[0]).toMatchObject({ attempts: 1 });
    const emptied = depthReaches(0);
    await client.get('/api/v1/health', { schema: HealthSchema }); // e.g. the catalog sync
    await emptied;
    expect(asked).toEqual(['POST /api/v1/evaluations', 'GET /api/v1/health', 'POST /api/v1/evaluations']);
    service.stop();
  });

  it('an evaluation the platform refused keeps its long wait', async () => {
    const refusal = { status: 400, body: { error: { code: 'badRequest', message: 'no such case' } } };
    const { client, service, outbox, asked } = setup([refusal, { status: 200, body: health }]);
    service.submit('evaluation', evaluation);
    await service.kick();
    await client.get('/api/v1/health', { schema: HealthSchema });
    await service.kick();
    expect(asked).toEqual(['POST /api/v1/evaluations', 'GET /api/v1/health']);
    expect(outbox.depth()).toBe(1);
    service.stop();
  });
});

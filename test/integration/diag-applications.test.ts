import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCatalog } from '../../emulators/platform/dataset.js';
import { PlatformServer } from '../../emulators/platform/server.js';
import { CatalogVersions } from '../../emulators/platform/versions.js';
import { applicationsCommand } from '../../main/diag/applications.js';
import { residencePermitDraft } from '../support/apply-drafts.js';
import { applySide, emulatorSecret } from '../support/apply-side.js';
import { root } from '../support/kiosk-process.js';

/** `diag applications`: what waits for the platform, and what became of a local reference — without unsealing anything. */
let server: PlatformServer;
let baseUrl: string;
beforeAll(async () => {
  server = new PlatformServer({ versions: new CatalogVersions(buildCatalog(1)), secret: emulatorSecret });
  baseUrl = await server.listen();
});
afterAll(() => server.close());

it('lists a queued application, then gives its case number once delivered', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'diag-apply-'));
  const side = applySide(dir, baseUrl);
  try {
    server.faults.add('offline');
    const out = await side.service.submit(residencePermitDraft(), { signal: new AbortController().signal, deadlineMs: 5000 });
    if (out.kind !== 'queued') throw new Error(`expected queued, got ${out.kind}`);
    await side.outboxService.kick(); // one more failed attempt, counted
    const queued = applicationsCommand(['--data-dir', dir, '--reference', out.localReference.toLowerCase()], '/nonexistent');
    expect(queued.code).toBe(0);
    expect(JSON.parse(queued.out)).toMatchObject({
      queued: [
        {
          localReference: out.localReference,
          matterId: 'sh-kiosk-112',
          attempts: expect.any(Number),
          lastError: expect.stringContaining('unreachable'),
        },
      ],
      reference: { outcome: 'queued', caseNumber: null },
    });

    server.faults.delete('offline');
    side.outbox.expediteRetryable();
    await side.outboxService.kick();
    const cli = spawnSync(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'main/diag/cli.ts'), 'applications', '--data-dir', dir, '--reference', out.localReference],
      {
        encoding: 'utf8',
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const report = JSON.parse(cli.stdout) as { queued: unknown[]; reference: { outcome: string; caseNumber: string } };
    expect(report).toMatchObject({ queued: [], reference: { outcome: 'accepted', caseNumber: expect.stringMatching(/^310106/) } });
    // nothing sealed was opened: no name, ID number or query code in what it prints
    const { name, idNumber } = residencePermitDraft().applicant;
    expect(cli.stdout).not.toContain(name);
    expect(cli.stdout).not.toContain(idNumber);
    const opened = [...server.applications.desk.opened.values()].find((c) => c.localReference === out.localReference)!;
    expect(opened.reply.caseNumber).toBe(report.reference.caseNumber);
    expect(cli.stdout).not.toContain(String(opened.reply.queryCode));

    expect(applicationsCommand(['--data-dir', dir, '--reference', 'ZD0000000000'], dir).code).toBe(1);
    expect(applicationsCommand(['--data-dir', dir, '--bogus'], dir).code).toBe(2);
  } finally {
    side.close();
  }
});

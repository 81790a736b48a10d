import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../emulators/platform/dataset.js';
import { PlatformServer } from '../../emulators/platform/server.js';
import { CatalogVersions } from '../../emulators/platform/versions.js';
import type { ApplicationStore } from '../../main/core/apply/application-store.js';
import { FormCache } from '../../main/core/apply/form-cache.js';
import { SubmissionService } from '../../main/core/apply/submission-service.js';
import { createLogger } from '../../main/core/log/logger.js';
import { openDatabase, type Db } from '../../main/core/store/db.js';
import { residencePermitDraft } from '../support/apply-drafts.js';
import { applySide, emulatorSecret, type ApplySide } from '../support/apply-side.js';

/**
 * A form shown from the terminal's cache against the platform emulator: the cached copy when the platform is
 * offline, and when the platform has since moved to another version, the application saved with the old one is
 * refused on delivery (`formOutdated`) and its local reference says so — no case is opened.
 */
let server: PlatformServer;
let baseUrl: string;
const open: { side: ApplySide; db: Db }[] = [];
const log = createLogger({ level: 'silent' });

beforeAll(async () => {
  server = new PlatformServer({ versions: new CatalogVersions(buildCatalog(1)), secret: emulatorSecret });
  baseUrl = await server.listen();
});
afterAll(() => server.close());
afterEach(() => {
  server.faults.clear();
  for (const o of open.splice(0)) {
    o.side.close();
    o.db.close();
  }
});

function terminal() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'apply-offline-'));
  const side = applySide(dir, baseUrl);
  const db = openDatabase(dir);
  open.push({ side, db });
  const cache = new FormCache(db, log);
  // the form side of the kiosk's SubmissionService, on the same platform client, with the kiosk.sqlite cache
  const forms = new SubmissionService({
    client: side.client,
    store: {} as ApplicationStore,
    kickOutbox: () => undefined,
    log,
    forms: cache,
  });
  return { side, db, cache, forms };
}

async function drain(s: ApplySide, withinMs = 5000): Promise<void> {
  const until = Date.now() + withinMs;
  while (s.outbox.depth() > 0) {
    if (Date.now() > until) throw new Error(`outbox still holds ${s.outbox.depth()} after ${withinMs} ms`);
    await s.outboxService.kick();
    if (s.outbox.depth() > 0) await new Promise((r) => setTimeout(r, 25));
  }
}
const signal = () => new AbortController().signal;

describe('a form from the terminal cache', () => {
  it('the platform offline: the form received earlier, whole', async () => {
    const t = terminal();
    const live = await t.forms.form('sh-kiosk-112', signal());
    server.faults.add('offline');
    expect(await t.forms.form('sh-kiosk-112', signal())).toEqual(live);
  });

  it('the platform moved on meanwhile: the application saved offline is refused on delivery and its reference tells why', async () => {
    const t = terminal();
    await t.forms.form('sh-kiosk-112', signal());
    // the terminal's copy is of an older version than the platform now serves
    t.db.prepare("UPDATE apply_form_cache SET form = json_set(form, '$.version', '2025.9') WHERE matter_id = 'sh-kiosk-112'").run();
    server.faults.add('offline');
    const form = await t.forms.form('sh-kiosk-112', signal());
    expect(form.version).toBe('2025.9');

    const draft = { ...residencePermitDraft({ phone: '13900000077' }), formVersion: form.version };
    const out = await t.side.service.submit(draft, { signal: signal(), deadlineMs: 5_000 });
    expect(out.kind).toBe('queued');
    if (out.kind !== 'queued') return;

    server.faults.delete('offline');
    await drain(t.side);
    expect(t.side.service.reference(out.localReference)).toEqual({
      outcome: 'refused',
      matterId: 'sh-kiosk-112',
      savedAt: expect.any(String),
      message: expect.stringContaining('申请表已更新'),
    });
    expect([...server.applications.desk.opened.values()].filter((c) => c.values.phone === '13900000077')).toHaveLength(0);
  });
});

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyForms, formReply } from '../../../emulators/platform/apply-forms.js';
import { buildCatalog } from '../../../emulators/platform/dataset.js';
import { genericForm } from '../../../emulators/platform/generic-form.js';
import type { PlatformMatter } from '../../../emulators/platform/generate.js';
import { FormCache } from '../../../main/core/apply/form-cache.js';
import { createOfflineForms } from '../../../main/core/apply/form-prefetch.js';
import { SubmissionService } from '../../../main/core/apply/submission-service.js';
import type { ApplicationStore } from '../../../main/core/apply/application-store.js';
import { CatalogService } from '../../../main/core/catalog/catalog-service.js';
import { CatalogStore } from '../../../main/core/catalog/catalog-store.js';
import { createLogger } from '../../../main/core/log/logger.js';
import { PlatformClient } from '../../../main/core/platform/client.js';
import { PlatformError } from '../../../main/core/platform/errors.js';
import { openDatabase, type Db } from '../../../main/core/store/db.js';
import { KeyValueStore } from '../../../main/core/store/kv.js';
import { rejectionOf } from '../../support/rejection.js';

/**
 * Apply forms cached on the terminal: every form the platform sends is kept, the forms of this terminal's apply
 * matters are fetched after each catalog sync, and a cached form is shown only when the platform cannot be reached.
 */

const log = createLogger({ level: 'silent' });
const UNEMPLOYMENT = 'sh-kiosk-013';
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});
const kioskDb = () => {
  const db = openDatabase(mkdtempSync(path.join(os.tmpdir(), 'form-cache-')));
  dbs.push(db);
  return db;
};

/** A platform whose state the test sets: up, down (connection refused), 503, or refusing forms (404). */
function fakePlatform(catalog: PlatformMatter[] = []) {
  const p = {
    /** `silent`: the link swallows packets — no answer until the caller gives up. */
    mode: 'up' as 'up' | 'down' | 'unavailable' | 'notFound' | 'silent',
    /** The version the platform serves for the unemployment form. */
    version: '2026.1',
    /** Every form request, answered or not. */
    formRequests: [] as string[],
    client: null as unknown as PlatformClient,
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
  const fetchImpl = (async (url: URL | string, init?: RequestInit) => {
    const u = new URL(String(url));
    const m = /^\/api\/v1\/matters\/([^/]+)\/form$/.exec(u.pathname);
    if (m) p.formRequests.push(decodeURIComponent(m[1]!));
    if (p.mode === 'silent')
      return new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error), { once: true }),
      );
    if (p.mode === 'down') throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
    if (p.mode === 'unavailable') return json(503, { error: { code: 'unavailable', message: 'maintenance' } });
    if (u.pathname === '/api/v1/catalog/changes')
      return json(200, {
        since: 0,
        version: 1,
        total: catalog.length,
        nextCursor: null,
        changes: catalog.map((matter) => ({ op: 'upsert', matter })),
      });
    if (m) {
      const id = decodeURIComponent(m[1]!);
      if (p.mode === 'notFound') return json(404, { error: { code: 'notFound', message: 'no form' } });
      const written = applyForms.get(id);
      const matter = catalog.find((x) => x.id === id);
      const form = written ?? (matter ? genericForm(matter) : null);
      if (!form) return json(404, { error: { code: 'notFound', message: 'no form' } });
      return json(200, { ...formReply(form), ...(id === UNEMPLOYMENT ? { version: p.version } : {}) });
    }
    return json(404, { error: { code: 'notFound', message: u.pathname } });
  }) as unknown as typeof fetch;
  p.client = new PlatformClient({
    baseUrl: 'https://platform.test/',
    terminalId: 'K',
    secret: 's',
    fetchImpl,
    attempts: 1,
    timeoutMs: 1500,
  });
  return p;
}

/** Every apply matter of the emulator's dataset and a few others (one catalog page under the reply cap). */
const takesApplications = (m: PlatformMatter) =>
  (m.channels as { terminal: { flows: string[] } | null }).terminal?.flows.includes('apply') ?? false;
const smallCatalog = () => buildCatalog(1).filter((m, i) => takesApplications(m) || i < 30);

const service = (client: PlatformClient, forms: FormCache | null, formPatienceMs?: number) =>
  new SubmissionService({ client, store: {} as ApplicationStore, kickOutbox: () => undefined, log, forms, formPatienceMs });
const signal = () => new AbortController().signal;

describe('the form cache', () => {
  it('keeps every form the platform sends, and shows it when the platform is down — only then', async () => {
    const platform = fakePlatform();
    const cache = new FormCache(kioskDb(), log);
    const apply = service(platform.client, cache);

    const live = await apply.form(UNEMPLOYMENT, signal());
    expect(live.version).toBe('2026.1');
    expect(cache.get(UNEMPLOYMENT)?.form).toEqual(live);

    // the platform moved on: the live form wins over the cached one, and replaces it
    platform.version = '2026.2';
    expect((await apply.form(UNEMPLOYMENT, signal())).version).toBe('2026.2');
    expect(cache.get(UNEMPLOYMENT)?.form.version).toBe('2026.2');

    // unreachable, or its gateway says 503: the form this terminal last received
    for (const mode of ['down', 'unavailable'] as const) {
      platform.mode = mode;
      expect(await apply.form(UNEMPLOYMENT, signal()), mode).toEqual({ ...live, version: '2026.2' });
    }

    // the platform answers and refuses: its answer stands, the cached copy is not offered instead
    platform.mode = 'notFound';
    const refused = await rejectionOf(apply.form(UNEMPLOYMENT, signal()), PlatformError);
    expect([refused.code, refused.detail.status]).toEqual(['server', 404]);

    // never received here, platform down: the platform's error, as before the cache
    platform.mode = 'down';
    expect((await rejectionOf(apply.form('sh-kiosk-112', signal()), PlatformError)).code).toBe('unreachable');

    // the resident gave up meanwhile: no form at all
    const gone = new AbortController();
    gone.abort();
    await expect(apply.form(UNEMPLOYMENT, gone.signal)).rejects.toThrow();
  });

  it('a link that swallows packets: with a copy at hand the resident waits only the patience, not every timeout', async () => {
    const platform = fakePlatform();
    const cache = new FormCache(kioskDb(), log);
    const apply = service(platform.client, cache, 100);
    const live = await apply.form(UNEMPLOYMENT, signal());
    platform.mode = 'silent';
    const started = Date.now();
    expect(await apply.form(UNEMPLOYMENT, signal())).toEqual(live);
    expect(Date.now() - started).toBeLessThan(1000); // the client's own timeout is 1.5 s
    // no copy of this one: the platform's own timeout, as before
    const err = await rejectionOf(apply.form('sh-kiosk-112', signal()), PlatformError);
    expect(err.code).toBe('timeout');
  });

  it('refuses and drops a cached row it cannot trust: not JSON, not a form, or the form of another matter', async () => {
    const db = kioskDb();
    const platform = fakePlatform();
    const cache = new FormCache(db, log);
    const apply = service(platform.client, cache);
    const good = await apply.form(UNEMPLOYMENT, signal());
    const put = db.prepare('UPDATE apply_form_cache SET form = ? WHERE matter_id = ?');
    const broken = {
      'not JSON': '{"matterId": "sh-kiosk-013", "groups": [',
      'a select without choices': JSON.stringify({
        ...good,
        groups: good.groups.map((g) => ({ ...g, fields: g.fields.map((f) => (f.type === 'select' ? { ...f, options: [] } : f)) })),
      }),
      'another matter': JSON.stringify({ ...good, matterId: 'sh-kiosk-112' }),
    };
    platform.mode = 'down';
    for (const [what, text] of Object.entries(broken)) {
      await apply.form(UNEMPLOYMENT, signal()).catch(() => undefined);
      platform.mode = 'up';
      await apply.form(UNEMPLOYMENT, signal()); // cached again, whole
      platform.mode = 'down';
      put.run(text, UNEMPLOYMENT);
      expect(cache.get(UNEMPLOYMENT), what).toBeNull();
      expect(cache.matterIds(), what).toEqual([]); // dropped, not tried again
      expect((await rejectionOf(apply.form(UNEMPLOYMENT, signal()), PlatformError)).code, what).toBe('unreachable');
    }
  });

  it('after each catalog sync, caches the forms of the matters this terminal takes applications for, and only those', async () => {
    const catalog = smallCatalog();
    const applyIds = catalog.filter(takesApplications).map((m) => m.id);
    expect(applyIds).toEqual(expect.arrayContaining([UNEMPLOYMENT, 'sh-kiosk-014', 'sh-kiosk-112', 'sh-kiosk-113']));
    const platform = fakePlatform(catalog);
    const db = kioskDb();
    const offline = createOfflineForms({ db, platform: platform.client, browse: (f, s, p, n) => catalogService.browse(f, s, p, n), log })!;
    // a form of a matter no longer applied for here, left from before
    offline.cache.put({ ...(await service(platform.client, null).form(UNEMPLOYMENT, signal())), matterId: 'sh-gone-001' });
    platform.formRequests.length = 0;
    const catalogService = new CatalogService(new CatalogStore(db, new KeyValueStore(db)), platform.client, log, () => undefined, {
      intervalMs: 3_600_000,
      onSynced: () => offline.prefetcher.request(),
    });
    try {
      await catalogService.syncNow();
      await offline.prefetcher.idle();
    } finally {
      catalogService.stop();
    }
    expect([...platform.formRequests].sort()).toEqual([...applyIds].sort());
    expect(offline.cache.matterIds()).toEqual([...applyIds].sort());

    // the platform goes away: the terminal still has the form it never showed anyone
    platform.mode = 'down';
    const form = await service(platform.client, offline.cache).form('sh-kiosk-014', signal());
    expect(form.matterId).toBe('sh-kiosk-014');
    expect(form.groups.map((g) => g.id)).toEqual(['applicant', 'work']);
  });

  it('a prefetch the platform walks away from stops there and keeps what it has', async () => {
    const platform = fakePlatform(smallCatalog());
    const db = kioskDb();
    const store = new CatalogStore(db, new KeyValueStore(db));
    const catalogService = new CatalogService(store, platform.client, log, () => undefined, { intervalMs: 3_600_000 });
    await catalogService.syncNow();
    catalogService.stop();
    const offline = createOfflineForms({ db, platform: platform.client, browse: (f, s, p, n) => store.browse(f, s, p, n), log })!;
    offline.cache.put({ ...(await service(platform.client, null).form(UNEMPLOYMENT, signal())), matterId: 'sh-gone-001' });
    platform.mode = 'down';
    const before = platform.formRequests.length;
    offline.prefetcher.request();
    await offline.prefetcher.idle();
    expect(platform.formRequests.length).toBe(before + 1); // one attempt refused at the connection, then no more
    expect(offline.cache.matterIds()).toEqual(['sh-gone-001']); // nothing dropped on an incomplete run
  });
});

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { CatalogStore } from '../../main/core/catalog/catalog-store.js';
import { syncCatalog } from '../../main/core/catalog/catalog-sync.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import { rejectionOf } from '../support/rejection.js';
import { PlatformError } from '../../main/core/platform/errors.js';
import { openDatabase, type Db } from '../../main/core/store/db.js';
import { KeyValueStore } from '../../main/core/store/kv.js';

let emu: EmulatorHandle;
let dir: string;
let db: Db;
let store: CatalogStore;

interface Req {
  path: string;
  query: Record<string, string>;
  status: number;
}
const requests = () => (emu.state().recentRequests as Req[]).filter((r) => r.path === '/api/v1/catalog/changes');
const client = (secret = 'emulated-terminal-secret') =>
  new PlatformClient({ baseUrl: emu.address, terminalId: 'TEST-0001', secret, timeoutMs: 3000, attempts: 1 });
const openStore = () => {
  db = openDatabase(dir);
  store = new CatalogStore(db, new KeyValueStore(db));
};
const catalogSnapshot = () => db.prepare('SELECT id, json FROM catalog_matter ORDER BY id').all();

beforeEach(async () => {
  emu = await platformEmulator.start({ argv: [] });
  dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
  openStore();
});

afterEach(async () => {
  db.close();
  await emu.close();
});

describe('catalog sync against the platform emulator', () => {
  it('first sync brings the whole catalog in pages and applies it as one version', async () => {
    const outcome = await syncCatalog(client(), store, { pageSize: 300 });
    expect(outcome).toMatchObject({ result: 'updated', version: 1, from: 0, resumed: false });
    expect(store.count()).toBe(emu.state().matters);
    expect(requests().length).toBe(Math.ceil((emu.state().matters as number) / 300));
    expect(store.state()).toMatchObject({ version: 1, lastResult: 'ok', pending: null });
    expect(store.get('sh-kiosk-058')?.name).toBe('户籍证明开具');
    // nothing new: one small request, still version 1
    await expect(syncCatalog(client(), store)).resolves.toEqual({ result: 'upToDate', version: 1 });
  });

  it('is incremental: after a publication only the changes travel, and withdrawn matters disappear', async () => {
    await syncCatalog(client(), store);
    const before = new Set((catalogSnapshot() as { id: string }[]).map((r) => r.id));
    await emu.act('publish');
    const outcome = await syncCatalog(client(), store);
    expect(outcome).toMatchObject({ result: 'updated', version: 2, from: 1 });
    expect((outcome as { applied: number }).applied).toBeLessThan(30);
    expect(requests().at(-1)!.query.since).toBe('1');
    const after = new Set((catalogSnapshot() as { id: string }[]).map((r) => r.id));
    expect([...after].filter((id) => !before.has(id)).length).toBe(4);
    expect([...before].filter((id) => !after.has(id)).length).toBe(1);
    expect(store.count()).toBe(emu.state().matters);
  });

  it('a connection cut mid-sync leaves the catalog as it was and resumes from the last page, even after a restart', async () => {
    await syncCatalog(client(), store);
    await emu.act('publish');
    await emu.act('publish');
    const before = catalogSnapshot();
    emu.setFault('cutMidSync', true);
    const e = await rejectionOf(syncCatalog(client(), store, { pageSize: 5 }), PlatformError);
    expect(['unreachable', 'badReply']).toContain(e.code);
    expect(catalogSnapshot()).toEqual(before);
    expect(store.state()).toMatchObject({ version: 1, lastResult: 'failed', pending: { received: 5, version: 3 } });

    // the terminal restarts: a new store on the same database resumes where the first page ended
    db.close();
    openStore();
    emu.setFault('cutMidSync', false);
    const seen = requests().length;
    const outcome = await syncCatalog(client(), store, { pageSize: 5 });
    expect(outcome).toMatchObject({ result: 'updated', version: 3, resumed: true });
    // the first request after the restart continues from the cursor; nothing is fetched twice
    expect(requests()[seen]?.query).toMatchObject({ since: '1', version: '3', cursor: 'o5' });
    expect(store.count()).toBe(emu.state().matters);
  });

  it('a malformed page is refused with the field named, and the catalog stays intact', async () => {
    await syncCatalog(client(), store);
    await emu.act('publish');
    const before = catalogSnapshot();
    emu.setFault('malformedPage', true);
    const e = await rejectionOf(syncCatalog(client(), store, { pageSize: 3 }), PlatformError);
    expect(e.code).toBe('badReply');
    expect(e.detail.field).toBe('changes.0.matter.name');
    expect(catalogSnapshot()).toEqual(before);
    expect(store.state()).toMatchObject({ version: 1, lastResult: 'failed', lastError: { code: 'badReply' } });
    emu.setFault('malformedPage', false);
    await expect(syncCatalog(client(), store, { pageSize: 3 })).resolves.toMatchObject({ result: 'updated', version: 2 });
  });

  it('refuses a platform that offers an older catalog than the terminal holds', async () => {
    await emu.act('publish');
    await syncCatalog(client(), store);
    expect(store.state().version).toBe(2);
    const before = catalogSnapshot();
    emu.setFault('rollback', true);
    expect((await rejectionOf(syncCatalog(client(), store), PlatformError)).code).toBe('versionRollback');
    expect(store.state().version).toBe(2);
    expect(catalogSnapshot()).toEqual(before);
  });

  it('a terminal with the wrong secret is refused and keeps what it has', async () => {
    const e = await rejectionOf(syncCatalog(client('not-the-secret'), store), PlatformError);
    expect(e.code).toBe('unauthorized');
    expect(store.count()).toBe(0);
  });

  it('with the platform gone, the sync fails as unreachable and the stored catalog keeps serving', async () => {
    await syncCatalog(client(), store);
    const count = store.count();
    await emu.close();
    expect((await rejectionOf(syncCatalog(client(), store), PlatformError)).code).toBe('unreachable');
    expect(store.count()).toBe(count);
    expect(store.state().updatedAt).not.toBeNull();
    emu = await platformEmulator.start({ argv: [] }); // for afterEach
  });
});

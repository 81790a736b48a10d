import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../emulators/platform/dataset.js';
import { CatalogService } from '../../../main/core/catalog/catalog-service.js';
import { CatalogStore } from '../../../main/core/catalog/catalog-store.js';
import { createLogger } from '../../../main/core/log/logger.js';
import { MatterSchema } from '../../../main/core/platform/schemas.js';
import { openDatabase } from '../../../main/core/store/db.js';
import { KeyValueStore } from '../../../main/core/store/kv.js';

/** The catalog service over the emulator's real catalog, as synced into SQLite, for a terminal in `region`. */
function serviceIn(region: string | null) {
  const matters = buildCatalog(1).map((m) => MatterSchema.parse(m));
  const db = openDatabase(mkdtempSync(path.join(os.tmpdir(), 'region-')));
  const store = new CatalogStore(db, new KeyValueStore(db));
  store.addPendingPage(
    matters.map((matter) => ({ op: 'upsert' as const, matter })),
    { since: 0, version: 1, cursor: null, total: matters.length, received: matters.length, full: true },
  );
  store.applyPending(1, true, new Date().toISOString());
  return new CatalogService(store, null, createLogger({ level: 'silent' }), () => undefined, {
    intervalMs: 60_000,
    terminalRegion: region,
  });
}

describe('the terminal region through the synced catalog', () => {
  it('the platform publishes each matter’s GB/T 2260 region code and the store hands it to the index', () => {
    const matters = buildCatalog(1);
    expect(matters.find((m) => m.id.startsWith('sh-kiosk-'))?.regionCode).toMatch(/^310/);
    expect(matters.find((m) => m.id.startsWith('sc-511602-'))).toMatchObject({ regionCode: '511602', region: '四川省广安市广安区' });
  });

  it('a Shanghai terminal lists its own tax matter for 税, and a Sichuan one only when nothing local matches, marked', () => {
    const shanghai = serviceIn('310106');
    expect(shanghai.search('税', 8).map((h) => [h.name, h.region])).toEqual([['房产税查询', null]]);
    const elsewhere = shanghai.search('残疾人证新办', 3);
    expect(elsewhere[0]).toMatchObject({ name: '残疾人证新办', region: '四川省广安市广安区' });
  });

  it('without a region every matter is local', () => {
    const anywhere = serviceIn(null);
    const hits = anywhere.search('税', 8);
    expect(hits.length).toBe(8);
    expect(hits.every((h) => h.region === null)).toBe(true);
  });

  it('an empty result comes with matters on the same topic', () => {
    const service = serviceIn('310106');
    expect(service.search('宠物登记', 5)).toEqual([]);
    const near = service.nearby('宠物登记', 4);
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((h) => h.name.includes('登记') && h.region === null)).toBe(true);
  });
});

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../emulators/platform/dataset.js';
import { CatalogService } from '../../../main/core/catalog/catalog-service.js';
import { CatalogStore } from '../../../main/core/catalog/catalog-store.js';
import { createLogger } from '../../../main/core/log/logger.js';
import { CatalogPageSchema, MatterSchema, type Matter } from '../../../main/core/platform/schemas.js';
import { migrate } from '../../../main/core/store/db.js';
import { migrations } from '../../../main/core/store/migrations.js';
import { KeyValueStore } from '../../../main/core/store/kv.js';

const catalog = buildCatalog(1);
const parsed = catalog.map((m) => MatterSchema.parse(m));
const byId = (id: string) => parsed.find((m) => m.id === id)!;

function syncedService(matters: Matter[]) {
  const db = new Database(path.join(mkdtempSync(path.join(os.tmpdir(), 'translations-')), 'kiosk.sqlite'));
  migrate(db);
  const store = new CatalogStore(db, new KeyValueStore(db));
  store.addPendingPage(
    matters.map((matter) => ({ op: 'upsert' as const, matter })),
    { since: 0, version: 1, cursor: null, total: matters.length, received: matters.length, full: true },
  );
  store.applyPending(1, true, new Date().toISOString());
  const service = new CatalogService(store, null, createLogger({ level: 'silent' }), () => undefined, { intervalMs: 60_000 });
  return { db, store, service };
}

describe('the platform emulator publishes English and Uyghur guides', () => {
  it('for the 30 most used terminal matters, whole (every condition, material and step) and in Uyghur script', () => {
    const terminal = parsed.filter((m) => m.channels.terminal).sort((a, b) => b.popularity - a.popularity || (a.id < b.id ? -1 : 1));
    for (const m of terminal.slice(0, 30)) {
      expect(Object.keys(m.translations ?? {}).sort(), m.name).toEqual(['en', 'ug']);
      const ug = m.translations!.ug!;
      const texts = [ug.name, ...ug.conditions, ...ug.materials, ...ug.process];
      expect(
        texts.every((t) => /\p{Script=Arabic}/u.test(t) && !/[\p{Script=Han}A-Za-z]/u.test(t)),
        m.name,
      ).toBe(true);
      expect(m.translations!.en!.name).toMatch(/^[\x20-\x7e’]+$/);
    }
    // a Sichuan district's matter has none: the terminal shows its Chinese guide, labelled
    expect(parsed.find((m) => m.id.startsWith('sc-'))!.translations).toBeUndefined();
  });
});

describe('the catalog stores translations', () => {
  it('keeps the guide in each language, lists names per language, and finds a matter by its Uyghur or English name', () => {
    const { service, store } = syncedService(parsed);
    const proof = service.matter('sh-kiosk-058')!;
    expect(proof.name).toBe('户籍证明开具');
    expect(proof.translations?.ug?.name).toBe('نوپۇس ئىسپاتى ئېچىش');
    expect(proof.translations?.en?.materials).toEqual(['Resident identity card']);
    const page = service.browse({ terminalOnly: true }, 'popular', 0, 24);
    expect(page.items[0]!.names).toMatchObject({ en: expect.any(String), ug: expect.any(String) });
    expect(store.summaries(['sh-kiosk-058'])[0]!.names).toEqual({
      en: 'Household registration certificate',
      ug: 'نوپۇس ئىسپاتى ئېچىش',
    });
    expect(service.search('نوپۇس ئىسپاتى', 8).map((h) => h.id)).toContain('sh-kiosk-058');
    expect(service.search('Household registration', 8).map((h) => [h.id, h.names?.ug])).toContainEqual([
      'sh-kiosk-058',
      'نوپۇس ئىسپاتى ئېچىش',
    ]);
    // Chinese and pinyin still find it first
    expect(service.search('hujizhengming', 3)[0]?.id).toBe('sh-kiosk-058');
  });

  it('refuses a page whose translation does not line up with the Chinese guide, naming the field', () => {
    const m = catalog.find((x) => x.id === 'sh-kiosk-058')!;
    const page = (matter: unknown) => ({ since: 0, version: 2, total: 1, nextCursor: null, changes: [{ op: 'upsert', matter }] });
    const ug = (m.translations as Record<string, Record<string, unknown>>).ug!;
    const cases: [unknown, string][] = [
      [
        { ...m, translations: { ug: { ...ug, conditions: (ug.conditions as string[]).slice(1) } } },
        'changes.0.matter.translations.ug.conditions',
      ],
      [{ ...m, translations: { ug: { ...ug, materials: [] } } }, 'changes.0.matter.translations.ug.materials'],
      [{ ...m, translations: { ug: { ...ug, name: 42 } } }, 'changes.0.matter.translations.ug.name'],
      [{ ...m, translations: { ug: { ...ug, timeLimitNote: 'ئۈچ كۈن' } } }, 'changes.0.matter.translations.ug.timeLimitNote'],
      [{ ...m, translations: { 'Uyghur!': ug } }, 'changes.0.matter.translations.Uyghur!'],
      [{ ...m, translations: { ug: { ...ug, hall: 'x' } } }, 'changes.0.matter.translations.ug'],
    ];
    for (const [matter, field] of cases) {
      const r = CatalogPageSchema.safeParse(page(matter));
      expect(r.success, field).toBe(false);
      expect(
        r.error!.issues.map((i) => i.path.join('.')),
        field,
      ).toContain(field);
    }
    expect(CatalogPageSchema.safeParse(page(m)).success).toBe(true);
  });

  it('an older terminal fetches the whole catalog once more after the update (its stored matters lost their translations)', () => {
    const db = new Database(path.join(mkdtempSync(path.join(os.tmpdir(), 'translations-')), 'kiosk.sqlite'));
    migrate(
      db,
      migrations.filter((m) => m.version < 5),
    );
    const kv = new KeyValueStore(db);
    kv.set('catalog.state', { version: 7, updatedAt: '2026-11-01T00:00:00.000Z', lastResult: 'ok', pending: null });
    db.prepare(
      `INSERT INTO catalog_matter (id, name, aliases, department, audience, life_events, popularity, terminal, flows, json)
       VALUES ('sh-kiosk-058', '户籍证明开具', '[]', NULL, '|person|', '||', 90, 1, '|printProof|', ?)`,
    ).run(JSON.stringify({ ...byId('sh-kiosk-058'), translations: undefined }));
    migrate(db);
    const store = new CatalogStore(db, kv);
    expect(store.state()).toMatchObject({ version: 0, pending: null, updatedAt: '2026-11-01T00:00:00.000Z' });
    // the stored catalog keeps serving until the new one is complete
    expect(store.summaries(['sh-kiosk-058'])).toEqual([expect.objectContaining({ name: '户籍证明开具', names: {} })]);
  });
});

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../emulators/platform/dataset.js';
import { CatalogStore } from '../../../main/core/catalog/catalog-store.js';
import { MatterSchema, type Matter } from '../../../main/core/platform/schemas.js';
import { openDatabase } from '../../../main/core/store/db.js';
import { KeyValueStore } from '../../../main/core/store/kv.js';

const matters = buildCatalog(1).map((m) => MatterSchema.parse(m));
const flowsOf = (m: Matter) => m.channels.terminal?.flows ?? [];

/** A store holding one matter per terminal flow, that says "here" only for the given runnable flows. */
function storeWith(runnable: string[] | undefined, ms: Matter[]) {
  const db = openDatabase(mkdtempSync(path.join(os.tmpdir(), 'doable-')));
  const store = new CatalogStore(db, new KeyValueStore(db), runnable);
  store.addPendingPage(
    ms.map((matter) => ({ op: 'upsert' as const, matter })),
    { since: 0, version: 1, cursor: null, total: ms.length, received: ms.length, full: true },
  );
  store.applyPending(1, true, new Date().toISOString());
  return store;
}

describe('本机可办 only where a flow can run it', () => {
  const proof = matters.find((m) => flowsOf(m).includes('printProof'))!;
  const apply = matters.find((m) => flowsOf(m).join() === 'apply')!;

  it('a matter whose terminal flow is not runnable here is not marked, listed first or counted as "here"', () => {
    const store = storeWith(['printProof'], [proof, apply]);
    const byId = Object.fromEntries(store.summaries([proof.id, apply.id]).map((s) => [s.id, s.terminal]));
    expect(byId).toEqual({ [proof.id]: true, [apply.id]: false });
    expect(store.indexRows().find((r) => r.id === apply.id)?.terminal).toBe(false);
    expect(store.browse({ terminalOnly: true }, 'hereFirst', 0, 10).items.map((m) => m.id)).toEqual([proof.id]);
  });

  it('without a certificate printer even the proof matters are not offered here', () => {
    const store = storeWith([], [proof, apply]);
    expect(store.summaries([proof.id, apply.id]).every((s) => !s.terminal)).toBe(true);
  });
});

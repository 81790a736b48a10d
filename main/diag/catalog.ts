import { CatalogService } from '../core/catalog/catalog-service.js';
import { CatalogStore } from '../core/catalog/catalog-store.js';
import type { KioskConfig } from '../core/config/schema.js';
import { createLogger } from '../core/log/logger.js';
import { PlatformClient } from '../core/platform/client.js';
import { PlatformError } from '../core/platform/errors.js';
import { openDatabase } from '../core/store/db.js';
import { KeyValueStore } from '../core/store/kv.js';

export interface CatalogSearchOptions {
  query: string;
  limit: number;
  json: boolean;
  platform?: string;
  dataDir: string;
  config: KioskConfig;
}

/**
 * `diag catalog search`: ranked results from the terminal's local catalog, after syncing from `--platform`
 * when given (with this terminal's id and secret from the configuration).
 */
export async function catalogSearch(o: CatalogSearchOptions): Promise<{ code: number; out: string; err: string }> {
  const db = openDatabase(o.dataDir);
  try {
    let err = '';
    const client = o.platform
      ? new PlatformClient({
          baseUrl: o.platform,
          terminalId: o.config.terminal.id,
          secret: o.config.platform?.secret ?? '',
          timeoutMs: o.config.platform?.timeoutMs ?? 10_000,
        })
      : null;
    if (o.platform && !o.config.platform?.secret) return { code: 2, out: '', err: 'set platform.secret in the configuration to sync\n' };
    const service = new CatalogService(
      new CatalogStore(db, new KeyValueStore(db)),
      client,
      createLogger({ level: 'silent' }),
      () => undefined,
      {
        intervalMs: 3_600_000,
        terminalRegion: o.config.terminal.region ?? null,
      },
    );
    if (client) {
      try {
        const outcome = await service.syncNow();
        err += `catalog ${outcome.result === 'updated' ? `updated to version ${outcome.version} (${outcome.applied} changes)` : `up to date (version ${outcome.version})`}\n`;
      } catch (e) {
        const pe = e as PlatformError;
        return { code: 1, out: '', err: `sync from ${o.platform} failed (${pe.code}): ${pe.message}\n` };
      } finally {
        service.stop();
      }
    }
    const status = service.status();
    if (status.matterCount === 0) err += 'the local catalog is empty: sync with --platform <url> first\n';
    const hits = service.search(o.query, o.limit).map((h) => {
      const m = service.matter(h.id);
      return {
        id: h.id,
        name: h.name,
        code: m?.implementationCode ?? m?.basicCode ?? m?.localCode ?? null,
        score: h.score,
        kind: h.kind,
        viaAlias: h.viaAlias,
        region: h.region,
      };
    });
    const out = o.json
      ? JSON.stringify(hits.map(({ id, name, code, score }) => ({ id, name, code, score })))
      : hits
          .map(
            (h, i) =>
              `${String(i + 1).padStart(2)}. ${h.name}  [${h.kind}${h.viaAlias ? ` via “${h.viaAlias}”` : ''}${h.region ? `, ${h.region}` : ''}, ${h.score}]  ${h.id}  ${h.code ?? ''}`,
          )
          .join('\n') || '(no match)';
    return { code: 0, out: out + '\n', err };
  } finally {
    db.close();
  }
}

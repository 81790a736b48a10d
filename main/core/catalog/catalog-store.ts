import type { Db } from '../store/db.js';
import type { KeyValueStore } from '../store/kv.js';
import { lifeEvents, MatterSchema, type CatalogChange, type LifeEvent, type Matter, type TerminalFlow } from '../platform/schemas.js';

/** Where an unfinished sync stands (kept across restarts so a cut sync resumes where it stopped). */
export interface PendingSync {
  since: number;
  version: number;
  cursor: string | null;
  total: number;
  received: number;
  /** The platform sent a full catalog (since 0): applying it replaces everything. */
  full: boolean;
}

export interface CatalogState {
  version: number;
  /** When the catalog last matched the platform (a sync that applied changes or found none). */
  updatedAt: string | null;
  lastAttemptAt: string | null;
  lastResult: 'never' | 'ok' | 'failed';
  lastError: { code: string; message: string } | null;
  pending: PendingSync | null;
}

export interface IndexRow {
  id: string;
  name: string;
  aliases: string[];
  popularity: number;
  terminal: boolean;
  regionCode: string | null;
  region: string | null;
}

export interface BrowseFilter {
  audience?: 'person' | 'legal';
  lifeEvent?: LifeEvent;
  department?: string;
  terminalOnly?: boolean;
  /** Only matters this terminal handles with that flow. */
  flow?: TerminalFlow;
}

export interface MatterSummary {
  id: string;
  name: string;
  /** The name in other languages, where the publisher translated it (language code → name). */
  names: Record<string, string>;
  department: string | null;
  popularity: number;
  terminal: boolean;
}

type SummaryRow = { id: string; name: string; names: string; department: string | null; popularity: number; terminal: number };
const summary = (r: SummaryRow): MatterSummary => ({
  ...r,
  names: JSON.parse(r.names) as Record<string, string>,
  terminal: r.terminal === 1,
});

const STATE_KEY = 'catalog.state';
const initialState: CatalogState = {
  version: 0,
  updatedAt: null,
  lastAttemptAt: null,
  lastResult: 'never',
  lastError: null,
  pending: null,
};

/** The local catalog in SQLite: the applied matters, the pending changes of an unfinished sync, and sync state. */
export class CatalogStore {
  /** SQL for "this terminal can do it": the matter names a flow that runs on this terminal's devices. */
  private readonly doable: string;

  /**
   * `runnableFlows`: the flows this terminal can run (all of them when absent, e.g. for diagnostics). A matter is
   * offered "here" only when one of its terminal flows is among them, never merely because the platform lists it.
   */
  constructor(
    private readonly db: Db,
    private readonly kv: KeyValueStore,
    runnableFlows?: readonly string[],
  ) {
    const flows = runnableFlows?.filter((f) => /^[A-Za-z]+$/.test(f));
    this.doable = !flows
      ? 'terminal'
      : flows.length === 0
        ? '0'
        : `(terminal = 1 AND (${flows.map((f) => `flows LIKE '%|${f}|%'`).join(' OR ')}))`;
  }

  state(): CatalogState {
    return { ...initialState, ...this.kv.get<Partial<CatalogState>>(STATE_KEY, {}) };
  }

  saveState(patch: Partial<CatalogState>): CatalogState {
    const next = { ...this.state(), ...patch };
    this.kv.set(STATE_KEY, next);
    return next;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM catalog_matter').get() as { n: number }).n;
  }

  /** Stores one page of a sync in progress together with its new cursor: both or neither. */
  addPendingPage(changes: CatalogChange[], pending: PendingSync): void {
    const insert = this.db.prepare('INSERT INTO catalog_pending (op, id, json) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const c of changes) {
        if (c.op === 'upsert') insert.run('upsert', c.matter.id, JSON.stringify(c.matter));
        else insert.run('delete', c.id, null);
      }
      this.saveState({ pending });
    })();
  }

  discardPending(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM catalog_pending');
      this.saveState({ pending: null });
    })();
  }

  /** Applies every pending change and the new version in one transaction; the previous catalog stays if anything fails. */
  applyPending(version: number, full: boolean, at: string): number {
    const upsert = this.db.prepare(
      `INSERT INTO catalog_matter (id, name, aliases, department, audience, life_events, popularity, terminal, flows, json, names)
       VALUES (@id, @name, @aliases, @department, @audience, @lifeEvents, @popularity, @terminal, @flows, @json, @names)
       ON CONFLICT(id) DO UPDATE SET name=excluded.name, aliases=excluded.aliases, department=excluded.department,
         audience=excluded.audience, life_events=excluded.life_events, popularity=excluded.popularity,
         terminal=excluded.terminal, flows=excluded.flows, json=excluded.json, names=excluded.names`,
    );
    const remove = this.db.prepare('DELETE FROM catalog_matter WHERE id = ?');
    return this.db.transaction(() => {
      if (full) this.db.exec('DELETE FROM catalog_matter');
      let applied = 0;
      // in batches: better-sqlite3 cannot write while a read statement is still iterating
      const batch = this.db.prepare('SELECT seq, op, id, json FROM catalog_pending WHERE seq > ? ORDER BY seq LIMIT 2000');
      const rows = function* () {
        let last = 0;
        for (;;) {
          const page = batch.all(last) as { seq: number; op: string; id: string; json: string | null }[];
          if (page.length === 0) return;
          yield* page;
          last = page[page.length - 1]!.seq;
        }
      };
      for (const row of rows()) {
        if (row.op === 'delete') remove.run(row.id);
        else {
          const m = JSON.parse(row.json!) as Matter;
          upsert.run({
            id: m.id,
            name: m.name,
            aliases: JSON.stringify(m.aliases),
            department: m.department,
            audience: `|${m.audience.join('|')}|`,
            lifeEvents: `|${m.lifeEvents.join('|')}|`,
            popularity: m.popularity,
            terminal: m.channels.terminal ? 1 : 0,
            flows: `|${m.channels.terminal?.flows.join('|') ?? ''}|`,
            json: row.json,
            names: JSON.stringify(Object.fromEntries(Object.entries(m.translations ?? {}).map(([lang, tr]) => [lang, tr.name]))),
          });
        }
        applied++;
      }
      this.db.exec('DELETE FROM catalog_pending');
      this.saveState({ version, pending: null, updatedAt: at, lastAttemptAt: at, lastResult: 'ok', lastError: null });
      return applied;
    })();
  }

  get(id: string): Matter | null {
    const row = this.db.prepare('SELECT json FROM catalog_matter WHERE id = ?').get(id) as { json: string } | undefined;
    if (!row) return null;
    const parsed = MatterSchema.safeParse(JSON.parse(row.json));
    return parsed.success ? parsed.data : null;
  }

  indexRows(): IndexRow[] {
    return (
      this.db
        .prepare(
          `SELECT id, name, aliases, popularity, ${this.doable} AS terminal,
             json_extract(json, '$.regionCode') AS regionCode, json_extract(json, '$.region') AS region FROM catalog_matter`,
        )
        .all() as {
        id: string;
        name: string;
        aliases: string;
        popularity: number;
        terminal: number;
        regionCode: string | null;
        region: string | null;
      }[]
    ).map((r) => ({
      id: r.id,
      name: r.name,
      aliases: JSON.parse(r.aliases) as string[],
      popularity: r.popularity,
      terminal: r.terminal === 1,
      regionCode: r.regionCode,
      region: r.region,
    }));
  }

  summaries(ids: string[]): MatterSummary[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT id, name, names, department, popularity, ${this.doable} AS terminal FROM catalog_matter WHERE id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(...ids) as SummaryRow[];
    const byId = new Map(rows.map((r) => [r.id, summary(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** A page of matters for browsing: "can be done here" first (or purely by popularity), then by name. */
  browse(filter: BrowseFilter, sort: 'hereFirst' | 'popular', page: number, pageSize: number): { items: MatterSummary[]; total: number } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (filter.audience) {
      where.push('audience LIKE ?');
      args.push(`%|${filter.audience}|%`);
    }
    if (filter.lifeEvent) {
      where.push('life_events LIKE ?');
      args.push(`%|${filter.lifeEvent}|%`);
    }
    if (filter.department) {
      where.push('department = ?');
      args.push(filter.department);
    }
    if (filter.terminalOnly) where.push(`${this.doable} = 1`);
    if (filter.flow) {
      where.push('flows LIKE ?');
      args.push(`%|${filter.flow}|%`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM catalog_matter ${clause}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT id, name, names, department, popularity, ${this.doable} AS terminal FROM catalog_matter ${clause}
         ORDER BY ${sort === 'popular' ? '' : 'terminal DESC, '}popularity DESC, name, id LIMIT ? OFFSET ?`,
      )
      .all(...args, pageSize, page * pageSize) as SummaryRow[];
    return { items: rows.map(summary), total };
  }

  /**
   * Matters whose translated name holds `text` (any language; letter case ignored for Latin letters), most popular
   * first: what a resident typing English or Uyghur finds, as the Chinese index knows only Chinese and pinyin.
   */
  findByTranslatedName(text: string, limit: number): MatterSummary[] {
    const needle = text.trim().toLowerCase();
    if (needle.length < 3) return [];
    const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `SELECT id, name, names, department, popularity, ${this.doable} AS terminal FROM catalog_matter
         WHERE names != '{}' AND EXISTS (SELECT 1 FROM json_each(catalog_matter.names) WHERE lower(json_each.value) LIKE ? ESCAPE '\\')
         ORDER BY terminal DESC, popularity DESC, name, id LIMIT ?`,
      )
      .all(pattern, limit) as SummaryRow[];
    return rows.map(summary);
  }

  /** What browsing can offer: matters per life event, per department (largest first) and per audience. */
  facets(): {
    lifeEvents: { key: LifeEvent; count: number }[];
    departments: { name: string; count: number }[];
    audience: { person: number; legal: number };
  } {
    const count = (sql: string, arg: string) => (this.db.prepare(sql).get(arg) as { n: number }).n;
    return {
      lifeEvents: lifeEvents
        .map((key) => ({ key, count: count('SELECT count(*) AS n FROM catalog_matter WHERE life_events LIKE ?', `%|${key}|%`) }))
        .filter((e) => e.count > 0),
      departments: this.db
        .prepare(
          'SELECT department AS name, count(*) AS count FROM catalog_matter WHERE department IS NOT NULL GROUP BY department ORDER BY count DESC, name',
        )
        .all() as { name: string; count: number }[],
      audience: {
        person: count('SELECT count(*) AS n FROM catalog_matter WHERE audience LIKE ?', '%|person|%'),
        legal: count('SELECT count(*) AS n FROM catalog_matter WHERE audience LIKE ?', '%|legal|%'),
      },
    };
  }
}

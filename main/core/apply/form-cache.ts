import type { Logger } from '../log/logger.js';
import { MatterFormSchema } from '../platform/applications-schemas.js';
import { PlatformError } from '../platform/errors.js';
import type { Db } from '../store/db.js';
import type { MatterForm } from './apply-types.js';

/**
 * The platform cannot be reached right now (no connection, no answer in time, or a 5xx from it or its gateway): what
 * the terminal may bridge with what it already holds. A refusal, a bad reply or a TLS problem is not this.
 */
export function platformUnreachable(e: unknown): boolean {
  return e instanceof PlatformError && e.transient;
}

export interface CachedForm {
  form: MatterForm;
  /** When the platform last sent this form. */
  fetchedAt: string;
}

/**
 * The last form (一表申请) the platform sent for each apply matter, in kiosk.sqlite (`apply_form_cache`): forms hold no
 * personal data. Read back through the same schema as a live reply, so a row this version cannot trust (damaged,
 * written by another version, for another matter) is refused and dropped, never shown.
 */
export class FormCache {
  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  put(form: MatterForm): void {
    this.db
      .prepare(
        `INSERT INTO apply_form_cache (matter_id, version, form, fetched_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(matter_id) DO UPDATE SET version = excluded.version, form = excluded.form, fetched_at = excluded.fetched_at`,
      )
      .run(form.matterId, form.version, JSON.stringify(form), this.now().toISOString());
  }

  get(matterId: string): CachedForm | null {
    const row = this.db.prepare('SELECT form, fetched_at FROM apply_form_cache WHERE matter_id = ?').get(matterId) as
      { form: string; fetched_at: string } | undefined;
    if (!row) return null;
    const parsed = parseForm(row.form);
    if (!parsed.ok || parsed.form.matterId !== matterId) {
      this.log.warn({ matterId, reason: parsed.ok ? 'form of another matter' : parsed.reason }, 'cached apply form refused and dropped');
      this.db.prepare('DELETE FROM apply_form_cache WHERE matter_id = ?').run(matterId);
      return null;
    }
    return { form: parsed.form, fetchedAt: row.fetched_at };
  }

  /** A row is there (whether it can be trusted is for `get` to say). */
  has(matterId: string): boolean {
    return this.db.prepare('SELECT 1 FROM apply_form_cache WHERE matter_id = ?').get(matterId) !== undefined;
  }

  matterIds(): string[] {
    return (this.db.prepare('SELECT matter_id FROM apply_form_cache ORDER BY matter_id').all() as { matter_id: string }[]).map(
      (r) => r.matter_id,
    );
  }

  /** Drops the forms of matters this terminal no longer takes applications for. */
  keepOnly(matterIds: readonly string[]): number {
    const keep = new Set(matterIds);
    const drop = this.matterIds().filter((id) => !keep.has(id));
    const del = this.db.prepare('DELETE FROM apply_form_cache WHERE matter_id = ?');
    this.db.transaction(() => drop.forEach((id) => del.run(id)))();
    return drop.length;
  }
}

function parseForm(text: string): { ok: true; form: MatterForm } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const r = MatterFormSchema.safeParse(json);
  if (!r.success) return { ok: false, reason: r.error.issues[0]?.path.join('.') || 'schema' };
  return { ok: true, form: r.data };
}

/** How long the resident waits for the live form when the terminal holds a copy (the guide step allows 30 s). */
export const FORM_PATIENCE_MS = 12_000;

/**
 * The live form when the platform answers (and kept for later), else — only when the platform cannot be reached —
 * the one this terminal last received. With a copy at hand the platform gets `patienceMs` to answer: a link that
 * swallows packets (each attempt timing out, then retried) must not outlast the step. The form's version travels
 * with the submission, so a platform that has moved on refuses it (`formOutdated`) through the usual refused path.
 * No cached form: the platform's error, as before.
 */
export async function formLiveOrCached(
  fetchLive: (signal: AbortSignal) => Promise<MatterForm>,
  cache: FormCache | null,
  matterId: string,
  log: Logger,
  signal: AbortSignal,
  patienceMs = FORM_PATIENCE_MS,
): Promise<MatterForm> {
  const live = new AbortController();
  const onAbort = () => live.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let outwaited = false;
  const timer = cache?.has(matterId)
    ? setTimeout(() => {
        outwaited = true;
        live.abort();
      }, patienceMs)
    : undefined;
  let form: MatterForm;
  try {
    form = await fetchLive(live.signal);
  } catch (e) {
    if (!cache || signal.aborted || !(outwaited || platformUnreachable(e))) throw e;
    const err = outwaited ? new PlatformError('timeout', `form of ${matterId}: no reply within ${patienceMs} ms`) : e;
    const cached = cache.get(matterId);
    if (!cached) throw err;
    log.info(
      { matterId, version: cached.form.version, fetchedAt: cached.fetchedAt, reason: (err as PlatformError).code },
      'platform unreachable: showing the cached form',
    );
    return cached.form;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
  try {
    cache?.put(form);
  } catch (e) {
    // a full or failing disk costs the offline copy, not this resident's journey
    log.warn({ matterId, err: (e as Error).message }, 'could not cache the apply form');
  }
  return form;
}

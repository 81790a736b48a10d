import { createHash, randomUUID } from 'node:crypto';
import type { CommandSender } from './commands.js';
import type { FleetStore } from './store.js';

export interface RolloutSpec {
  version: string;
  package: { url: string; sha256: string; signature: string };
  group: string;
  /** Cumulative shares of the group, in percent, e.g. [1, 10, 50, 100]. */
  stages: number[];
  /** Share of the terminals updated so far that must be on the new version and online for the next stage to start. */
  gate: number;
  /** How long a stage may take before its stragglers count as failures. */
  stageTimeoutMs: number;
  /** How long a stage's terminals must stay healthy once all have answered. */
  soakMs: number;
}

export type RolloutState = 'running' | 'completed' | 'halted';

export interface RolloutView {
  id: string;
  version: string;
  group: string;
  stages: number[];
  gate: number;
  state: RolloutState;
  stageIndex: number;
  detail: string;
  createdBy: string;
  createdAt: string;
  members: number;
  succeeded: number;
  failed: number;
  pending: number;
  rolledBack: number;
}

interface RolloutRecord {
  id: string;
  version: string;
  group_name: string;
  stages_json: string;
  gate: number;
  package_json: string;
  state: RolloutState;
  stage_index: number;
  stage_started_at: string | null;
  detail: string;
  created_by: string;
  created_at: string;
}

interface MemberStatus {
  terminal_id: string;
  stage: number;
  from_version: string;
  online: number | null;
  version: string | null;
  result: string | null;
}

const order = (rolloutId: string, terminalId: string) => createHash('sha256').update(`${rolloutId}:${terminalId}`).digest('hex');

/**
 * Staged rollouts: each stage adds terminals of the group (a stable pseudo-random order) up to its share and sends
 * each an `update`; the gate between stages is the share of all terminals updated so far that are online on the new
 * version after the soak. A failing gate halts the rollout and sends `rollback` to every terminal it updated.
 */
export class RolloutEngine {
  private timer: ReturnType<typeof setInterval> | null = null;
  private ticking = false;
  private readonly soakStart = new Map<string, number>();

  constructor(
    private readonly store: FleetStore,
    private readonly commands: CommandSender,
    private readonly opts: { tickMs: number; now?: () => number },
  ) {}

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.opts.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async create(spec: RolloutSpec, createdBy: string): Promise<string> {
    const id = randomUUID();
    const at = new Date(this.now()).toISOString();
    await this.store.sql.run(
      `INSERT INTO rollouts (id, version, group_name, stages_json, gate, package_json, state, stage_index, stage_started_at, detail, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'running', 0, NULL, '', ?, ?, ?)`,
      [
        id,
        spec.version,
        spec.group,
        JSON.stringify(spec.stages),
        spec.gate,
        JSON.stringify({ ...spec.package, stageTimeoutMs: spec.stageTimeoutMs, soakMs: spec.soakMs }),
        createdBy,
        at,
        at,
      ],
    );
    await this.store.audit(createdBy, 'rollout.created', {
      id,
      version: spec.version,
      group: spec.group,
      stages: spec.stages,
      gate: spec.gate,
    });
    void this.tick();
    return id;
  }

  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const running = await this.store.sql.all<RolloutRecord>("SELECT * FROM rollouts WHERE state = 'running'");
      for (const r of running) await this.advance(r);
    } finally {
      this.ticking = false;
    }
  }

  private async members(r: RolloutRecord): Promise<MemberStatus[]> {
    return this.store.sql.all<MemberStatus>(
      `SELECT m.terminal_id, m.stage, m.from_version, t.online, t.version, res.status AS result
       FROM rollout_members m LEFT JOIN terminals t ON t.id = m.terminal_id
       LEFT JOIN command_results res ON res.command_id = m.command_id AND res.terminal_id = m.terminal_id
       WHERE m.rollout_id = ?`,
      [r.id],
    );
  }

  /** Terminals that reported an update outcome since the rollout began: rolled back by themselves, or committed (healthy within their deadline). */
  private async outcomesSince(r: RolloutRecord): Promise<{ rolledBack: Set<string>; committed: Set<string> }> {
    const rows = await this.store.sql.all<{ terminal_id: string; type: string }>(
      "SELECT DISTINCT terminal_id, type FROM terminal_events WHERE type IN ('update.rolledBack', 'update.committed') AND at >= ?",
      [r.created_at],
    );
    return {
      rolledBack: new Set(rows.filter((x) => x.type === 'update.rolledBack').map((x) => x.terminal_id)),
      committed: new Set(rows.filter((x) => x.type === 'update.committed').map((x) => x.terminal_id)),
    };
  }

  /** ok: online on the new version and the terminal itself confirmed it healthy (kiosk ready, devices back) within its deadline. */
  private classify(m: MemberStatus, version: string, o: { rolledBack: Set<string>; committed: Set<string> }): 'ok' | 'failed' | 'pending' {
    if (m.result === 'failed' || m.result === 'refused' || o.rolledBack.has(m.terminal_id)) return 'failed';
    if (m.version === version && (m.online === 1 || String(m.online) === '1') && o.committed.has(m.terminal_id)) return 'ok';
    return 'pending';
  }

  private async advance(r: RolloutRecord): Promise<void> {
    const stages = JSON.parse(r.stages_json) as number[];
    const pkg = JSON.parse(r.package_json) as RolloutSpec['package'] & { stageTimeoutMs: number; soakMs: number };
    if (r.stage_started_at === null) return this.startStage(r, stages, pkg);
    const members = await this.members(r);
    const outcomes = await this.outcomesSince(r);
    const states = members.map((m) => this.classify(m, r.version, outcomes));
    const ok = states.filter((s) => s === 'ok').length;
    const failed = states.filter((s) => s === 'failed').length;
    const pending = states.length - ok - failed;
    const timedOut = this.now() - Date.parse(r.stage_started_at) > pkg.stageTimeoutMs;
    // fail fast: once the failures alone make the gate unreachable there is nothing to wait for
    const unreachable = members.length > 0 && (members.length - failed) / members.length < r.gate;
    if (!unreachable && pending > 0 && !timedOut) return;
    if (!unreachable && pending === 0) {
      const since = this.soakStart.get(r.id) ?? this.now();
      this.soakStart.set(r.id, since);
      if (this.now() - since < pkg.soakMs) return;
    }
    this.soakStart.delete(r.id);
    const ratio = members.length ? ok / members.length : 1;
    if (ratio >= r.gate) {
      const last = r.stage_index >= stages.length - 1;
      await this.update(
        r.id,
        last ? 'completed' : 'running',
        last ? r.stage_index : r.stage_index + 1,
        null,
        `stage ${stages[r.stage_index]}%: ${ok}/${members.length} healthy`,
      );
      if (last) await this.store.audit('system', 'rollout.completed', { id: r.id, version: r.version });
      return;
    }
    const detail = `gate failed at stage ${stages[r.stage_index]}%: ${ok}/${members.length} healthy (${failed} failed, ${pending} no answer), gate ${Math.round(r.gate * 100)}%`;
    await this.update(r.id, 'halted', r.stage_index, r.stage_started_at, detail);
    await this.store.audit('system', 'rollout.halted', { id: r.id, version: r.version, detail });
    for (const [i, m] of members.entries())
      if (states[i] !== 'failed' || m.version === r.version)
        await this.commands.send({ terminal: m.terminal_id }, { type: 'rollback', version: m.from_version }, 'system:rollout', {
          rolloutId: r.id,
        });
  }

  private async startStage(r: RolloutRecord, stages: number[], pkg: RolloutSpec['package']): Promise<void> {
    const all = await this.store.terminals({ group: r.group_name });
    const already = new Set(
      (await this.store.sql.all<{ terminal_id: string }>('SELECT terminal_id FROM rollout_members WHERE rollout_id = ?', [r.id])).map(
        (x) => x.terminal_id,
      ),
    );
    const wanted = Math.ceil(((stages[r.stage_index] ?? 100) / 100) * all.length);
    const candidates = all
      .filter((t) => !already.has(t.id) && t.version !== r.version)
      .sort((a, b) => (order(r.id, a.id) < order(r.id, b.id) ? -1 : 1))
      .slice(0, Math.max(0, wanted - already.size));
    const at = new Date(this.now()).toISOString();
    await this.update(r.id, 'running', r.stage_index, at, `stage ${stages[r.stage_index]}%: ${candidates.length} terminals updating`);
    for (const t of candidates) {
      const c = await this.commands.send(
        { terminal: t.id },
        { type: 'update', version: r.version, url: pkg.url, sha256: pkg.sha256, signature: pkg.signature },
        'system:rollout',
        { rolloutId: r.id, ttlMs: 24 * 3600_000 },
      );
      await this.store.sql.run(
        'INSERT INTO rollout_members (rollout_id, terminal_id, stage, from_version, command_id) VALUES (?, ?, ?, ?, ?)',
        [r.id, t.id, r.stage_index, t.version, c.id],
      );
    }
  }

  private async update(id: string, state: RolloutState, stageIndex: number, stageStartedAt: string | null, detail: string): Promise<void> {
    await this.store.sql.run(
      'UPDATE rollouts SET state = ?, stage_index = ?, stage_started_at = ?, detail = ?, updated_at = ? WHERE id = ?',
      [state, stageIndex, stageStartedAt, detail, new Date(this.now()).toISOString(), id],
    );
  }

  async list(): Promise<RolloutView[]> {
    const rows = await this.store.sql.all<RolloutRecord>('SELECT * FROM rollouts ORDER BY created_at DESC LIMIT 50');
    const out: RolloutView[] = [];
    for (const r of rows) {
      const members = await this.members(r);
      const outcomes = await this.outcomesSince(r);
      const states = members.map((m) => this.classify(m, r.version, outcomes));
      const rbCmds = await this.store.sql.get<{ n: number | string }>(
        "SELECT COUNT(*) AS n FROM commands WHERE rollout_id = ? AND type = 'rollback'",
        [r.id],
      );
      out.push({
        id: r.id,
        version: r.version,
        group: r.group_name,
        stages: JSON.parse(r.stages_json) as number[],
        gate: Number(r.gate),
        state: r.state,
        stageIndex: Number(r.stage_index),
        detail: r.detail,
        createdBy: r.created_by,
        createdAt: r.created_at,
        members: members.length,
        succeeded: states.filter((s) => s === 'ok').length,
        failed: states.filter((s) => s === 'failed').length,
        pending: states.filter((s) => s === 'pending').length,
        rolledBack: Number(rbCmds?.n ?? 0),
      });
    }
    return out;
  }

  async get(id: string): Promise<RolloutView | null> {
    return (await this.list()).find((r) => r.id === id) ?? null;
  }
}

import { createHash, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandOutcome } from './host.js';
import { releaseSigningText, type CommandBody } from './protocol.js';
import { verifyBytes } from './signing.js';

/** Installs versions side by side and chooses which one the next start runs. */
export interface Installer {
  /** The version this process runs. */
  current(): string;
  /** The version that ran before the last activation (kept installed for rollback). */
  previous(): Promise<string | null>;
  install(version: string, packageFile: string): Promise<void>;
  activate(version: string): Promise<void>;
}

export interface PendingUpdate {
  from: string;
  to: string;
  /** ISO time by which the new version must be healthy. */
  deadline: string;
  /** Devices online before the update: the new version must bring each back. */
  devicesOnline: string[];
}

export type UpdateEvent = { type: 'update.committed' | 'update.rolledBack'; from: string; to: string; detail: string };

export interface UpdaterOptions {
  installer: Installer;
  /** Where downloads and the pending-update record live. */
  dir: string;
  releaseKey: KeyObject;
  healthDeadlineMs: number;
  restart: () => void;
  devicesOnline: () => string[];
  report: (e: UpdateEvent) => void;
  now?: () => number;
  fetch?: typeof fetch;
  maxBytes?: number;
}

/**
 * Update to a version: download, check the SHA-256 and the release signature, install next to the running
 * version, record a pending update, activate and restart. The next start confirms it (healthy within the
 * deadline) or activates the previous version again and restarts into it, by itself.
 */
export class Updater {
  private busy = false;
  private readonly now: () => number;
  constructor(private readonly opts: UpdaterOptions) {
    this.now = opts.now ?? Date.now;
  }

  private get pendingFile(): string {
    return path.join(this.opts.dir, 'pending-update.json');
  }

  async update(body: Extract<CommandBody, { type: 'update' }>): Promise<CommandOutcome> {
    const current = this.opts.installer.current();
    if (body.version === current) return { ok: true, detail: `already on ${current}` };
    if (this.busy) return { ok: false, code: 'updateInProgress', detail: 'another update is running' };
    this.busy = true;
    try {
      if (!verifyBytes(this.opts.releaseKey, Buffer.from(releaseSigningText(body.version, body.sha256)), body.signature))
        return { ok: false, code: 'badReleaseSignature', detail: 'release signature does not verify' };
      let bytes: Buffer;
      try {
        const res = await (this.opts.fetch ?? fetch)(body.url, { signal: AbortSignal.timeout(300_000) });
        if (!res.ok) return { ok: false, code: 'downloadFailed', detail: `HTTP ${res.status}` };
        bytes = Buffer.from(await res.arrayBuffer());
      } catch (err) {
        return { ok: false, code: 'downloadFailed', detail: (err as Error).message };
      }
      if (bytes.length > (this.opts.maxBytes ?? 1024 ** 3)) return { ok: false, code: 'downloadFailed', detail: 'package too large' };
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (digest !== body.sha256) return { ok: false, code: 'hashMismatch', detail: `sha256 ${digest}` };
      await mkdir(this.opts.dir, { recursive: true });
      const file = path.join(this.opts.dir, `package-${body.version.replace(/[^\w.-]/g, '_')}`);
      await writeFile(file, bytes);
      try {
        await this.opts.installer.install(body.version, file);
      } catch (err) {
        return { ok: false, code: 'installFailed', detail: (err as Error).message };
      } finally {
        await rm(file, { force: true });
      }
      const pending: PendingUpdate = {
        from: current,
        to: body.version,
        deadline: new Date(this.now() + this.opts.healthDeadlineMs).toISOString(),
        devicesOnline: this.opts.devicesOnline(),
      };
      await writeFile(this.pendingFile, JSON.stringify(pending));
      await this.opts.installer.activate(body.version);
      setTimeout(() => this.opts.restart(), 200);
      return { ok: true, detail: `installed ${body.version}, restarting` };
    } finally {
      this.busy = false;
    }
  }

  /** Back to `version` when it is the one that ran before (the console's rollback of a halted rollout). */
  async rollback(version: string): Promise<CommandOutcome> {
    if (version === this.opts.installer.current()) return { ok: true, detail: `already on ${version}` };
    const prev = await this.opts.installer.previous();
    if (prev !== version)
      return { ok: false, code: 'noPreviousVersion', detail: `${version} is not the previous version (${prev ?? 'none'})` };
    await rm(this.pendingFile, { force: true });
    await this.opts.installer.activate(prev);
    setTimeout(() => this.opts.restart(), 200);
    return { ok: true, detail: `activated ${prev}, restarting` };
  }

  async pending(): Promise<PendingUpdate | null> {
    try {
      return JSON.parse(await readFile(this.pendingFile, 'utf8')) as PendingUpdate;
    } catch {
      return null;
    }
  }

  /**
   * On start: when this process is a pending update, wait for it to be healthy (kiosk ready, the same devices
   * online as before) until the deadline; commit it, or roll back and restart into the previous version.
   */
  async confirmOnStart(opts: {
    ready: () => boolean;
    onlineDevices: () => string[];
    pollMs?: number;
    signal?: AbortSignal;
  }): Promise<'none' | 'committed' | 'rolledBack'> {
    const p = await this.pending();
    if (!p) return 'none';
    if (this.opts.installer.current() !== p.to) {
      // never switched (crash before activation) or already back on the old one
      await rm(this.pendingFile, { force: true });
      return 'none';
    }
    const deadline = Date.parse(p.deadline);
    const healthy = () => opts.ready() && p.devicesOnline.every((d) => opts.onlineDevices().includes(d));
    while (!healthy() && this.now() < deadline && !opts.signal?.aborted)
      await new Promise((r) => setTimeout(r, Math.max(1, Math.min(opts.pollMs ?? 500, deadline - this.now()))));
    await rm(this.pendingFile, { force: true });
    if (healthy()) {
      this.opts.report({ type: 'update.committed', from: p.from, to: p.to, detail: 'healthy' });
      return 'committed';
    }
    const missing = p.devicesOnline.filter((d) => !opts.onlineDevices().includes(d));
    await this.opts.installer.activate(p.from);
    this.opts.report({
      type: 'update.rolledBack',
      from: p.from,
      to: p.to,
      detail: opts.ready() ? `devices not back online: ${missing.join(', ')}` : 'kiosk not ready before the deadline',
    });
    setTimeout(() => this.opts.restart(), 200);
    return 'rolledBack';
  }
}

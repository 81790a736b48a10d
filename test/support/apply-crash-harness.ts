import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { PlatformFault, PlatformServer } from '../../emulators/platform/server.js';
import { applySide } from './apply-side.js';
import { bundleChild } from './bundle-child.js';

export interface ApplyCrashResult {
  trials: number;
  /** Killed before the application was saved (no receipt: the resident was never told anything). */
  killedBeforeSaved: number;
  /** Killed while its scans and signature were going up. */
  killedUploading: number;
  /** Killed with the submission call under way (sent, or its reply on the way back). */
  killedSubmitting: number;
  /** Saved (the outbox commit returned) but no case at the platform after the restart. */
  lost: number;
  /** More than one case at the platform for one application. */
  duplicated: number;
  /** Submission requests the platform answered with the case it already had (repeats after a kill or a lost reply). */
  repeatsAnswered: number;
  /** Left in the outbox, or with no case number recorded, after the last restart. */
  unsettled: number;
}

const faults: (PlatformFault | null)[] = [null, null, 'uploadCut', 'duplicateSubmission'];
const kills = [
  { after: 'READY', withinMs: 40 },
  { after: 'SAVED', withinMs: 150 },
  { after: 'SAVED', withinMs: 150 },
  { after: 'SUBMITTING', withinMs: 12 },
  { after: 'SUBMITTING', withinMs: 12 },
];

/**
 * The kill-9 harness of the submission service: each trial submits one application from a child process against
 * `server` (a random fault in half of them), SIGKILLs the child at a random moment of the submission, restarts it to
 * deliver what it left, and finally counts the platform's cases per application (its phone number marks it).
 */
export async function runApplyCrashTrials(server: PlatformServer, baseUrl: string, trials: number): Promise<ApplyCrashResult> {
  const child = await bundleChild('test/support/apply-crash-child.ts', 'apply-crash');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'apply-crash-'));
  const run = (args: string[], killAt: { after: string; ms: number } | null) =>
    new Promise<string[]>((resolve, reject) => {
      const p = spawn(process.execPath, [child, dataDir, baseUrl, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
      const lines: string[] = [];
      let timer: NodeJS.Timeout | undefined;
      readline.createInterface({ input: p.stdout! }).on('line', (l) => {
        lines.push(l);
        if (killAt && l === killAt.after) timer = setTimeout(() => p.kill('SIGKILL'), killAt.ms);
      });
      p.once('error', reject);
      p.once('exit', () => {
        clearTimeout(timer);
        resolve(lines);
      });
    });
  const result: ApplyCrashResult = {
    trials,
    killedBeforeSaved: 0,
    killedUploading: 0,
    killedSubmitting: 0,
    lost: 0,
    duplicated: 0,
    repeatsAnswered: 0,
    unsettled: 0,
  };
  const saved = new Map<string, boolean>();
  const repeatsBefore = server.applications.desk.duplicatesAnswered;
  const stamp = String(Date.now() % 1e5).padStart(5, '0');
  for (let t = 0; t < trials; t++) {
    const phone = `137${stamp}${String(t).padStart(3, '0')}`;
    server.faults.clear();
    const f = faults[Math.floor(Math.random() * faults.length)];
    if (f) server.faults.add(f);
    // a random moment, anchored to a random point: around the outbox write, during the uploads, around the submission
    const anchor = kills[Math.floor(Math.random() * kills.length)]!;
    const lines = await run(['submit', phone, String(4000 + Math.floor(Math.random() * 24_000))], {
      after: anchor.after,
      ms: Math.random() * anchor.withinMs,
    });
    saved.set(phone, lines.includes('SAVED'));
    if (!lines.some((l) => l.startsWith('DONE'))) {
      if (lines.includes('SUBMITTING')) result.killedSubmitting++;
      else if (lines.includes('SAVED')) result.killedUploading++;
      else result.killedBeforeSaved++;
    }
    server.faults.clear();
    const recovered = await run(['recover'], null);
    if (!recovered.includes('DONE 0'))
      throw new Error(`trial ${t}: the restarted service left the outbox non-empty (${recovered.join(' | ')})`);
  }
  const opened = [...server.applications.desk.opened.values()];
  for (const [phone, wasSaved] of saved) {
    const n = opened.filter((c) => c.values.phone === phone).length;
    if (n === 0 && wasSaved) result.lost++;
    if (n > 1) result.duplicated++;
  }
  result.repeatsAnswered = server.applications.desk.duplicatesAnswered - repeatsBefore;
  const side = applySide(dataDir, baseUrl);
  try {
    const refs = side.db.prepare("SELECT count(*) AS n FROM application_reference WHERE outcome != 'accepted'").get() as { n: number };
    result.unsettled = side.outbox.depth() + refs.n;
  } finally {
    side.close();
  }
  return result;
}

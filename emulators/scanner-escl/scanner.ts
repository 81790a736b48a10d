import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { PageKind, RenderRequest } from './pages.js';

export const scannerFaults = [
  {
    name: 'jam',
    help: 'paper jammed in the feeder: AdfState ScannerAdfJam, feeder jobs refused (409), a running one stops at its next page',
  },
  { name: 'feederEmpty', help: 'no paper in the feeder: AdfState ScannerAdfEmpty, feeder jobs refused (409)' },
  { name: 'coverOpen', help: 'feeder cover open: AdfState ScannerAdfDoorOpen, feeder jobs refused (409)' },
  { name: 'busy', help: 'busy with another job: POST ScanJobs answers 503 while on' },
  { name: 'offline', help: 'switched off / unplugged: every connection is dropped' },
  { name: 'slow', help: 'each page takes --slow-ms (default 3000 ms) before NextDocument answers' },
  { name: 'blankPage', help: 'every page scanned comes out blank (a sheet put in face down)' },
] as const;
export type ScannerFault = (typeof scannerFaults)[number]['name'];

export interface JobSettings {
  source: 'Platen' | 'Feeder';
  colorMode: 'RGB24' | 'Grayscale8';
  format: RenderRequest['format'];
  resolution: number;
  region: RenderRequest['region'];
}

export interface ScanJob {
  id: string;
  settings: JobSettings;
  pages: PageKind[];
  delivered: number;
  state: 'Pending' | 'Processing' | 'Completed' | 'Canceled' | 'Aborted';
  reason: string;
  created: number;
}

/**
 * The scanner's condition and its jobs. The feeder is refilled after every job (the emulated resident puts the
 * sheets back), so a demo can scan again; `feederEmpty` empties it. Events: `busyRefused` when a 503 is sent, `job` when
 * a job is made, `nextDocument` when a page is asked for, `page` when a page is handed out, so tests wait on the scanner instead of on time.
 */
export class EmulatedScanner extends EventEmitter {
  readonly faults = new Set<ScannerFault>();
  platen: PageKind = 'form';
  feeder: PageKind[] = ['form', 'idcard'];
  readonly jobs: ScanJob[] = [];
  busyRefusals = 0;

  constructor(readonly slowMs: number) {
    super();
  }

  setFault(name: ScannerFault, on: boolean): void {
    if (on) this.faults.add(name);
    else this.faults.delete(name);
    this.emit('fault', name, on);
  }

  state(): 'Idle' | 'Processing' | 'Stopped' {
    if (this.faults.has('jam')) return 'Stopped';
    return this.jobs.some((j) => j.state === 'Processing') ? 'Processing' : 'Idle';
  }

  adfState(): string {
    if (this.faults.has('jam')) return 'ScannerAdfJam';
    // the spec also names ScannerAdfHatchOpen; devices (and sane-airscan, which maps it to SANE_STATUS_COVER_OPEN) use DoorOpen
    if (this.faults.has('coverOpen')) return 'ScannerAdfDoorOpen';
    if (this.faults.has('feederEmpty') || this.feeder.length === 0) return 'ScannerAdfEmpty';
    if (this.jobs.some((j) => j.state === 'Processing' && j.settings.source === 'Feeder')) return 'ScannerAdfProcessing';
    return 'ScannerAdfLoaded';
  }

  /** Why a feeder job cannot run now (409), or null. */
  feederProblem(): string | null {
    if (this.faults.has('jam')) return 'paper jam in the feeder';
    if (this.faults.has('coverOpen')) return 'feeder cover open';
    if (this.faults.has('feederEmpty') || this.feeder.length === 0) return 'feeder empty';
    return null;
  }

  create(settings: JobSettings): ScanJob {
    const pages = settings.source === 'Platen' ? [this.platen] : [...this.feeder];
    const job: ScanJob = {
      id: randomUUID(),
      settings,
      pages,
      delivered: 0,
      state: 'Processing',
      reason: 'JobScanning',
      created: Date.now(),
    };
    this.jobs.push(job);
    if (this.jobs.length > 20) this.jobs.shift();
    this.emit('job', job);
    return job;
  }

  find(id: string): ScanJob | undefined {
    return this.jobs.find((j) => j.id === id);
  }

  /** The next page of a job, or why there is none: `done` (404), `fault` (409, the job aborts). */
  next(job: ScanJob): { page: PageKind } | { done: true } | { fault: string } {
    if (job.state !== 'Processing') return { done: true };
    if (job.settings.source === 'Feeder') {
      const problem = this.feederProblem();
      if (problem && problem !== 'feeder empty') {
        job.state = 'Aborted';
        job.reason = 'JobCanceledBySystem';
        return { fault: problem };
      }
    }
    const kind = job.pages[job.delivered];
    if (kind === undefined) {
      this.finish(job, 'Completed', 'JobCompletedSuccessfully');
      return { done: true };
    }
    job.delivered++;
    // a platen job is one page: it completes as the page is handed out
    if (job.delivered === job.pages.length) this.finish(job, 'Completed', 'JobCompletedSuccessfully');
    this.emit('page', job, job.delivered);
    return { page: this.faults.has('blankPage') ? 'blank' : kind };
  }

  cancel(job: ScanJob): boolean {
    if (job.state !== 'Processing') return false;
    this.finish(job, 'Canceled', 'JobCanceledByUser');
    this.emit('canceled', job);
    return true;
  }

  private finish(job: ScanJob, state: ScanJob['state'], reason: string): void {
    job.state = state;
    job.reason = reason;
  }
}

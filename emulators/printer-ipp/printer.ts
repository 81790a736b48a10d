import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** RFC 8011 §5.4.12 printer-state and §5.3.7 job-state values. */
export const PrinterState = { idle: 3, processing: 4, stopped: 5 } as const;
export const JobState = { pending: 3, pendingHeld: 4, processing: 5, processingStopped: 6, canceled: 7, aborted: 8, completed: 9 } as const;

export const ippFaults = [
  { name: 'outOfPaper', help: 'paper tray empty (media-empty): the printer stops; jobs wait' },
  { name: 'jamMidJob', help: 'the next page after the first jams (media-jam): printer stopped, job processing-stopped' },
  { name: 'tonerLow', help: 'toner low warning (toner-low, supply level 5%)' },
  { name: 'coverOpen', help: 'cover open: the printer stops' },
  { name: 'busy', help: 'refuse new jobs with server-error-busy' },
  { name: 'offline', help: 'drop every connection' },
  { name: 'slow', help: 'each page takes 3 s' },
] as const;
export type IppFault = (typeof ippFaults)[number]['name'];

export interface Job {
  id: number;
  name: string;
  user: string;
  format: string;
  copies: number;
  state: number;
  reasons: string[];
  message: string;
  pages: number;
  pagesDone: number;
  bytes: number;
  file: string;
  createdAt: number;
  processingAt: number | null;
  completedAt: number | null;
}

/** The printer's state machine: a queue printed one page at a time, faults that stop it, a spool folder. */
export class EmulatedPrinter {
  readonly faults = new Set<IppFault>();
  readonly jobs: Job[] = [];
  readonly bootAt = Date.now();
  mediaLevel = 100;
  tonerLevel = 80;
  private nextId = 1;
  private timer: NodeJS.Timeout | null = null;
  private jammed = false;

  constructor(
    readonly spoolDir: string,
    private readonly pageMs: number,
  ) {
    mkdirSync(spoolDir, { recursive: true });
  }

  upTime(): number {
    return Math.max(1, Math.floor((Date.now() - this.bootAt) / 1000));
  }

  state(): number {
    if (this.stopReasons().length) return PrinterState.stopped;
    return this.jobs.some((j) => j.state === JobState.processing) ? PrinterState.processing : PrinterState.idle;
  }

  stopReasons(): string[] {
    const r: string[] = [];
    if (this.faults.has('outOfPaper') || this.mediaLevel === 0) r.push('media-empty-error');
    if (this.jammed) r.push('media-jam-error');
    if (this.faults.has('coverOpen')) r.push('cover-open-error');
    return r;
  }

  reasons(): string[] {
    const r = this.stopReasons();
    if (this.faults.has('tonerLow') || this.tonerLevel <= 10) r.push('toner-low-warning');
    if (this.mediaLevel > 0 && this.mediaLevel <= 10) r.push('media-low-warning');
    return r.length ? r : ['none'];
  }

  stateMessage(): string {
    const s = this.state();
    if (s === PrinterState.stopped) return `Stopped: ${this.stopReasons().join(', ')}`;
    return s === PrinterState.processing ? 'Printing.' : 'Idle.';
  }

  submit(opts: { name: string; user: string; format: string; copies: number; document: Buffer }): Job {
    const id = this.nextId++;
    const file = path.join(this.spoolDir, `job-${id}.${opts.format === 'application/pdf' ? 'pdf' : 'bin'}`);
    writeFileSync(file, opts.document);
    const job: Job = {
      id,
      name: opts.name,
      user: opts.user,
      format: opts.format,
      copies: opts.copies,
      state: JobState.pending,
      reasons: ['none'],
      message: 'Job pending.',
      pages: Math.max(1, countPdfPages(opts.document)) * opts.copies,
      pagesDone: 0,
      bytes: opts.document.length,
      file,
      createdAt: Date.now(),
      processingAt: null,
      completedAt: null,
    };
    this.jobs.push(job);
    this.pump();
    return job;
  }

  cancel(job: Job): boolean {
    if (job.state >= JobState.canceled) return false;
    this.finish(job, JobState.canceled, 'job-canceled-by-user', 'Job canceled.');
    if (this.jammed && !this.jobs.some((j) => j.state === JobState.processingStopped)) this.jammed = false;
    this.pump();
    return true;
  }

  /** A technician clears a jam / closes the cover / loads paper: stopped jobs continue. */
  resume(): void {
    this.jammed = false;
    for (const j of this.jobs) if (j.state === JobState.processingStopped) j.state = JobState.processing;
    this.pump();
  }

  setFault(name: IppFault, on: boolean): void {
    if (on) this.faults.add(name);
    else this.faults.delete(name);
    if (name === 'tonerLow') this.tonerLevel = on ? 5 : 80;
    if (name === 'outOfPaper' && !on && this.mediaLevel === 0) this.mediaLevel = 100;
    if (!on) this.resume();
  }

  private pump(): void {
    if (this.timer) return;
    const job = this.jobs.find((j) => j.state === JobState.processing) ?? this.jobs.find((j) => j.state === JobState.pending);
    if (!job) return;
    if (this.stopReasons().length) {
      if (job.state === JobState.processing) {
        job.state = JobState.processingStopped;
        job.reasons = ['printer-stopped'];
        job.message = this.stateMessage();
      }
      return;
    }
    if (job.state === JobState.pending) {
      job.state = JobState.processing;
      job.reasons = ['job-printing'];
      job.message = 'Printing.';
      job.processingAt = Date.now();
    }
    this.timer = setTimeout(
      () => {
        this.timer = null;
        if (job.state !== JobState.processing) return this.pump();
        if (this.faults.has('jamMidJob') && job.pagesDone >= 1) {
          this.jammed = true;
          this.faults.delete('jamMidJob');
          return this.pump();
        }
        job.pagesDone++;
        if (this.mediaLevel > 0) this.mediaLevel = Math.max(0, this.mediaLevel - 1);
        if (job.pagesDone >= job.pages) this.finish(job, JobState.completed, 'job-completed-successfully', 'Job completed.');
        this.pump();
      },
      this.faults.has('slow') ? 3000 : this.pageMs,
    );
  }

  private finish(job: Job, state: number, reason: string, message: string): void {
    job.state = state;
    job.reasons = [reason];
    job.message = message;
    job.completedAt = Date.now();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/** Pages in a PDF, counted the way a printer's interpreter would first see them: page objects. */
function countPdfPages(doc: Buffer): number {
  const text = doc.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  if (pages > 0) return pages;
  // page objects hidden in compressed object streams: the page tree's /Count still tells
  return Math.max(0, ...[...text.matchAll(/\/Count\s+(\d+)/g)].map((m) => Number(m[1])));
}

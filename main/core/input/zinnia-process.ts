import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { InputError } from './errors.js';

export const defaultZinniaModel = '/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model';
const INSTALL_HINT = 'apt-get install -y --no-install-recommends zinnia-utils tegaki-zinnia-simplified-chinese';

export interface ZinniaOptions {
  binary?: string;
  model?: string;
  /** Candidates zinnia prints per character. */
  nBest?: number;
  timeoutMs?: number;
}

interface Pending {
  resolve: (r: { char: string; score: number }[]) => void;
  reject: (e: Error) => void;
  lines: string[];
  timer: NodeJS.Timeout;
}

/**
 * One long-lived `zinnia` process (Debian zinnia-utils) answering one character per S-expression line:
 * "Answer:" and then `nBest` lines of "char score". zinnia flushes each answer, so a pipe works without
 * stdbuf. Requests are answered in order; a crash or a stuck answer restarts the process on the next request.
 */
export class ZinniaProcess {
  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly queue: Pending[] = [];
  private buffer = '';
  private readonly binary: string;
  private readonly model: string;
  readonly nBest: number;
  private readonly timeoutMs: number;

  constructor(options: ZinniaOptions = {}) {
    this.binary = options.binary ?? 'zinnia';
    this.model = options.model ?? defaultZinniaModel;
    this.nBest = options.nBest ?? 20;
    this.timeoutMs = options.timeoutMs ?? 3000;
  }

  recognize(sExpression: string): Promise<{ char: string; score: number }[]> {
    const child = this.ensureStarted();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(new InputError('recognizerTimeout', 'catalog.keyboard.handwritingUnavailable', 'zinnia did not answer')),
        this.timeoutMs,
      );
      this.queue.push({ resolve, reject, lines: [], timer });
      child.stdin.write(sExpression.replace(/\n/g, ' ') + '\n');
    });
  }

  stop(): void {
    const child = this.child;
    this.child = null;
    child?.stdin.end();
    child?.kill();
    this.rejectAll(new InputError('recognizerFailed', 'catalog.keyboard.handwritingUnavailable', 'zinnia stopped'));
  }

  private ensureStarted(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    if (!existsSync(this.model)) {
      throw new InputError(
        'recognizerMissing',
        'catalog.keyboard.handwritingUnavailable',
        `no handwriting model at ${this.model}; run: ${INSTALL_HINT}`,
      );
    }
    const child = spawn(this.binary, ['-m', this.model, '-n', String(this.nBest)], { stdio: 'pipe' });
    this.child = child;
    this.buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.onData(chunk));
    child.stdin.on('error', () => undefined); // the 'exit'/'error' handlers report it
    child.on('error', (e) => {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      if (this.child === child) this.child = null;
      this.rejectAll(
        new InputError(
          missing ? 'recognizerMissing' : 'recognizerFailed',
          'catalog.keyboard.handwritingUnavailable',
          missing ? `zinnia not found; run: ${INSTALL_HINT}` : e.message,
        ),
      );
    });
    child.on('exit', (code) => {
      if (this.child === child) this.child = null;
      this.rejectAll(new InputError('recognizerFailed', 'catalog.keyboard.handwritingUnavailable', `zinnia exited (${code})`));
    });
    return child;
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      const head = this.queue[0];
      if (!head || line.startsWith('Answer:')) continue;
      head.lines.push(line);
      if (head.lines.length === this.nBest) {
        this.queue.shift();
        clearTimeout(head.timer);
        head.resolve(
          head.lines.flatMap((l) => {
            const [char, score] = l.split(' ');
            return char ? [{ char, score: Number(score) }] : [];
          }),
        );
      }
    }
  }

  private fail(error: Error): void {
    const child = this.child;
    this.child = null;
    child?.kill();
    this.rejectAll(error);
  }

  private rejectAll(error: Error): void {
    for (const p of this.queue.splice(0)) {
      clearTimeout(p.timer);
      p.reject(error);
    }
  }
}

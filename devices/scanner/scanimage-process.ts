import { spawn } from 'node:child_process';

export interface ScanimageRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Why the run was stopped before it ended by itself. */
  stopped: 'canceled' | 'timeout' | null;
  /** The program could not be started (not installed). */
  spawnError: string | null;
}

/**
 * Runs `scanimage` once with a deadline and the caller's cancellation (SIGTERM, then SIGKILL: a backend mid-page may
 * ignore the first). `onStdoutLine` sees stdout as it comes (`--batch-print` names each page when it is written).
 */
export function runScanimage(
  program: string,
  args: string[],
  o: { env?: Record<string, string>; signal?: AbortSignal; timeoutMs: number; onStdoutLine?: (line: string) => void },
): Promise<ScanimageRun> {
  return new Promise((resolve) => {
    let stopped: ScanimageRun['stopped'] = null;
    let stdout = '';
    let stderr = '';
    let pending = '';
    const child = spawn(program, args, { env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = (why: 'canceled' | 'timeout') => {
      if (stopped || child.exitCode !== null) return;
      stopped = why;
      child.kill('SIGTERM');
      setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 2000).unref();
    };
    const timer = setTimeout(() => stop('timeout'), o.timeoutMs);
    const onAbort = () => stop('canceled');
    o.signal?.addEventListener('abort', onAbort, { once: true });
    if (o.signal?.aborted) onAbort();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const l of lines) o.onStdoutLine?.(l);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const finish = (exitCode: number, spawnError: string | null) => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      resolve({ exitCode, stdout, stderr, stopped, spawnError });
    };
    child.on('error', (e) => finish(-1, e.message));
    child.on('close', (code) => finish(code ?? -1, null));
  });
}

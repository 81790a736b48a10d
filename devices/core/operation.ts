import { deviceError, type DeviceError } from './errors.js';
import { err, type Result } from './result.js';

/** Options every device operation takes (docs/conventions.md §6). */
export interface OperationOptions<E = never> {
  signal?: AbortSignal;
  timeoutMs?: number;
  onEvent?: (event: E) => void;
}

/** Injected time so drivers can be tested with fake timers. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Runs `work` with a deadline and the caller's cancellation. `work` receives a signal that fires on either,
 * so transports can stop reading. Resolves to `timeout` or `canceled` errors instead of rejecting.
 */
export async function runOperation<T>(
  name: string,
  work: (signal: AbortSignal) => Promise<Result<T, DeviceError>>,
  { signal, timeoutMs }: { signal?: AbortSignal; timeoutMs: number },
  clock: Clock = systemClock,
): Promise<Result<T, DeviceError>> {
  if (signal?.aborted) return err(deviceError('canceled', `${name}: canceled before start`));
  const inner = new AbortController();
  let timer: unknown;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<Result<T, DeviceError>>((resolve) => {
    timer = clock.setTimeout(() => {
      inner.abort();
      resolve(err(deviceError('timeout', `${name}: no answer within ${timeoutMs} ms`)));
    }, timeoutMs);
    onAbort = () => {
      inner.abort();
      resolve(err(deviceError('canceled', `${name}: canceled`)));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(inner.signal), stop]);
  } finally {
    clock.clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

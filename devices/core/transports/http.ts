import { deviceError, type DeviceError } from '../errors.js';
import { err, ok, type Result } from '../result.js';

/** The body type of the fetch in scope (Node's and the DOM's typings name it differently). */
type FetchBody = NonNullable<Parameters<typeof fetch>[1]>['body'];

export interface HttpReply {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/**
 * One HTTP exchange with a device (eSCL scanner, IPP printer) with timeout and cancellation.
 * Network failures are `disconnected`; the caller's abort is `canceled`; the deadline is `timeout`.
 */
export async function httpExchange(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Uint8Array; signal?: AbortSignal; timeoutMs: number },
): Promise<Result<HttpReply, DeviceError>> {
  if (init.signal?.aborted) return err(deviceError('canceled', `${url}: canceled`));
  const timeout = AbortSignal.timeout(init.timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  try {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: init.headers,
      body: init.body ? (new Uint8Array(init.body) as unknown as FetchBody) : undefined,
      signal,
    });
    const body = new Uint8Array(await res.arrayBuffer());
    return ok({ status: res.status, headers: res.headers, body });
  } catch (e) {
    if (init.signal?.aborted) return err(deviceError('canceled', `${url}: canceled`));
    if (timeout.aborted) return err(deviceError('timeout', `${url}: no answer within ${init.timeoutMs} ms`));
    return err(deviceError('disconnected', `${url}: ${(e as Error).message}`));
  }
}

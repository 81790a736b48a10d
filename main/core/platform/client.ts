import type { z } from 'zod';
import type { CryptoSuite } from '../crypto/suite.js';
import { readCappedText, ReplyTooLarge } from './capped-body.js';
import { PlatformError } from './errors.js';
import { checkPlatformUrl } from './platform-url.js';
import { replyCapFor } from './reply-caps.js';
import { PlatformErrorBodySchema } from './schemas.js';
import { signRequest } from './signing.js';
import { createTlsFetch, PIN_MISMATCH, type PlatformTlsOptions } from './tls-fetch.js';

export interface PlatformClientOptions {
  baseUrl: string;
  terminalId: string;
  secret: string;
  timeoutMs?: number;
  /** Attempts for idempotent calls (GET), with exponential back-off between them. */
  attempts?: number;
  backoffMs?: number;
  /** CA, client certificate (mutual TLS) and key pins for the platform; needs an https `baseUrl`. */
  tls?: PlatformTlsOptions;
  /** Signature suite: `sm` signs with HMAC-SM3 and names it in X-Signature-Algorithm (default HMAC-SHA256). */
  suite?: CryptoSuite;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CallOptions<S extends z.ZodType> {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  schema: S;
  signal?: AbortSignal;
  /** Largest reply accepted, in bytes (default: by path, see reply-caps.ts). */
  maxBytes?: number;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new PlatformError('canceled', 'canceled'));
    });
  });

/**
 * Typed, signed HTTP client for the platform API (main/core/platform/openapi.yaml). Every reply is validated
 * against its schema; anything else becomes a PlatformError with the offending field named.
 */
export class PlatformClient {
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly contactListeners = new Set<() => void>();

  constructor(private readonly options: PlatformClientOptions) {
    const verdict = checkPlatformUrl(options.baseUrl);
    if (!verdict.ok) throw new PlatformError('insecureUrl', `platform address ${options.baseUrl} refused: ${verdict.reason}`);
    if (options.tls && new URL(options.baseUrl).protocol !== 'https:')
      throw new PlatformError('insecureUrl', `platform TLS settings need an https address, not ${options.baseUrl}`);
    this.fetchImpl = options.fetchImpl ?? (options.tls ? createTlsFetch(options.tls) : fetch);
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Called after every call the platform answered successfully (the outbox uses it to stop waiting). */
  onContact(listener: () => void): () => void {
    this.contactListeners.add(listener);
    return () => this.contactListeners.delete(listener);
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  async get<S extends z.ZodType>(path: string, opts: CallOptions<S>): Promise<z.output<S>> {
    const attempts = this.options.attempts ?? 3;
    let last: PlatformError | undefined;
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await this.sleep((this.options.backoffMs ?? 500) * 2 ** (i - 1) * (0.75 + Math.random() * 0.5), opts.signal);
      try {
        return await this.once('GET', path, opts);
      } catch (e) {
        if (!(e instanceof PlatformError) || !e.transient) throw e;
        last = e;
      }
    }
    throw last!;
  }

  /** Not retried here: non-idempotent calls go through the outbox, which retries with an idempotency key. */
  post<S extends z.ZodType>(path: string, opts: CallOptions<S>): Promise<z.output<S>> {
    return this.once('POST', path, opts);
  }

  /** PUTs raw bytes (an upload chunk; signed over the bytes). Not retried here: the caller resumes. */
  putBytes<S extends z.ZodType>(path: string, bytes: Uint8Array, opts: Omit<CallOptions<S>, 'body'>): Promise<z.output<S>> {
    return this.once('PUT', path, { ...opts, body: undefined }, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  private async once<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    opts: CallOptions<S>,
    bytes?: Buffer,
  ): Promise<z.output<S>> {
    const url = new URL(path.replace(/^\//, ''), this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const body: string | Buffer = bytes ?? (opts.body === undefined ? '' : JSON.stringify(opts.body));
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...signRequest({
        terminalId: this.options.terminalId,
        secret: this.options.secret,
        method,
        pathWithQuery: url.pathname + url.search,
        body,
        suite: this.options.suite,
      }),
    };
    if (body.length > 0) headers['content-type'] = bytes ? 'application/octet-stream' : 'application/json';
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 10_000);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const where = `${method} ${url.pathname}`;
    let text: string;
    let status = 0;
    try {
      // never follow: a redirect would re-send the resident's data and this terminal's signature to another address
      const res = await this.fetchImpl(url, {
        method,
        headers,
        body: body.length === 0 ? undefined : typeof body === 'string' ? body : new Uint8Array(body),
        signal,
        redirect: 'manual',
      });
      status = res.status;
      if (status >= 300 && status < 400) {
        await res.body?.cancel().catch(() => undefined);
        throw new PlatformError('redirect', `${where}: HTTP ${status} redirect refused (${redirectTarget(res, url)})`, {
          status,
          path: url.pathname,
        });
      }
      text = await readCappedText(res, opts.maxBytes ?? replyCapFor(url.pathname));
    } catch (e) {
      if (e instanceof PlatformError) throw e;
      if (e instanceof ReplyTooLarge) throw new PlatformError('tooLarge', `${where}: reply ${e.message}`, { status, path: url.pathname });
      if (opts.signal?.aborted) throw new PlatformError('canceled', `${where}: canceled`, { path: url.pathname });
      if (timeout.aborted)
        throw new PlatformError('timeout', `${where}: no reply within ${this.options.timeoutMs ?? 10_000} ms`, { path: url.pathname });
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      if (isCertificateError(cause?.code))
        throw new PlatformError('untrusted', `${where}: platform certificate refused: ${cause?.message ?? cause?.code}`, {
          path: url.pathname,
        });
      throw new PlatformError('unreachable', `${where}: ${(e as Error).cause ? String((e as Error).cause) : (e as Error).message}`, {
        path: url.pathname,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PlatformError('badReply', `${where}: reply is not JSON (HTTP ${status})`, { status, path: url.pathname });
    }
    if (status < 200 || status >= 300) {
      const err = PlatformErrorBodySchema.safeParse(json);
      const message = `${where}: HTTP ${status}${err.success ? ` ${err.data.error.code}: ${err.data.error.message}` : ''}`;
      const refusal = err.success ? { ...err.data.error, field: err.data.error.field ?? null } : undefined;
      if (status === 401 || status === 403) throw new PlatformError('unauthorized', message, { status, path: url.pathname, refusal });
      if (status === 410) throw new PlatformError('gone', message, { status, path: url.pathname, refusal });
      throw new PlatformError('server', message, { status, path: url.pathname, refusal });
    }
    const parsed = opts.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.') || '(root)';
      throw new PlatformError('badReply', `${where}: reply field "${field}": ${issue.message}`, { status, field, path: url.pathname });
    }
    for (const l of this.contactListeners) l();
    return parsed.data;
  }
}

/** Where a refused redirect pointed (origin only: the rest may carry anything). */
function redirectTarget(res: Response, from: URL): string {
  const location = res.headers.get('location');
  if (!location) return 'no Location';
  try {
    return `to ${new URL(location, from).origin}`;
  } catch {
    return 'to an invalid Location';
  }
}

function isCertificateError(code: string | undefined): boolean {
  return code !== undefined && (code === PIN_MISMATCH || /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code));
}

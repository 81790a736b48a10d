import { describe, expect, it } from 'vitest';
import { SignatureVerifier } from '../../../emulators/platform/auth.js';
import { PlatformClient } from '../../../main/core/platform/client.js';
import { rejectionOf } from '../../support/rejection.js';
import { PlatformError } from '../../../main/core/platform/errors.js';
import { CatalogPageSchema, HealthSchema } from '../../../main/core/platform/schemas.js';
import { checkPlatformUrl } from '../../../main/core/platform/platform-url.js';
import { defaultReplyCap, replyCapFor } from '../../../main/core/platform/reply-caps.js';
import { signRequest } from '../../../main/core/platform/signing.js';

type Reply = { status: number; body: string } | Error;

/** A fetch that answers from a script and records what it was asked. */
function scripted(replies: Reply[]) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetchImpl = (async (url: URL, init: RequestInit) => {
    calls.push({ url: String(url), headers: init.headers as Record<string, string> });
    const next = replies.shift();
    if (!next) throw new Error('no more replies');
    if (next instanceof Error) throw next;
    return new Response(next.body, { status: next.status });
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

const health = { status: 'ok', time: '2026-11-22T00:00:00Z', catalogVersion: 3 };
const client = (replies: Reply[], extra: Partial<ConstructorParameters<typeof PlatformClient>[0]> = {}) => {
  const s = scripted(replies);
  const sleeps: number[] = [];
  const c = new PlatformClient({
    baseUrl: 'https://platform.test/',
    terminalId: 'KIOSK-1',
    secret: 'terminal-secret',
    fetchImpl: s.fetchImpl,
    sleep: async (ms) => void sleeps.push(ms),
    ...extra,
  });
  return { c, calls: s.calls, sleeps };
};

describe('platform client', () => {
  it('validates a good reply and signs the request the way the platform checks it', async () => {
    const { c, calls } = client([{ status: 200, body: JSON.stringify(health) }]);
    await expect(c.get('/api/v1/health', { schema: HealthSchema, query: { a: 1 } })).resolves.toEqual(health);
    const { url, headers } = calls[0]!;
    const verifier = new SignatureVerifier((id) => (id === 'KIOSK-1' ? 'terminal-secret' : undefined));
    const u = new URL(url);
    expect(verifier.verify({ method: 'GET', url: u.pathname + u.search, headers: lower(headers), body: Buffer.alloc(0) })).toBeNull();
    // a replayed nonce and a wrong secret are refused
    expect(verifier.verify({ method: 'GET', url: u.pathname + u.search, headers: lower(headers), body: Buffer.alloc(0) })).toMatch(/nonce/);
    const other = new SignatureVerifier(() => 'another-secret');
    expect(other.verify({ method: 'GET', url: u.pathname + u.search, headers: lower(headers), body: Buffer.alloc(0) })).toMatch(
      /signature/,
    );
  });

  it('names the offending field of a malformed reply', async () => {
    const page = { since: 0, version: 2, total: 1, nextCursor: null, changes: [{ op: 'upsert', matter: { id: 'x', name: 42 } }] };
    const { c } = client([{ status: 200, body: JSON.stringify(page) }]);
    const e = await rejectionOf(c.get('/api/v1/catalog/changes', { schema: CatalogPageSchema }), PlatformError);
    expect(e.code).toBe('badReply');
    expect(e.detail.field).toBe('changes.0.matter.name');
    expect(e.message).toContain('changes.0.matter.name');
  });

  it('a reply that is not JSON is a bad reply, not a crash', async () => {
    const { c } = client([{ status: 200, body: '<html>gateway</html>' }]);
    expect((await rejectionOf(c.get('/x', { schema: HealthSchema }), PlatformError)).code).toBe('badReply');
  });

  it('retries idempotent calls after network errors and 5xx with growing back-off, then succeeds', async () => {
    const { c, calls, sleeps } = client([
      new TypeError('fetch failed'),
      { status: 503, body: '{"error":{"code":"internal","message":"busy"}}' },
      { status: 200, body: JSON.stringify(health) },
    ]);
    await expect(c.get('/api/v1/health', { schema: HealthSchema })).resolves.toEqual(health);
    expect(calls).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
    // each attempt is signed afresh (a new nonce)
    expect(new Set(calls.map((x) => x.headers['X-Nonce'])).size).toBe(3);
  });

  it('gives up after the last attempt with the transient error', async () => {
    const { c, calls } = client([new TypeError('fetch failed'), new TypeError('fetch failed'), new TypeError('fetch failed')]);
    expect((await rejectionOf(c.get('/api/v1/health', { schema: HealthSchema }), PlatformError)).code).toBe('unreachable');
    expect(calls).toHaveLength(3);
  });

  it('does not retry what retrying cannot fix: 401 and schema errors', async () => {
    const { c, calls } = client([{ status: 401, body: '{"error":{"code":"unauthorized","message":"signature does not match"}}' }]);
    const e = await rejectionOf(c.get('/api/v1/catalog/changes', { schema: CatalogPageSchema }), PlatformError);
    expect(e.code).toBe('unauthorized');
    expect(e.message).toContain('signature does not match');
    expect(calls).toHaveLength(1);
  });

  it('a reply slower than the timeout is a timeout', async () => {
    const slow = (async (_u: URL, init: RequestInit) =>
      new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof fetch;
    const c = new PlatformClient({
      baseUrl: 'https://p/',
      terminalId: 'K',
      secret: 'secret-123',
      fetchImpl: slow,
      timeoutMs: 50,
      attempts: 1,
    });
    expect((await rejectionOf(c.get('/x', { schema: HealthSchema }), PlatformError)).code).toBe('timeout');
  });

  it('a canceled call says canceled, without retrying', async () => {
    const ac = new AbortController();
    const hang = (async (_u: URL, init: RequestInit) =>
      new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof fetch;
    const c = new PlatformClient({ baseUrl: 'https://p/', terminalId: 'K', secret: 'secret-123', fetchImpl: hang });
    const p = c.get('/x', { schema: HealthSchema, signal: ac.signal });
    ac.abort();
    expect((await rejectionOf(p, PlatformError)).code).toBe('canceled');
  });

  it('refuses a platform address that is not https, unless it is this machine (the emulator)', () => {
    const make = (baseUrl: string) => () => new PlatformClient({ baseUrl, terminalId: 'K', secret: 'secret-123' });
    for (const bad of [
      'http://platform.example.gov.cn/',
      'http://10.0.0.5:8080/',
      'ftp://platform.example/',
      'file:///etc/',
      'not a url',
    ]) {
      let e: unknown;
      try {
        make(bad)();
      } catch (x) {
        e = x;
      }
      expect(e, bad).toBeInstanceOf(PlatformError);
      expect((e as PlatformError).code).toBe('insecureUrl');
    }
    for (const good of ['https://platform.example.gov.cn/', 'http://127.0.0.1:4010/', 'http://localhost:4010/', 'http://[::1]:4010/'])
      expect(make(good), good).not.toThrow();
    expect(checkPlatformUrl('http://192.168.1.2/')).toMatchObject({ ok: false, reason: expect.stringContaining('https') });
  });

  it('caps replies by path: catalog pages and proofs larger than plain JSON replies', () => {
    const MiB = 1024 * 1024;
    expect(replyCapFor('/api/v1/catalog/changes')).toBe(32 * MiB);
    expect(replyCapFor('/api/v1/proofs')).toBe(24 * MiB);
    for (const p of ['/api/v1/health', '/api/v1/cases/search', '/api/v1/evaluations']) expect(replyCapFor(p), p).toBe(defaultReplyCap);
    expect(defaultReplyCap).toBe(1 * MiB);
  });

  it('a reply over its cap is tooLarge, not a crash or a retry', async () => {
    const { c, calls } = client([{ status: 200, body: JSON.stringify({ ...health, pad: 'x'.repeat(2000) }) }]);
    const e = await rejectionOf(c.get('/api/v1/health', { schema: HealthSchema, maxBytes: 1000 }), PlatformError);
    expect(e.code).toBe('tooLarge');
    expect(calls).toHaveLength(1);
  });

  it('signature covers method, path with query, time, nonce and body', () => {
    const base = {
      terminalId: 'K',
      secret: 's3cret!!',
      method: 'POST',
      pathWithQuery: '/a?b=1',
      body: '{}',
      now: 1,
      nonce: '00'.repeat(16),
    };
    const sig = signRequest(base)['X-Signature'];
    for (const change of [{ method: 'GET' }, { pathWithQuery: '/a?b=2' }, { now: 2 }, { nonce: '11'.repeat(16) }, { body: '{"x":1}' }])
      expect(signRequest({ ...base, ...change })['X-Signature']).not.toBe(sig);
  });
});

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

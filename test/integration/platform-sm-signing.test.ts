import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { SignatureVerifier } from '../../emulators/platform/auth.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import { PlatformError } from '../../main/core/platform/errors.js';
import { CatalogPageSchema } from '../../main/core/platform/schemas.js';
import { signRequest } from '../../main/core/platform/signing.js';
import type { CryptoSuite } from '../../main/core/crypto/suite.js';
import { rejectionOf } from '../support/rejection.js';

/** Request signing in both suites against the platform emulator: default HMAC-SHA256, 商用密码 HMAC-SM3. */
let smOnly: EmulatorHandle;
let either: EmulatorHandle;
beforeAll(async () => {
  smOnly = await platformEmulator.start({ argv: ['--signature', 'HMAC-SM3'] });
  either = await platformEmulator.start({ argv: [] });
});
afterAll(async () => {
  await smOnly.close();
  await either.close();
});

const client = (baseUrl: string, suite: CryptoSuite) =>
  new PlatformClient({ baseUrl, terminalId: 'KIOSK-0001', secret: 'emulated-terminal-secret', suite, attempts: 1 });
const page = (c: PlatformClient) => c.get('/api/v1/catalog/changes', { query: { since: 0, limit: 1 }, schema: CatalogPageSchema });

describe('request signing suites', () => {
  it('the default suite signs with HMAC-SHA256 as before (no algorithm header) and a default platform accepts it', async () => {
    const h = signRequest({ terminalId: 'K', secret: 's3cret!!', method: 'GET', pathWithQuery: '/x', body: '' });
    expect(h['X-Signature-Algorithm']).toBeUndefined();
    expect((await page(client(either.address, 'default'))).version).toBeGreaterThan(0);
  });

  it('the sm suite signs with HMAC-SM3, names it, and both an SM3-only and a default platform accept it', async () => {
    const h = signRequest({ terminalId: 'K', secret: 's3cret!!', method: 'GET', pathWithQuery: '/x', body: '', suite: 'sm' });
    expect(h['X-Signature-Algorithm']).toBe('HMAC-SM3');
    expect(Buffer.from(h['X-Signature']!, 'base64')).toHaveLength(32);
    expect((await page(client(smOnly.address, 'sm'))).version).toBeGreaterThan(0);
    expect((await page(client(either.address, 'sm'))).version).toBeGreaterThan(0);
  });

  it('an SM3-only platform refuses a terminal still signing with SHA-256', async () => {
    const e = await rejectionOf(page(client(smOnly.address, 'default')), PlatformError);
    expect(e.code).toBe('unauthorized');
    expect(e.message).toMatch(/HMAC-SHA256 not accepted/);
  });

  it('an SM3 signature checked as SHA-256 (algorithm header stripped or changed) does not match', () => {
    const verifier = new SignatureVerifier(() => 's3cret!!');
    const signed = signRequest({ terminalId: 'K', secret: 's3cret!!', method: 'POST', pathWithQuery: '/p', body: '{}', suite: 'sm' });
    const headers = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), v]));
    const req = (h: Record<string, string>) => ({ method: 'POST', url: '/p', headers: h, body: Buffer.from('{}') });
    const { 'x-signature-algorithm': _named, ...stripped } = headers;
    expect(verifier.verify(req(stripped))).toMatch(/does not match/);
    expect(verifier.verify(req({ ...headers, 'x-signature-algorithm': 'HMAC-SHA256' }))).toMatch(/does not match/);
    expect(verifier.verify(req({ ...headers, 'x-signature-algorithm': 'HMAC-MD5' }))).toMatch(/unknown signature algorithm/);
    expect(verifier.verify(req(headers))).toBeNull();
  });
});

import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { CryptoSuite } from '../crypto/suite.js';

/** The value of `X-Signature-Algorithm`; absent means HMAC-SHA256 (terminals from before the header). */
export type SignatureAlgorithm = 'HMAC-SHA256' | 'HMAC-SM3';

export const signatureAlgorithmOf = (suite: CryptoSuite): SignatureAlgorithm => (suite === 'sm' ? 'HMAC-SM3' : 'HMAC-SHA256');

const hashOf = (algorithm: SignatureAlgorithm) => (algorithm === 'HMAC-SM3' ? 'sm3' : 'sha256');

/**
 * The string a terminal signs (openapi.yaml, "Terminal authentication"). When the algorithm is named in a header
 * it is also the first line, so a relay cannot strip the header to make the platform check another algorithm.
 */
export function canonicalRequest(p: {
  algorithm: SignatureAlgorithm;
  named: boolean;
  method: string;
  pathWithQuery: string;
  timestamp: string;
  nonce: string;
  body: string | Buffer;
}): string {
  const bodyHash = createHash(hashOf(p.algorithm)).update(p.body).digest('hex');
  const lines = [p.method.toUpperCase(), p.pathWithQuery, p.timestamp, p.nonce, bodyHash];
  return (p.named ? [p.algorithm, ...lines] : lines).join('\n');
}

export function hmac(algorithm: SignatureAlgorithm, secret: string, canonical: string): Buffer {
  return createHmac(hashOf(algorithm), secret).update(canonical).digest();
}

/** Terminal authentication headers. The default suite sends today's four headers; `sm` names HMAC-SM3. */
export function signRequest(opts: {
  terminalId: string;
  secret: string;
  method: string;
  pathWithQuery: string;
  body: string | Buffer;
  now?: number;
  nonce?: string;
  suite?: CryptoSuite;
}): Record<string, string> {
  const timestamp = String(opts.now ?? Date.now());
  const nonce = opts.nonce ?? randomBytes(16).toString('hex');
  const algorithm = signatureAlgorithmOf(opts.suite ?? 'default');
  const named = algorithm !== 'HMAC-SHA256';
  const canonical = canonicalRequest({
    algorithm,
    named,
    method: opts.method,
    pathWithQuery: opts.pathWithQuery,
    timestamp,
    nonce,
    body: opts.body,
  });
  return {
    'X-Terminal-Id': opts.terminalId,
    'X-Timestamp': timestamp,
    'X-Nonce': nonce,
    ...(named ? { 'X-Signature-Algorithm': algorithm } : {}),
    'X-Signature': hmac(algorithm, opts.secret, canonical).toString('base64'),
  };
}

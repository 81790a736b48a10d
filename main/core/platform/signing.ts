import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Terminal authentication headers (scheme documented in openapi.yaml, "Terminal authentication"). */
export function signRequest(opts: {
  terminalId: string;
  secret: string;
  method: string;
  pathWithQuery: string;
  body: string;
  now?: number;
  nonce?: string;
}): Record<string, string> {
  const timestamp = String(opts.now ?? Date.now());
  const nonce = opts.nonce ?? randomBytes(16).toString('hex');
  const bodyHash = createHash('sha256').update(opts.body).digest('hex');
  const canonical = [opts.method.toUpperCase(), opts.pathWithQuery, timestamp, nonce, bodyHash].join('\n');
  return {
    'X-Terminal-Id': opts.terminalId,
    'X-Timestamp': timestamp,
    'X-Nonce': nonce,
    'X-Signature': createHmac('sha256', opts.secret).update(canonical).digest('base64'),
  };
}

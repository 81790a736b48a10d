import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The algorithms a terminal may name in `X-Signature-Algorithm` (absent: HMAC-SHA256). */
export const signatureAlgorithms = ['HMAC-SHA256', 'HMAC-SM3'] as const;
export type SignatureAlgorithm = (typeof signatureAlgorithms)[number];

/**
 * Checks a terminal's request signature as the platform does (scheme in main/core/platform/openapi.yaml):
 * base64 HMAC over METHOD \n path?query \n timestamp \n nonce \n hex hash(body), with SHA-256 by default or SM3
 * when the request names HMAC-SM3 (then the algorithm's name is the canonical string's first line).
 */
export class SignatureVerifier {
  private readonly seenNonces = new Map<string, number>();

  constructor(
    private readonly secretFor: (terminalId: string) => string | undefined,
    private readonly maxSkewMs = 300_000,
    private readonly now = () => Date.now(),
    /** The algorithms this platform accepts (a 商用密码 platform may accept HMAC-SM3 only). */
    private readonly accepted: readonly SignatureAlgorithm[] = signatureAlgorithms,
  ) {}

  verify(req: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: Buffer }): string | null {
    const h = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const terminal = h('x-terminal-id');
    const timestamp = h('x-timestamp');
    const nonce = h('x-nonce');
    const signature = h('x-signature');
    if (!terminal || !timestamp || !nonce || !signature) return 'missing authentication headers';
    const secret = this.secretFor(terminal);
    if (!secret) return `unknown terminal ${terminal}`;
    const at = Number(timestamp);
    if (!Number.isFinite(at) || Math.abs(this.now() - at) > this.maxSkewMs) return 'timestamp outside the allowed clock skew';
    if (!/^[0-9a-f]{32}$/.test(nonce)) return 'nonce must be 16 bytes of hex';
    this.forgetOldNonces();
    if (this.seenNonces.has(`${terminal}:${nonce}`)) return 'nonce already used';
    const named = h('x-signature-algorithm');
    const algorithm = (named ?? 'HMAC-SHA256') as SignatureAlgorithm;
    if (!signatureAlgorithms.includes(algorithm)) return `unknown signature algorithm ${named}`;
    if (!this.accepted.includes(algorithm)) return `signature algorithm ${algorithm} not accepted (accepted: ${this.accepted.join(', ')})`;
    const hash = algorithm === 'HMAC-SM3' ? 'sm3' : 'sha256';
    const lines = [req.method.toUpperCase(), req.url, timestamp, nonce, createHash(hash).update(req.body).digest('hex')];
    const canonical = (named ? [algorithm, ...lines] : lines).join('\n');
    const expected = createHmac(hash, secret).update(canonical).digest();
    const given = Buffer.from(signature, 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature does not match';
    this.seenNonces.set(`${terminal}:${nonce}`, this.now());
    return null;
  }

  private forgetOldNonces(): void {
    const cutoff = this.now() - 600_000;
    for (const [k, at] of this.seenNonces) {
      if (at >= cutoff) break;
      this.seenNonces.delete(k);
    }
  }
}

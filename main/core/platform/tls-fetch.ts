import { createHash, X509Certificate } from 'node:crypto';
import https from 'node:https';
import { Readable } from 'node:stream';
import tls, { type PeerCertificate } from 'node:tls';

/** Optional TLS settings for the platform connection (all PEM text; the pins are base64 SHA-256 of the SPKI). */
export interface PlatformTlsOptions {
  /** Trust only these CAs instead of the system store (e.g. the provincial platform's private CA). */
  ca?: string;
  /** This terminal's client certificate and key, for platforms that require mutual TLS. */
  cert?: string;
  key?: string;
  /**
   * Accept the platform only if a certificate in its chain has one of these public keys:
   * `openssl x509 -in platform.crt -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`.
   */
  pinnedSpkiSha256?: string[];
}

/** The error code a pin mismatch carries (like Node's own certificate errors, it fails the handshake). */
export const PIN_MISMATCH = 'ERR_PLATFORM_PIN_MISMATCH';

export function spkiSha256(certificateDer: Buffer): string {
  const spki = new X509Certificate(certificateDer).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** Checks the host name as usual, then the pins against every certificate the platform presented. */
function checkIdentity(pins: string[] | undefined) {
  return (host: string, cert: PeerCertificate): Error | undefined => {
    const usual = tls.checkServerIdentity(host, cert);
    if (usual || !pins?.length) return usual;
    const seen = new Set<Buffer>();
    for (let c: PeerCertificate | undefined = cert; c?.raw && !seen.has(c.raw); c = (c as tls.DetailedPeerCertificate).issuerCertificate) {
      seen.add(c.raw);
      if (pins.includes(spkiSha256(c.raw))) return undefined;
    }
    return Object.assign(new Error(`the platform's certificate matches none of the ${pins.length} pinned keys`), { code: PIN_MISMATCH });
  };
}

/**
 * A `fetch` over node:https with the platform's TLS settings (Node 20's built-in fetch takes no CA, client
 * certificate or pin without the undici package). Like the client's fetch it never follows a redirect:
 * a 3xx comes back as it is. The body streams, so the client can stop reading at its size cap.
 */
export function createTlsFetch(options: PlatformTlsOptions): typeof fetch {
  const agent = new https.Agent({
    keepAlive: true,
    ca: options.ca,
    cert: options.cert,
    key: options.key,
    checkServerIdentity: checkIdentity(options.pinnedSpkiSha256),
  });
  return ((input: URL | string, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const req = https.request(
        new URL(String(input)),
        {
          agent,
          method: init.method ?? 'GET',
          headers: init.headers as Record<string, string> | undefined,
          signal: init.signal ?? undefined,
        },
        (res) => {
          const status = res.statusCode ?? 502;
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
          const nullBody = status === 204 || status === 205 || status === 304;
          if (nullBody) res.resume();
          const body = nullBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
          resolve(new Response(body, { status, headers }));
        },
      );
      req.on('error', (err) => reject(Object.assign(new TypeError('fetch failed'), { cause: err })));
      req.end(typeof init.body === 'string' ? init.body : undefined);
    })) as typeof fetch;
}

/** Why a platform call failed; the UI turns each code into guidance. */
export type PlatformErrorCode =
  | 'unreachable' // no connection (network down, platform stopped)
  | 'timeout'
  | 'canceled'
  | 'unauthorized' // the platform refused this terminal's signature
  | 'badReply' // the reply does not match the API schema; `field` names where
  | 'server' // 5xx or an unexpected status
  | 'gone' // the pinned catalog version is no longer served
  | 'versionRollback' // the platform offers an older catalog than the terminal holds
  | 'insecureUrl' // the platform address is neither https nor loopback http: nothing is sent
  | 'redirect' // the platform answered 3xx: refused, so personal data and signatures go nowhere else
  | 'untrusted' // TLS: the certificate is not trusted, not for this host, or matches no pinned key
  | 'tooLarge' // the reply exceeded its size cap; reading stopped there
  | 'tlsConfig'; // a PEM file named in platform.tls is missing or not PEM: no connection is attempted

export class PlatformError extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    readonly detail: {
      status?: number;
      field?: string;
      path?: string;
      /** From the platform's error body of a refusal: its code, its words, and the request field it names. */
      refusal?: { code: string; message: string; field: string | null };
    } = {},
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  /** Worth retrying an idempotent call? */
  get transient(): boolean {
    return this.code === 'unreachable' || this.code === 'timeout' || (this.code === 'server' && (this.detail.status ?? 500) >= 500);
  }
}

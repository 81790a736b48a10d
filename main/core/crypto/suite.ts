import { getCiphers, getHashes } from 'node:crypto';

/**
 * The cryptographic suite of a terminal (config `crypto.suite`). `default`: HMAC-SHA256 request signatures and
 * AES-256-GCM for data at rest. `sm` (商用密码, GB/T 32905 SM3 and GB/T 32907 SM4): HMAC-SM3 signatures and
 * SM4-CBC with an HMAC-SM3 tag (encrypt-then-MAC) at rest, for deployments that must pass 密评.
 */
export type CryptoSuite = 'default' | 'sm';

/** What each suite needs from Node's OpenSSL, by the names `getCiphers()` and `getHashes()` list. */
export const suiteNeeds: Record<CryptoSuite, { ciphers: string[]; hashes: string[] }> = {
  default: { ciphers: ['aes-256-gcm'], hashes: ['sha256'] },
  sm: { ciphers: ['sm4-cbc'], hashes: ['sm3'] },
};

/** Why a suite cannot run on this Node, or null when it can. */
export function suiteProblem(suite: CryptoSuite, available = { ciphers: getCiphers(), hashes: getHashes() }): string | null {
  const needs = suiteNeeds[suite];
  const missing = [
    ...needs.ciphers.filter((c) => !available.ciphers.includes(c)),
    ...needs.hashes.filter((h) => !available.hashes.includes(h)),
  ];
  if (missing.length === 0) return null;
  return (
    `the "${suite}" suite needs ${missing.join(' and ')}, which this Node's OpenSSL (${process.versions.openssl}) does not provide: ` +
    'install a Node built with OpenSSL 3 and its default provider, or choose another suite'
  );
}

/** A data-at-rest hash (audit chain) for the suite. */
export const digestOf = (suite: CryptoSuite): 'sha256' | 'sm3' => (suite === 'sm' ? 'sm3' : 'sha256');

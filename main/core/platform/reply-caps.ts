const MiB = 1024 * 1024;

/**
 * How many bytes a platform reply may have, by API path (first matching prefix wins). A reply over its cap is
 * refused while it streams in (`tooLarge`), so a broken or hostile platform cannot take the core's memory.
 * The README lists these; a caller may pass its own `maxBytes`.
 */
export const replyCaps: readonly { prefix: string; maxBytes: number; why: string }[] = [
  { prefix: '/api/v1/catalog/', maxBytes: 32 * MiB, why: 'a page of up to 2,000 matters with their guides (the emulator: 3.3 MB)' },
  { prefix: '/api/v1/proofs', maxBytes: 24 * MiB, why: 'a proof PDF of up to 16 MiB, base64 in JSON (the emulator: 130 kB)' },
];

/** Every other reply (health, case search and lookup, evaluations, acknowledgements) is small JSON. */
export const defaultReplyCap = 1 * MiB;

export function replyCapFor(pathname: string): number {
  return replyCaps.find((c) => pathname.startsWith(c.prefix))?.maxBytes ?? defaultReplyCap;
}

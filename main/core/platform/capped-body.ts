/** The reply body exceeded its cap; reading stopped there. */
export class ReplyTooLarge extends Error {
  constructor(
    readonly maxBytes: number,
    readonly declared: number | null,
  ) {
    super(declared !== null ? `declares ${declared} bytes, over the ${maxBytes}-byte cap` : `exceeds the ${maxBytes}-byte cap`);
  }
}

/**
 * Reads a reply body as UTF-8 text, at most `maxBytes`: a Content-Length over the cap is refused before
 * reading, and a longer (or endless) stream is cancelled as soon as it passes the cap.
 */
export async function readCappedText(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new ReplyTooLarge(maxBytes, declared);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ReplyTooLarge(maxBytes, null);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

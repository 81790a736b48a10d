/** Builds 256-byte UCS-2 LE text blocks for tests, independent of both the codec and the emulator. */
export function block(kind: ' ' | 'J' | 'I' | 'Y', fields: [start: number, value: string][]): Uint8Array {
  const out = new Uint8Array(256);
  for (let i = 0; i < 256; i += 2) out[i] = 0x20;
  const put = (start: number, v: string) => Buffer.from(v, 'utf16le').forEach((b, i) => (out[start + i] = b));
  for (const [start, v] of fields) put(start, v);
  put(248, kind);
  return out;
}

export const hexToBytes = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

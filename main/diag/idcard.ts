import { SerialTransport } from '../../devices/core/transports/serial.js';
import { TcpTransport } from '../../devices/core/transports/tcp.js';
import { decodeCardContent, decodeResponse, PREAMBLE } from '../../devices/id-card/codec.js';
import { Ga467Reader } from '../../devices/id-card/driver.js';
import { FrameSplitter } from '../../devices/id-card/framing.js';
import { decodeTextBlock, type Identity } from '../../devices/id-card/text-block.js';
import { maskPersonalData } from '../core/log/mask.js';

/** Technicians' ID card tools: decode a captured frame, or read a real reader once. Output: one JSON object. */
type Out = Record<string, unknown>;

export function diagJson(identity: Identity, photoBytes: number, fingerprintBytes: number): Out {
  return {
    ok: true,
    cardType: identity.cardType,
    name: identity.name,
    englishName: identity.englishName,
    gender: identity.gender,
    nationCode: identity.nationCode,
    nation: identity.nation,
    birthDate: identity.birthDate,
    address: identity.address,
    idNumber: identity.idNumber,
    idNumberValid: identity.idNumberValid,
    issuer: identity.issuer,
    validFrom: identity.validFrom,
    validTo: identity.validTo,
    passNumber: identity.passNumber,
    nationality: identity.nationality,
    hasPhoto: photoBytes > 0,
    fingerprintBytes,
  };
}

const failure = (error: string, detail: string, extra: Out = {}): Out => ({ ok: false, error, detail, ...extra });

/**
 * The first GA 467 frame in a capture, found the way the driver finds it (the same splitter): junk before the
 * preamble and bytes after the frame are skipped and counted. Without a whole frame, the bytes from the first
 * preamble on (or the whole capture) go to the codec so it can say what is wrong.
 */
function firstFrame(bytes: Uint8Array): { frame: Uint8Array; before: number; after: number } {
  const splitter = new FrameSplitter();
  for (let i = 0; i < bytes.length; i++) {
    const [frame] = splitter.push(bytes.subarray(i, i + 1));
    if (frame) return { frame, before: splitter.discarded, after: bytes.length - i - 1 };
  }
  const start = indexOfPreamble(bytes);
  return { frame: start > 0 ? bytes.subarray(start) : bytes, before: Math.max(start, 0), after: 0 };
}

function indexOfPreamble(b: Uint8Array): number {
  outer: for (let i = 0; i + PREAMBLE.length <= b.length; i++) {
    for (let j = 0; j < PREAMBLE.length; j++) if (b[i + j] !== PREAMBLE[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Decodes a read reply frame (30 01 or 30 10) or a bare 256-byte text block given as hex. A real reader's capture
 * may carry junk before the preamble or bytes after the frame: the answer then says how many it skipped.
 */
export function decodeHex(hex: string): Out {
  const clean = hex.replace(/[\s:,-]/g, '').replace(/^0x/i, '');
  if (clean.length === 0 || clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean))
    return failure('badHex', 'expected an even number of hexadecimal digits');
  const bytes = Uint8Array.from(Buffer.from(clean, 'hex'));
  if (bytes.length === 256 && indexOfPreamble(bytes) < 0) {
    const id = decodeTextBlock(bytes);
    return id.ok ? diagJson(id.value, 0, 0) : failure(id.error.kind, id.error.detail);
  }
  const { frame, before, after } = firstFrame(bytes);
  const skipped: Out = before > 0 || after > 0 ? { skipped: { beforeFrame: before, afterFrame: after } } : {};
  const r = decodeResponse(frame);
  if (!r.ok) return failure(r.error.kind, r.error.detail, skipped);
  if (r.value.status !== 'ok')
    return failure('badStatus', `SAM status ${r.value.sw3.toString(16).toUpperCase()} (${r.value.status})`, {
      status: r.value.status,
      ...skipped,
    });
  const two = decodeCardContent(r.value.data, false);
  const content = two.ok ? two : decodeCardContent(r.value.data, true);
  if (!content.ok) return failure(content.error.kind, content.error.detail, skipped);
  const id = decodeTextBlock(content.value.text);
  return id.ok
    ? { ...diagJson(id.value, content.value.photo.length, content.value.fingerprint.length), ...skipped }
    : failure(id.error.kind, id.error.detail, skipped);
}

/** Reads one card from a reader at a serial port (or tcp://host:port), waiting up to `waitMs` for a card. */
export async function readOnce(opts: {
  port: string;
  baud: number;
  waitMs: number;
  fingerprint: boolean;
  showPersonalData: boolean;
}): Promise<Out> {
  const tcp = /^tcp:\/\/([^:/]+):(\d+)/.exec(opts.port);
  const transport = tcp
    ? new TcpTransport({ host: tcp[1]!, port: Number(tcp[2]) })
    : new SerialTransport({ path: opts.port, baudRate: opts.baud });
  const opened = await transport.open();
  if (!opened.ok) return failure(opened.error.code, opened.error.detail);
  const reader = new Ga467Reader({ id: 'diag', transport, withFingerprint: opts.fingerprint });
  try {
    const sam = await reader.readSamId();
    if (!sam.ok) return failure(sam.error.code, sam.error.detail);
    const deadline = Date.now() + opts.waitMs;
    for (;;) {
      const find = await reader.exchange('findCard');
      if (!find.ok) return failure(find.error.code, find.error.detail);
      if (find.value.status === 'cardFound') break;
      if (Date.now() > deadline) return failure('noCard', `no card was placed within ${opts.waitMs / 1000} s`, { samId: sam.value });
      await new Promise((r) => setTimeout(r, 300));
    }
    const card = await reader.readCard();
    if (!card.ok) return failure(card.error.code, card.error.detail, { messageKey: card.error.messageKey });
    const out = {
      ...diagJson(card.value.identity, card.value.photoWlt.length, card.value.fingerprint.length),
      samId: sam.value,
      readMs: card.value.readMs,
    };
    return opts.showPersonalData ? out : (maskPersonalData(out) as Out);
  } finally {
    await transport.close();
  }
}

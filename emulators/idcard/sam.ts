import { photoFor, textBlock, type Persona } from './personas.js';

/**
 * The SAM side of GA 467: parses host frames and builds replies. Written from the specification; shares no
 * code with the kiosk's adapter.
 */
const MAGIC = [0xaa, 0xaa, 0xaa, 0x96, 0x69];

export const faultNames = [
  'noAnswer',
  'garbage',
  'badChecksum',
  'slow',
  'cardRemovedMidRead',
  'unreadable',
  'fakeCard',
  'samNotAuthorised',
] as const;
export type Fault = (typeof faultNames)[number];

export const faultHelp: Record<Fault, string> = {
  noAnswer: 'the SAM stays silent (reader hung)',
  garbage: 'answers with random bytes instead of frames',
  badChecksum: 'answers with a wrong checksum byte',
  slow: 'answers every command 600 ms late',
  cardRemovedMidRead: 'the card is taken away while being read (SW3 41)',
  unreadable: 'the card stays on the reader but every read fails (SW3 41): dirty, bent or badly placed',
  fakeCard: 'the card fails authentication (SW3 32): fake or damaged',
  samNotAuthorised: 'the SAM module is not authorised (SW3 66)',
};

export function reply(sw3: number, data: number[] | Uint8Array = []): Uint8Array {
  const payload = [0x00, 0x00, sw3, ...data];
  const len = payload.length + 1;
  const body = [len >> 8, len & 0xff, ...payload];
  const chk = body.reduce((a, b) => a ^ b, 0);
  return Uint8Array.from([...MAGIC, ...body, chk]);
}

/** Accumulates host bytes and yields complete command frames [cmd, para, ...data]; junk is skipped. */
export class HostFrameReader {
  private buf: number[] = [];
  feed(chunk: Uint8Array): number[][] {
    this.buf.push(...chunk);
    const out: number[][] = [];
    for (;;) {
      let start = -1;
      for (let i = 0; i + 5 <= this.buf.length; i++)
        if (MAGIC.every((m, j) => this.buf[i + j] === m)) {
          start = i;
          break;
        }
      if (start < 0) {
        this.buf = this.buf.slice(Math.max(0, this.buf.length - 4));
        return out;
      }
      this.buf = this.buf.slice(start);
      if (this.buf.length < 7) return out;
      const len = (this.buf[5]! << 8) | this.buf[6]!;
      if (len < 3 || len > 1024) {
        this.buf = this.buf.slice(1);
        continue;
      }
      if (this.buf.length < 7 + len) return out;
      const body = this.buf.slice(5, 7 + len - 1);
      const chk = this.buf[7 + len - 1];
      this.buf = this.buf.slice(7 + len);
      out.push(body.reduce((a, b) => a ^ b, 0) === chk ? body.slice(2) : [-1]);
    }
  }
}

/** 16-byte SAM id: 05.01-20260101-0000012345-0123456789 as little-endian fields. */
const samId = (() => {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setUint16(0, 5, true);
  v.setUint16(2, 1, true);
  v.setUint32(4, 20260101, true);
  v.setUint32(8, 12345, true);
  v.setUint32(12, 123456789, true);
  return b;
})();

export interface SamState {
  card: Persona | null;
  faults: Set<Fault>;
}

/** The reply to one command, or null for silence. */
export function answer(frame: number[], state: SamState): Uint8Array | null {
  const { faults, card } = state;
  if (faults.has('noAnswer')) return null;
  if (frame[0] === -1) return reply(0x10);
  const [cmd, para] = frame as [number, number];
  const key = (cmd << 8) | para;
  if (faults.has('samNotAuthorised') && key !== 0x10ff) return reply(0x66);
  switch (key) {
    case 0x10ff:
    case 0x11ff:
      return reply(0x90);
    case 0x12ff:
      return reply(0x90, samId);
    case 0x2001:
      return card ? reply(0x9f, [0, 0, 0, 0]) : reply(0x80);
    case 0x2002:
      if (!card) return reply(0x81);
      return reply(0x90, [0, 0, 0, 0, 0, 0, 0, 0]);
    case 0x3001:
    case 0x3010: {
      if (!card) return reply(0x41);
      if (faults.has('fakeCard')) return reply(0x32);
      if (faults.has('unreadable')) return reply(0x41);
      if (faults.has('cardRemovedMidRead')) {
        state.card = null;
        return reply(0x41);
      }
      const text = textBlock(card);
      const photo = photoFor(card);
      const u16 = (n: number) => [n >> 8, n & 0xff];
      if (key === 0x3001) return reply(0x90, [...u16(256), ...u16(1024), ...text, ...photo]);
      const fp = new Uint8Array(card.fingerprintBytes).fill(0x43);
      return reply(0x90, [...u16(256), ...u16(1024), ...u16(fp.length), ...text, ...photo, ...fp]);
    }
    case 0x3003:
      return card ? reply(0x91) : reply(0x41);
    default:
      return reply(0x21);
  }
}

import { err, ok, type Result } from '../core/result.js';

/**
 * GA 467 (GA/T 467-2019) SAM frames, pure: bytes in, typed values out. Never throws on bad bytes.
 *   host → SAM: AA AA AA 96 69 | LEN(2, BE) | CMD | PARA | DATA | CHK
 *   SAM → host: AA AA AA 96 69 | LEN(2, BE) | SW1 SW2 SW3 | DATA | CHK
 * LEN counts every byte after itself including CHK; CHK = XOR of all bytes from the first LEN byte to the last DATA byte.
 */
export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
const HEADER = PREAMBLE.length + 2;
/** Largest LEN a real SAM sends (text + photo + 1024-byte fingerprint + lengths + status), with margin. */
export const MAX_LEN = 4096;

export const commands = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  readSamId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readTextPhoto: [0x30, 0x01],
  readAppendedAddress: [0x30, 0x03],
  readTextPhotoFingerprint: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;
export type CommandName = keyof typeof commands;

/** SW3 status codes (GA 467 appendix) with the typed outcome each maps to. */
export const statusCodes = {
  0x90: 'ok',
  0x9f: 'cardFound',
  0x91: 'noContent',
  0x10: 'checksumError',
  0x11: 'lengthError',
  0x21: 'commandError',
  0x23: 'notPermitted',
  0x24: 'unknownError',
  0x31: 'cardAuthFailed',
  0x32: 'samAuthFailed',
  0x33: 'infoAuthFailed',
  0x40: 'unknownCardType',
  0x41: 'readFailed',
  0x47: 'challengeFailed',
  0x60: 'samSelfTestFailed',
  0x66: 'samNotAuthorised',
  0x80: 'noCard',
  0x81: 'selectFailed',
} as const;
export type SamStatus = (typeof statusCodes)[keyof typeof statusCodes] | 'unknownStatus';

export function statusName(sw3: number): SamStatus {
  return (statusCodes as Record<number, SamStatus>)[sw3] ?? 'unknownStatus';
}

export type DecodeError =
  | { kind: 'truncated'; detail: string }
  | { kind: 'badPreamble'; detail: string }
  | { kind: 'badLength'; detail: string }
  | { kind: 'badChecksum'; detail: string }
  | { kind: 'badStatus'; detail: string; sw3: number; status: SamStatus }
  | { kind: 'badPayload'; detail: string };

const xor = (bytes: Uint8Array, from: number, to: number): number => {
  let c = 0;
  for (let i = from; i < to; i++) c ^= bytes[i]!;
  return c;
};

function frame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  const out = new Uint8Array(HEADER + body.length + 1);
  out.set(PREAMBLE, 0);
  out[5] = (len >> 8) & 0xff;
  out[6] = len & 0xff;
  out.set(body, HEADER);
  out[out.length - 1] = xor(out, 5, out.length - 1);
  return out;
}

export function encodeCommand(name: CommandName, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const [cmd, para] = commands[name];
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return frame(body);
}

/** Used by tests and tools to build SAM replies; the emulator has its own, independent encoder. */
export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[2] = sw3;
  body.set(data, 3);
  return frame(body);
}

export interface RawFrame {
  /** Bytes after LEN, before CHK. */
  body: Uint8Array;
}

/** Checks preamble, length and checksum of exactly one frame. */
export function decodeFrame(bytes: Uint8Array): Result<RawFrame, DecodeError> {
  if (bytes.length < HEADER + 1) return err({ kind: 'truncated', detail: `${bytes.length} bytes is shorter than a frame header` });
  for (let i = 0; i < PREAMBLE.length; i++)
    if (bytes[i] !== PREAMBLE[i])
      return err({ kind: 'badPreamble', detail: `byte ${i} is ${hex(bytes[i]!)}, expected ${hex(PREAMBLE[i]!)}` });
  const len = (bytes[5]! << 8) | bytes[6]!;
  if (len < 2 || len > MAX_LEN) return err({ kind: 'badLength', detail: `LEN ${len} is outside 2..${MAX_LEN}` });
  if (bytes.length < HEADER + len)
    return err({ kind: 'truncated', detail: `LEN says ${len} bytes follow, only ${bytes.length - HEADER} present` });
  if (bytes.length > HEADER + len) return err({ kind: 'badLength', detail: `${bytes.length - HEADER - len} extra bytes after the frame` });
  const chk = xor(bytes, 5, HEADER + len - 1);
  if (chk !== bytes[HEADER + len - 1])
    return err({ kind: 'badChecksum', detail: `checksum ${hex(bytes[HEADER + len - 1]!)} != computed ${hex(chk)}` });
  // a view into the frame, not a copy: the driver zeroes the frame once it has copied out what it keeps
  return ok({ body: bytes.subarray(HEADER, HEADER + len - 1) });
}

export interface SamResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  status: SamStatus;
  data: Uint8Array;
}

export function decodeResponse(bytes: Uint8Array): Result<SamResponse, DecodeError> {
  const f = decodeFrame(bytes);
  if (!f.ok) return f;
  if (f.value.body.length < 3) return err({ kind: 'truncated', detail: 'response shorter than its three status bytes' });
  const [sw1, sw2, sw3] = f.value.body as unknown as [number, number, number];
  return ok({ sw1, sw2, sw3, status: statusName(sw3), data: f.value.body.subarray(3) });
}

export interface HostCommand {
  cmd: number;
  para: number;
  data: Uint8Array;
}

export function decodeCommand(bytes: Uint8Array): Result<HostCommand, DecodeError> {
  const f = decodeFrame(bytes);
  if (!f.ok) return f;
  if (f.value.body.length < 2) return err({ kind: 'truncated', detail: 'command shorter than CMD and PARA' });
  return ok({ cmd: f.value.body[0]!, para: f.value.body[1]!, data: f.value.body.slice(2) });
}

export interface CardContent {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint: Uint8Array;
}

/**
 * Splits the data of a read reply: 30 01 has two BE length fields (text, photo), 30 10 three (text, photo,
 * fingerprint). Offsets come only from those fields, checked against the bytes actually present.
 */
export function decodeCardContent(data: Uint8Array, withFingerprint: boolean): Result<CardContent, DecodeError> {
  const fields = withFingerprint ? 3 : 2;
  if (data.length < fields * 2)
    return err({ kind: 'truncated', detail: `read reply has ${data.length} bytes, fewer than its length fields` });
  const lens = Array.from({ length: fields }, (_, i) => (data[i * 2]! << 8) | data[i * 2 + 1]!);
  const total = fields * 2 + lens.reduce((a, b) => a + b, 0);
  if (total !== data.length) return err({ kind: 'badPayload', detail: `length fields add up to ${total} bytes, reply has ${data.length}` });
  if (lens[0] !== 256) return err({ kind: 'badPayload', detail: `text block is ${lens[0]} bytes, expected 256` });
  if (withFingerprint && ![0, 512, 1024].includes(lens[2]!))
    return err({ kind: 'badPayload', detail: `fingerprint is ${lens[2]} bytes, expected 0, 512 or 1024` });
  let at = fields * 2;
  const take = (n: number) => data.slice(at, (at += n));
  return ok({ text: take(lens[0]!), photo: take(lens[1]!), fingerprint: withFingerprint ? take(lens[2]!) : new Uint8Array(0) });
}

/** SAM id (16 bytes) as technicians know it: AA.BB-YYYYMMDD-NNNNNNNNNN-NNNNNNNNNN (little-endian fields). */
export function formatSamId(data: Uint8Array): Result<string, DecodeError> {
  if (data.length < 16) return err({ kind: 'truncated', detail: `SAM id has ${data.length} bytes, expected 16` });
  const v = new DataView(data.buffer, data.byteOffset, 16);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return ok(
    `${pad(v.getUint16(0, true), 2)}.${pad(v.getUint16(2, true), 2)}-${pad(v.getUint32(4, true), 8)}-${pad(v.getUint32(8, true), 10)}-${pad(v.getUint32(12, true), 10)}`,
  );
}

export const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
export const toHex = (b: Uint8Array) => [...b].map(hex).join(' ');

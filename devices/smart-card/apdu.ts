import { err, ok, type Result } from '../core/result.js';

/** ISO 7816-4 command and response APDUs, pure. */
export interface ResponseApdu {
  data: Uint8Array;
  sw1: number;
  sw2: number;
  /** e.g. "9000", "6A82" */
  sw: string;
}

export type ApduError = { kind: 'truncated'; detail: string };

export function parseResponse(bytes: Uint8Array): Result<ResponseApdu, ApduError> {
  if (bytes.length < 2) return err({ kind: 'truncated', detail: `response of ${bytes.length} bytes has no status word` });
  const sw1 = bytes[bytes.length - 2]!;
  const sw2 = bytes[bytes.length - 1]!;
  const sw = ((sw1 << 8) | sw2).toString(16).toUpperCase().padStart(4, '0');
  return ok({ data: bytes.slice(0, -2), sw1, sw2, sw });
}

const apdu = (cla: number, ins: number, p1: number, p2: number, data?: Uint8Array, le?: number): Uint8Array => {
  const out = [cla, ins, p1, p2];
  if (data && data.length) out.push(data.length, ...data);
  if (le !== undefined) out.push(le & 0xff);
  return Uint8Array.from(out);
};

/** "sx1.sh.社会保障" in GBK: the SSSE application name on Chinese social security cards. */
export const SSSE_AID = Uint8Array.from([0x73, 0x78, 0x31, 0x2e, 0x73, 0x68, 0x2e, 0xc9, 0xe7, 0xbb, 0xe1, 0xb1, 0xa3, 0xd5, 0xcf]);

export const selectByName = (name: Uint8Array) => apdu(0x00, 0xa4, 0x04, 0x00, name);
export const selectMf = () => apdu(0x00, 0xa4, 0x00, 0x00, Uint8Array.of(0x3f, 0x00));
export const selectEf = (fid: number) => apdu(0x00, 0xa4, 0x02, 0x00, Uint8Array.of(fid >> 8, fid & 0xff));
/** READ RECORD by record number = tag, P2 00, Le as given (00 = "all", the card may answer 6Cxx). */
export const readRecord = (tag: number, le = 0) => apdu(0x00, 0xb2, tag, 0x00, undefined, le);
export const getResponse = (le: number) => apdu(0x00, 0xc0, 0x00, 0x00, undefined, le);

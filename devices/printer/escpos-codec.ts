import iconv from 'iconv-lite';
import { err, ok, type Result } from '../core/result.js';

/**
 * ESC/POS receipt commands and real-time status (Epson ESC/POS reference; the common subset Chinese thermal
 * printers implement). Pure: builds bytes, parses status bytes; no I/O.
 */

export type Align = 'left' | 'center' | 'right';

export interface ReceiptOptions {
  /** Text encoding of the model: GB18030 for mainland models (GBK/GB2312 are subsets). */
  encoding?: 'gb18030' | 'gbk';
  /** Models that need FS & to enter Chinese-character mode before double-byte text. */
  cjkMode?: boolean;
}

export class ReceiptBuilder {
  private readonly parts: Uint8Array[] = [];
  private readonly encoding: string;

  constructor(private readonly options: ReceiptOptions = {}) {
    this.encoding = options.encoding ?? 'gb18030';
    this.raw(0x1b, 0x40); // ESC @ initialize
    if (options.cjkMode ?? true) this.raw(0x1c, 0x26); // FS & Chinese character mode
  }

  align(a: Align): this {
    return this.raw(0x1b, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2); // ESC a n
  }

  /** Character size: width and height multipliers 1–8 (GS ! n). */
  size(width: number, height: number): this {
    const w = Math.min(8, Math.max(1, Math.round(width))) - 1;
    const h = Math.min(8, Math.max(1, Math.round(height))) - 1;
    return this.raw(0x1d, 0x21, (w << 4) | h);
  }

  bold(on: boolean): this {
    return this.raw(0x1b, 0x45, on ? 1 : 0); // ESC E n
  }

  /** Text followed by a line feed; control characters are dropped so data cannot smuggle commands. */
  line(text = ''): this {
    const clean = text.replace(/[\u0000-\u001f\u007f]/g, '');
    this.parts.push(new Uint8Array(iconv.encode(clean, this.encoding)));
    return this.raw(0x0a);
  }

  /** QR code, model 2 (GS ( k functions 165, 167, 169, 180, 181). */
  qr(data: string, o: { moduleSize?: number; errorCorrection?: 'L' | 'M' | 'Q' | 'H' } = {}): this {
    const bytes = new TextEncoder().encode(data);
    if (bytes.length > 7089) throw new RangeError('QR data too long');
    const ec = { L: 48, M: 49, Q: 50, H: 51 }[o.errorCorrection ?? 'M'];
    const k = (...fn: number[]) => this.raw(0x1d, 0x28, 0x6b, fn.length & 0xff, fn.length >> 8, ...fn);
    k(0x31, 0x41, 0x32, 0x00); // model 2
    k(0x31, 0x43, Math.min(16, Math.max(1, o.moduleSize ?? 6))); // module size
    k(0x31, 0x45, ec); // error correction
    const len = bytes.length + 3;
    this.raw(0x1d, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30);
    this.parts.push(bytes);
    return k(0x31, 0x51, 0x30); // print the stored symbol
  }

  feed(lines: number): this {
    return this.raw(0x1b, 0x64, Math.min(255, Math.max(0, lines))); // ESC d n
  }

  /** Feed to the cutter and cut (GS V 66 n: partial cut after feeding n dots). */
  cut(): this {
    return this.raw(0x1d, 0x56, 0x42, 0x00);
  }

  bytes(): Uint8Array {
    const total = this.parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  private raw(...bytes: number[]): this {
    this.parts.push(Uint8Array.from(bytes));
    return this;
  }
}

/** DLE EOT n: real-time status request; the printer answers one byte at once, even mid-job. */
export const statusRequest = (n: 1 | 2 | 3 | 4): Uint8Array => Uint8Array.of(0x10, 0x04, n);

export interface EscPosStatus {
  offline: boolean;
  coverOpen: boolean;
  feedButton: boolean;
  /** printing stopped because the paper ran out */
  paperEnd: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
}

/** Every status byte has bits 1 and 4 set and bits 0 and 7 clear (the fixed pattern that tells it from data). */
const isStatusByte = (b: number) => (b & 0x93) === 0x12;

/** Parses the four answers to DLE EOT 1, 2, 3, 4 (in that order). */
export function parseStatus(bytes: readonly number[]): Result<EscPosStatus, string> {
  if (bytes.length !== 4) return err(`expected 4 status bytes, got ${bytes.length}`);
  const bad = bytes.findIndex((b) => !isStatusByte(b));
  if (bad >= 0) return err(`status byte ${bad + 1} is 0x${bytes[bad]!.toString(16).padStart(2, '0')}, not a status byte`);
  const [printer, offline, error, paper] = bytes as [number, number, number, number];
  return ok({
    offline: (printer & 0x08) !== 0,
    coverOpen: (offline & 0x04) !== 0,
    feedButton: (offline & 0x08) !== 0,
    paperEnd: (offline & 0x20) !== 0 || (paper & 0x60) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    cutterError: (error & 0x08) !== 0,
    unrecoverableError: (error & 0x20) !== 0,
    autoRecoverableError: (error & 0x40) !== 0,
  });
}

import { MAX_SCAN_BYTES } from './codec.js';

/**
 * Splits a scanner's byte stream into one frame per code: at a CR or LF suffix (CR LF gives one frame: the empty
 * one between is dropped), or — for a model sending no suffix, or a code cut short — when the driver calls
 * `flush()` after an inter-byte silence. An endless line is cut at MAX_SCAN_BYTES + 1 so it decodes as `tooLong` instead of filling memory.
 */
export class ScanFramer {
  private buf: number[] = [];

  get pending(): number {
    return this.buf.length;
  }

  push(chunk: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    for (const b of chunk) {
      if (b === 0x0d || b === 0x0a) {
        if (this.buf.length > 0) frames.push(Uint8Array.from(this.buf));
        this.buf = [];
        continue;
      }
      this.buf.push(b);
      if (this.buf.length > MAX_SCAN_BYTES) {
        frames.push(Uint8Array.from(this.buf));
        this.buf = [];
      }
    }
    return frames;
  }

  /** Ends the current frame (inter-byte timeout); null when nothing is pending. */
  flush(): Uint8Array | null {
    if (this.buf.length === 0) return null;
    const f = Uint8Array.from(this.buf);
    this.buf = [];
    return f;
  }

  reset(): void {
    this.buf = [];
  }
}

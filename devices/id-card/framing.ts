import { MAX_LEN, PREAMBLE } from './codec.js';

const HEADER = PREAMBLE.length + 2;

/**
 * Splits a byte stream into GA 467 frames: hunts for the preamble (discarding junk before it), reads LEN,
 * and waits for exactly that many bytes. A LEN that cannot be real makes it resynchronise one byte later.
 * Checksums are the codec's job.
 */
export class FrameSplitter {
  private buffer: Uint8Array = new Uint8Array(0);
  discarded = 0;

  /**
   * Card bytes carry a resident's identity: every buffer this splitter lets go of is zeroed first, so a frame's
   * bytes exist only in the frame handed out (which its receiver zeroes when done).
   */
  push(chunk: Uint8Array): Uint8Array[] {
    const merged = new Uint8Array(this.buffer.length + chunk.length);
    merged.set(this.buffer);
    merged.set(chunk, this.buffer.length);
    this.replace(merged);
    const frames: Uint8Array[] = [];
    for (;;) {
      const start = findPreamble(this.buffer);
      if (start < 0) {
        // keep a possible partial preamble at the end
        const keep = Math.min(this.buffer.length, PREAMBLE.length - 1);
        this.discarded += this.buffer.length - keep;
        this.replace(this.buffer.slice(this.buffer.length - keep));
        return frames;
      }
      if (start > 0) {
        this.discarded += start;
        this.replace(this.buffer.slice(start));
      }
      if (this.buffer.length < HEADER) return frames;
      const len = (this.buffer[5]! << 8) | this.buffer[6]!;
      if (len < 2 || len > MAX_LEN) {
        this.discarded += 1;
        this.replace(this.buffer.slice(1));
        continue;
      }
      if (this.buffer.length < HEADER + len) return frames;
      frames.push(this.buffer.slice(0, HEADER + len));
      this.replace(this.buffer.slice(HEADER + len));
    }
  }

  reset(): void {
    this.replace(new Uint8Array(0));
  }

  private replace(next: Uint8Array): void {
    this.buffer.fill(0);
    this.buffer = next;
  }
}

function findPreamble(b: Uint8Array): number {
  outer: for (let i = 0; i + PREAMBLE.length <= b.length; i++) {
    for (let j = 0; j < PREAMBLE.length; j++) if (b[i + j] !== PREAMBLE[j]) continue outer;
    return i;
  }
  return -1;
}

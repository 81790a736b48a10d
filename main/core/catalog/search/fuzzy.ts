/**
 * Smallest edit distance between `pattern` and any substring of `text` (Myers' bit-parallel algorithm, 1999),
 * or `maxEdits + 1` when it is larger. Patterns longer than 31 characters are cut to 31.
 * Runs in O(text length) per call, which is what makes a typo pass over every name affordable per keystroke.
 */
export class ApproximateMatcher {
  /** Bit i set where the pattern has character c at position i; index by char code (ASCII only is enough: pinyin). */
  private readonly peq = new Int32Array(128);
  private readonly m: number;
  private readonly high: number;
  private readonly mask: number;

  constructor(pattern: string) {
    const p = pattern.slice(0, 31);
    this.m = p.length;
    this.high = 1 << (this.m - 1);
    this.mask = this.m === 31 ? 0x7fffffff : (1 << this.m) - 1;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 128) this.peq[c]! |= 1 << i;
    }
  }

  distance(text: string, maxEdits: number): number {
    const m = this.m;
    if (m === 0) return 0;
    let pv = this.mask;
    let mv = 0;
    let score = m;
    let best = m;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      const eq = c < 128 ? this.peq[c]! : 0;
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) & this.mask) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & this.high) score++;
      else if (mh & this.high) score--;
      ph = (ph << 1) & this.mask;
      mh = (mh << 1) & this.mask;
      pv = (mh | ~(xv | ph)) & this.mask;
      mv = ph & xv;
      if (score < best) {
        best = score;
        if (best === 0) return 0;
      }
    }
    return best <= maxEdits ? best : maxEdits + 1;
  }
}

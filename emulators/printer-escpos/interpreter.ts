/**
 * The receipt printer's side of ESC/POS: consumes the byte stream as a printer's firmware does and lays the
 * receipt out as text. Written from the ESC/POS command reference; shares nothing with the kiosk's codec.
 */

export interface Flags {
  offline: boolean;
  coverOpen: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  noAnswer: boolean;
}

export interface PrintedLine {
  text: string;
  align: 'left' | 'center' | 'right';
  width: number;
  height: number;
  bold: boolean;
}

export type Printed =
  { kind: 'line'; line: PrintedLine } | { kind: 'qr'; data: string } | { kind: 'feed'; lines: number } | { kind: 'cut' };

/** Bits 1 and 4 are always set in a real-time status byte; the rest per DLE EOT n (ESC/POS reference). */
export function statusByte(n: number, f: Flags): number {
  const base = 0x12;
  switch (n) {
    case 1:
      return base | (f.offline ? 0x08 : 0);
    case 2:
      return base | (f.coverOpen ? 0x04 : 0) | (f.paperEnd ? 0x20 : 0) | (f.cutterError ? 0x40 : 0);
    case 3:
      return base | (f.cutterError ? 0x08 : 0);
    case 4:
      return base | (f.paperNearEnd || f.paperEnd ? 0x0c : 0) | (f.paperEnd ? 0x60 : 0);
    default:
      return base;
  }
}

export class EscPosInterpreter {
  private pending: number[] = [];
  private text: number[] = [];
  private align: PrintedLine['align'] = 'left';
  private width = 1;
  private height = 1;
  private bold = false;
  private cjk = false;
  private qrData = '';
  private readonly gb = new TextDecoder('gb18030');

  constructor(
    private readonly out: (p: Printed) => void,
    private readonly answer: (byte: number) => void,
    private readonly flags: () => Flags,
  ) {}

  feed(chunk: Uint8Array): void {
    this.pending.push(...chunk);
    for (;;) {
      const used = this.step();
      if (used === 0) return;
      this.pending = this.pending.slice(used);
    }
  }

  /** Handles one command or text byte at the head of `pending`; returns bytes consumed (0: need more). */
  private step(): number {
    const p = this.pending;
    if (p.length === 0) return 0;
    const need = (n: number) => p.length >= n;
    const b = p[0]!;
    if (b === 0x10) {
      if (!need(3)) return 0;
      if (p[1] === 0x04 && !this.flags().noAnswer) this.answer(statusByte(p[2]!, this.flags()));
      return 3;
    }
    if (b === 0x0a) {
      this.flushLine();
      return 1;
    }
    if (b === 0x1b) {
      if (!need(2)) return 0;
      const c = p[1]!;
      if (c === 0x40) {
        this.align = 'left';
        this.width = this.height = 1;
        this.bold = false;
        return 2;
      }
      if (!need(3)) return 0;
      if (c === 0x61) this.align = (['left', 'center', 'right'] as const)[p[2]! % 3]!;
      else if (c === 0x45) this.bold = (p[2]! & 1) === 1;
      else if (c === 0x64) this.out({ kind: 'feed', lines: p[2]! });
      return 3;
    }
    if (b === 0x1c) {
      if (!need(2)) return 0;
      if (p[1] === 0x26) this.cjk = true;
      else if (p[1] === 0x2e) this.cjk = false;
      return 2;
    }
    if (b === 0x1d) {
      if (!need(3)) return 0;
      const c = p[1]!;
      if (c === 0x21) {
        this.width = ((p[2]! >> 4) & 7) + 1;
        this.height = (p[2]! & 7) + 1;
        return 3;
      }
      if (c === 0x56) {
        const m = p[2]!;
        const len = m === 65 || m === 66 ? 4 : 3;
        if (!need(len)) return 0;
        this.flushLine();
        this.out({ kind: 'cut' });
        return len;
      }
      if (c === 0x28 && p[2] === 0x6b) {
        if (!need(5)) return 0;
        const len = p[3]! | (p[4]! << 8);
        if (!need(5 + len)) return 0;
        const [cn, fn] = [p[5], p[6]];
        if (cn === 0x31 && fn === 0x50) this.qrData = new TextDecoder().decode(Uint8Array.from(p.slice(8, 5 + len)));
        if (cn === 0x31 && fn === 0x51) {
          this.flushLine();
          this.out({ kind: 'qr', data: this.qrData });
        }
        return 5 + len;
      }
      return 3;
    }
    if (b < 0x20) return 1; // other control bytes: ignored, as firmware does
    this.text.push(b);
    return 1;
  }

  private flushLine(): void {
    if (this.text.length === 0) return;
    const bytes = Uint8Array.from(this.text);
    this.text = [];
    const text = this.cjk ? this.gb.decode(bytes) : String.fromCharCode(...bytes);
    this.out({ kind: 'line', line: { text, align: this.align, width: this.width, height: this.height, bold: this.bold } });
  }
}

/** Columns a string takes on an 80 mm head (CJK characters are double width). */
export const columns = (s: string): number => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x7f ? 2 : 1), 0);

/** The receipt as plain text, 48 columns, alignment and size applied — what tests and the control panel show. */
export function receiptText(items: Printed[], width = 48): string {
  const out: string[] = [];
  for (const it of items) {
    if (it.kind === 'feed') for (let i = 0; i < it.lines; i++) out.push('');
    else if (it.kind === 'cut') out.push('-'.repeat(width));
    else if (it.kind === 'qr') out.push(pad(`[QR ${it.data}]`, 'center', width));
    else {
      const text = it.line.width > 1 ? [...it.line.text].join(' ') : it.line.text;
      out.push(pad(text, it.line.align, width));
    }
  }
  return out.join('\n') + '\n';
}

function pad(s: string, align: PrintedLine['align'], width: number): string {
  const free = Math.max(0, width - columns(s));
  const left = align === 'center' ? Math.floor(free / 2) : align === 'right' ? free : 0;
  return ' '.repeat(left) + s;
}

/**
 * A receipt as the core composes it, independent of the printer's protocol: lines of text with alignment and
 * size, QR codes, blank feed and a cut. The receipt printer driver turns it into its own bytes (ESC/POS with the
 * model's encoding today); no encoding or command byte ever appears in the core.
 */
export type ReceiptBlock =
  | { kind: 'text'; text: string; align?: 'left' | 'center' | 'right'; size?: 1 | 2; bold?: boolean }
  | { kind: 'qr'; data: string; align?: 'left' | 'center' | 'right' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export interface ReceiptDocument {
  blocks: ReceiptBlock[];
}

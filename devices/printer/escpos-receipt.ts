import { ReceiptBuilder, type Align, type ReceiptOptions } from './escpos-codec.js';
import type { ReceiptDocument } from './receipt-document.js';

/**
 * A receipt document as ESC/POS bytes for one printer model (its encoding and Chinese mode). Alignment, size and
 * bold are sent only when they change; text blocks carry their own, so a block never inherits the last one's.
 */
export function encodeReceipt(doc: ReceiptDocument, model: ReceiptOptions = {}): Uint8Array {
  const b = new ReceiptBuilder(model);
  let align: Align = 'left';
  let size = 1;
  let bold = false;
  const setAlign = (a: Align) => {
    if (a !== align) b.align((align = a));
  };
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'text': {
        setAlign(block.align ?? 'left');
        const s = block.size ?? 1;
        if (s !== size) b.size((size = s), s);
        const heavy = block.bold ?? false;
        if (heavy !== bold) b.bold((bold = heavy));
        b.line(block.text);
        break;
      }
      case 'qr':
        setAlign(block.align ?? 'center');
        b.qr(block.data);
        break;
      case 'feed':
        b.feed(block.lines);
        break;
      case 'cut':
        b.cut();
        break;
    }
  }
  return b.bytes();
}

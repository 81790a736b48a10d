import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { DocumentScanner, ScanFormat, ScannedPage } from '../../devices/scanner/index.js';
import { EsclScanner } from '../../devices/scanner/escl-scanner.js';
import { SaneScanner } from '../../devices/scanner/sane-scanner.js';

const usageLine = `usage: npm run -s diag -- scanner status --uri URI
       npm run -s diag -- scanner scan --uri URI --out FILE.png|.jpg|.pdf [--source platen|feeder] [--resolution 300] [--mode color|gray]
URI is an eSCL root (http://HOST[:PORT]/eSCL/) or sane:DEVICE (e.g. sane:test)
`;

const formatOf: Record<string, ScanFormat> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.pdf': 'application/pdf',
};

function scannerAt(uri: string): DocumentScanner | null {
  if (uri.startsWith('sane:') && uri.length > 5) return new SaneScanner({ id: 'diag', device: uri.slice(5) });
  if (/^https?:\/\/.+/.test(uri)) return new EsclScanner({ id: 'diag', url: uri });
  return null;
}

/** All pages in one PDF: images each on a page of their scanned size, PDF pages copied. */
async function joinAsPdf(pages: ScannedPage[], resolution: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const p of pages) {
    if (p.mime === 'application/pdf') {
      const src = await PDFDocument.load(p.bytes);
      for (const page of await doc.copyPages(src, src.getPageIndices())) doc.addPage(page);
      continue;
    }
    const image = p.mime === 'image/png' ? await doc.embedPng(p.bytes) : await doc.embedJpg(p.bytes);
    const w = (image.width / resolution) * 72;
    const h = (image.height / resolution) * 72;
    doc.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
  }
  return doc.save();
}

const failed = (e: { code: string; messageKey: string; detail: string }) => ({
  code: 1,
  out: JSON.stringify({ ok: false, error: e.code, messageKey: e.messageKey, detail: e.detail }) + '\n',
  err: '',
});

/**
 * `diag scanner status|scan`: the scanner's condition, or one scan written to a file (PNG, JPEG or PDF by the
 * extension; a feeder's pages go into one PDF, or FILE-1.png, FILE-2.png… for images). JSON on stdout; exit 0 only on
 * success, 1 on a scanner fault (typed), 2 on bad usage.
 */
export async function scannerCommand(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [sub, ...rest] = args;
  const opt = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const uri = opt('--uri');
  const scanner = uri ? scannerAt(uri) : null;
  if (!scanner || (sub !== 'status' && sub !== 'scan')) return { code: 2, out: '', err: usageLine };

  if (sub === 'status') {
    const r = await scanner.snapshot();
    if (!r.ok) return failed(r.error);
    return { code: 0, out: JSON.stringify({ state: r.value.state, adf: r.value.adf, reasons: r.value.reasons }) + '\n', err: '' };
  }

  const out = opt('--out');
  const format = out ? formatOf[path.extname(out).toLowerCase()] : undefined;
  const source = opt('--source') ?? 'platen';
  const mode = opt('--mode') ?? 'color';
  const resolution = Number(opt('--resolution') ?? 300);
  if (!out || !format || (source !== 'platen' && source !== 'feeder') || (mode !== 'color' && mode !== 'gray'))
    return { code: 2, out: '', err: usageLine };
  if (!Number.isInteger(resolution) || resolution < 50 || resolution > 1200) return { code: 2, out: '', err: usageLine };

  const progress: number[] = [];
  const r = await scanner.scan(
    // pages for a PDF come as JPEG (compact) and are joined here, so one file holds the whole feeder
    { source, mode, resolution, format: format === 'application/pdf' ? 'image/jpeg' : format },
    { onPage: (n) => progress.push(n), timeoutMs: 300_000 },
  );
  if (!r.ok) return failed(r.error);
  const pages = r.value;
  const files: string[] = [];
  if (format === 'application/pdf') {
    await writeFile(out, await joinAsPdf(pages, resolution));
    files.push(out);
  } else if (pages.length === 1) {
    await writeFile(out, pages[0]!.bytes);
    files.push(out);
  } else {
    const ext = path.extname(out);
    for (const [i, p] of pages.entries()) {
      const file = `${out.slice(0, -ext.length)}-${i + 1}${ext}`;
      await writeFile(file, p.bytes);
      files.push(file);
    }
  }
  return {
    code: 0,
    out: JSON.stringify({ ok: true, source, pages: pages.length, mime: pages.map((p) => p.mime), files }) + '\n',
    err: '',
  };
}

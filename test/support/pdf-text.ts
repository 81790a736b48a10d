import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Text of a PDF as poppler's pdftotext reads it (throws, failing the test, if poppler finds the file damaged). */
export function pdfText(bytes: Uint8Array, opts: { page?: number } = {}): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 'doc.pdf');
  writeFileSync(file, bytes);
  const pages = opts.page ? ['-f', String(opts.page), '-l', String(opts.page)] : [];
  return execFileSync('pdftotext', ['-layout', ...pages, file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

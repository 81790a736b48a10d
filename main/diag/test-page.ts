import { IppPrinter } from '../../devices/printer/ipp-printer.js';
import { composeTestPage } from '../core/documents/test-page.js';

/** `diag printer test-page`: composes the A4 test page and prints it; exit 0 only when the job completed. */
export async function printTestPage(uri: string, terminalId: string, timeZone: string): Promise<{ code: number; out: string }> {
  const pdf = await composeTestPage({ terminalId, printerUri: uri, at: new Date(), timeZone });
  const printer = new IppPrinter({ id: 'diag', uri });
  const r = await printer.print(pdf, { jobName: `test page ${terminalId}`, timeoutMs: 120_000 });
  if (!r.ok) return { code: 1, out: JSON.stringify({ ok: false, error: r.error.code, detail: r.error.detail }) + '\n' };
  return { code: 0, out: JSON.stringify({ ok: true, jobId: r.value.jobId, pages: r.value.pages, bytes: pdf.length }) + '\n' };
}

import { IppPrinter } from '../../devices/printer/ipp-printer.js';

/** `diag printer status --uri`: the printer's condition as JSON (exit 1 when it cannot be reached). */
export async function printerStatus(uri: string): Promise<{ code: number; out: string }> {
  const printer = new IppPrinter({ id: 'diag', uri });
  const r = await printer.snapshot();
  if (!r.ok) return { code: 1, out: JSON.stringify({ ok: false, error: r.error.code, detail: r.error.detail }) + '\n' };
  const s = r.value;
  return {
    code: 0,
    out:
      JSON.stringify({
        state: s.state,
        reasons: s.reasons,
        supplies: s.supplies.map((x) => ({ name: x.name, level: x.level })),
        acceptingJobs: s.acceptingJobs,
      }) + '\n',
  };
}

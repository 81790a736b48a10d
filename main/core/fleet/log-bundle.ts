import { maskPersonalData, maskText } from '../log/mask.js';

/**
 * The logs a technician asks for from afar: terminal facts and the latest audit entries, masked again (audit
 * details are masked when written; free text could still hold a number) and uploaded with one HTTP PUT.
 */
export function composeLogBundle(parts: {
  terminalId: string;
  version: string;
  entries: unknown[];
  extra?: Record<string, unknown>;
}): string {
  const lines = [
    JSON.stringify({
      kind: 'terminal',
      terminalId: parts.terminalId,
      version: parts.version,
      at: new Date().toISOString(),
      ...parts.extra,
    }),
    ...parts.entries.map((e) => maskText(JSON.stringify(maskPersonalData(e)))),
  ];
  return lines.join('\n') + '\n';
}

export async function uploadLogBundle(
  url: string,
  body: string,
  signal?: AbortSignal,
): Promise<{ ok: true } | { ok: false; detail: string }> {
  try {
    const res = await fetch(url, {
      method: 'PUT',
      body,
      headers: { 'content-type': 'application/x-ndjson' },
      signal: signal ?? AbortSignal.timeout(60_000),
    });
    return res.ok ? { ok: true } : { ok: false, detail: `HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, detail: (err as Error).message };
  }
}

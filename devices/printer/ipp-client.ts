import { deviceError, type DeviceError } from '../core/errors.js';
import { err, ok, type Result } from '../core/result.js';
import { httpExchange } from '../core/transports/http.js';
import { decodeIpp, encodeIpp, GroupTag, ipp, ValueTag, type IppAttribute, type IppMessage } from './ipp-codec.js';

export const IppOp = {
  printJob: 0x0002,
  validateJob: 0x0004,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getPrinterAttributes: 0x000b,
} as const;

/** ipp://host[:631]/path → http://host:631/path (RFC 8010 §4, RFC 3510). */
export function httpUrlOf(uri: string): string {
  const u = new URL(uri);
  if (u.protocol !== 'ipp:' && u.protocol !== 'ipps:') return uri;
  return `${u.protocol === 'ipps:' ? 'https' : 'http'}://${u.hostname}:${u.port || '631'}${u.pathname}${u.search}`;
}

/** One IPP request/response over HTTP, with timeout and cancellation; IPP status ≥ 0x0400 is a typed error. */
export class IppClient {
  private requestId = 1;

  constructor(
    readonly uri: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(
    operation: number,
    attrs: IppAttribute[],
    opts: { job?: IppAttribute[]; document?: Uint8Array; signal?: AbortSignal; timeoutMs?: number } = {},
  ): Promise<Result<IppMessage, DeviceError & { ippStatus?: number }>> {
    const requestId = this.requestId++;
    const groups = [
      {
        tag: GroupTag.operation,
        attributes: [
          ipp.str(ValueTag.charset, 'attributes-charset', 'utf-8'),
          ipp.str(ValueTag.naturalLanguage, 'attributes-natural-language', 'en'),
          ipp.str(ValueTag.uri, 'printer-uri', this.uri),
          ipp.str(ValueTag.name, 'requesting-user-name', 'kiosk'),
          ...attrs,
        ],
      },
      ...(opts.job?.length ? [{ tag: GroupTag.job, attributes: opts.job }] : []),
    ];
    const body = encodeIpp({ version: 0x0200, code: operation, requestId, groups, data: opts.document ?? new Uint8Array(0) });
    const reply = await httpExchange(httpUrlOf(this.uri), {
      method: 'POST',
      headers: { 'content-type': 'application/ipp' },
      body,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs ?? this.timeoutMs,
    });
    if (!reply.ok) return reply;
    if (reply.value.status !== 200) return err(deviceError('hardwareError', `${this.uri}: HTTP ${reply.value.status}`));
    const decoded = decodeIpp(reply.value.body);
    if (!decoded.ok) return err(deviceError('invalidData', `${this.uri}: ${decoded.error.code}: ${decoded.error.detail}`));
    const m = decoded.value;
    if (m.requestId !== requestId)
      return err(deviceError('invalidData', `${this.uri}: reply for request ${m.requestId}, expected ${requestId}`));
    if (m.code >= 0x0400) {
      const message = m.groups[0]?.attributes.find((a) => a.name === 'status-message')?.values[0];
      const text = message?.kind === 'string' ? `: ${message.value}` : '';
      const code = m.code === 0x0507 || m.code === 0x0506 ? 'deviceNotReady' : m.code >= 0x0500 ? 'hardwareError' : 'invalidData';
      return err({ ...deviceError(code, `${this.uri}: IPP status 0x${m.code.toString(16).padStart(4, '0')}${text}`), ippStatus: m.code });
    }
    return ok(m);
  }
}

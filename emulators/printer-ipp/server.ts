import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatsSupported, jobAttributes, printerAttributes, selectAttributes, type Entry } from './attributes.js';
import { EmulatedPrinter, JobState } from './printer.js';
import { first, readRequest, ResponseWriter, Tag, WireError, type WireRequest } from './wire.js';

/** RFC 8011 §B status codes the emulator answers with. */
const Status = {
  ok: 0x0000,
  badRequest: 0x0400,
  notFound: 0x0406,
  formatNotSupported: 0x040a,
  notPossible: 0x0404,
  compressionNotSupported: 0x040f,
  internal: 0x0500,
  operationNotSupported: 0x0501,
  versionNotSupported: 0x0503,
  notAccepting: 0x0506,
  busy: 0x0507,
} as const;

const Op = {
  printJob: 0x0002,
  validateJob: 0x0004,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getJobs: 0x000a,
  getPrinterAttributes: 0x000b,
};

/** An IPP Everywhere-style printer at /ipp/print over HTTP (RFC 8010 §4: POST, application/ipp). */
export class IppServer {
  private readonly server: http.Server;
  private base = '';

  constructor(
    readonly printer: EmulatedPrinter,
    private readonly port = 0,
  ) {
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', resolve);
    });
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return `${this.base.replace(/^http/, 'ipp')}ipp/print`;
  }

  close(): Promise<void> {
    this.printer.close();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.printer.faults.has('offline')) {
      req.socket.destroy();
      return;
    }
    if (req.method !== 'POST' || !/^\/ipp\/print(\/\d+)?$/.test(req.url ?? '')) {
      res.writeHead(req.method === 'GET' ? 200 : 405, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'GET' ? `${this.printer.stateMessage()}\n` : 'IPP requests are POSTed to /ipp/print\n');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let out: Buffer;
    try {
      out = this.answer(readRequest(Buffer.concat(chunks)));
    } catch (e) {
      const id = chunks.length && Buffer.concat(chunks).length >= 8 ? Buffer.concat(chunks).readInt32BE(4) : 0;
      out = this.status(e instanceof WireError ? Status.badRequest : Status.internal, id, (e as Error).message).finish();
    }
    res.writeHead(200, { 'content-type': 'application/ipp', 'content-length': out.length });
    res.end(out);
  }

  /** Answers in the version the client spoke (§4.1.8), falling back to 1.1 for versions it does not. */
  private version: [number, number] = [1, 1];

  private status(code: number, requestId: number, message?: string): ResponseWriter {
    const w = new ResponseWriter(code, requestId, this.version)
      .group(Tag.operation)
      .attr(Tag.charset, 'attributes-charset', 'utf-8')
      .attr(Tag.naturalLanguage, 'attributes-natural-language', 'en');
    if (message) w.attr(Tag.text, 'status-message', message);
    return w;
  }

  private answer(r: WireRequest): Buffer {
    this.version = r.major === 2 && r.minor <= 2 ? [2, r.minor] : [1, 1];
    if (r.major < 1 || r.major > 2) return this.status(Status.versionNotSupported, r.requestId, 'IPP 1.1 and 2.0 only').finish();
    if (r.requestId <= 0) return this.status(Status.badRequest, r.requestId, 'request-id must be greater than 0').finish();
    const op = r.groups[0];
    // §4.1.4: the first two operation attributes are the charset and then the natural language
    if (op?.tag !== Tag.operation || op.attrs[0]?.name !== 'attributes-charset' || op.attrs[1]?.name !== 'attributes-natural-language')
      return this.status(Status.badRequest, r.requestId, 'attributes-charset and attributes-natural-language must come first').finish();
    if (!first(op, 'printer-uri') && !first(op, 'job-uri'))
      return this.status(Status.badRequest, r.requestId, 'printer-uri is missing').finish();
    const requested = op.attrs.find((a) => a.name === 'requested-attributes')?.values.map((v) => String(v.value)) ?? null;
    const p = this.printer;

    switch (r.operation) {
      case Op.getPrinterAttributes:
        return this.withEntries(
          this.status(Status.ok, r.requestId),
          Tag.printer,
          selectAttributes(printerAttributes(p, this.base), requested, 'all'),
        ).finish();
      case Op.validateJob:
      case Op.printJob: {
        const format = String(first(op, 'document-format')?.value ?? 'application/octet-stream');
        const compression = String(first(op, 'compression')?.value ?? 'none');
        if (compression !== 'none') return this.status(Status.compressionNotSupported, r.requestId, `compression ${compression}`).finish();
        if (!formatsSupported.includes(format))
          return this.status(Status.formatNotSupported, r.requestId, `cannot print ${format}`).finish();
        if (p.faults.has('busy')) return this.status(Status.busy, r.requestId, 'printer is busy').finish();
        if (r.operation === Op.validateJob) return this.status(Status.ok, r.requestId).finish();
        const jobGroup = r.groups.find((g) => g.tag === Tag.job);
        const copies = Number(first(jobGroup, 'copies')?.value ?? 1);
        const job = p.submit({
          name: String(first(op, 'job-name')?.value ?? 'untitled'),
          user: String(first(op, 'requesting-user-name')?.value ?? 'anonymous'),
          format,
          copies: Number.isInteger(copies) && copies >= 1 && copies <= 99 ? copies : 1,
          document: r.document,
        });
        const attrs = jobAttributes(p, job, this.base).filter((x) =>
          ['job-id', 'job-uri', 'job-state', 'job-state-reasons', 'job-state-message', 'number-of-intervening-jobs'].includes(x.name),
        );
        return this.withEntries(this.status(Status.ok, r.requestId), Tag.job, attrs).finish();
      }
      case Op.getJobAttributes:
      case Op.cancelJob: {
        const id = Number(first(op, 'job-id')?.value ?? /\/(\d+)$/.exec(String(first(op, 'job-uri')?.value ?? ''))?.[1] ?? NaN);
        const job = p.jobs.find((j) => j.id === id);
        if (!job) return this.status(Status.notFound, r.requestId, `no job ${id}`).finish();
        if (r.operation === Op.cancelJob)
          return p.cancel(job)
            ? this.status(Status.ok, r.requestId).finish()
            : this.status(Status.notPossible, r.requestId, 'job already finished').finish();
        return this.withEntries(
          this.status(Status.ok, r.requestId),
          Tag.job,
          selectAttributes(jobAttributes(p, job, this.base), requested, 'all'),
        ).finish();
      }
      case Op.getJobs: {
        const which = String(first(op, 'which-jobs')?.value ?? 'not-completed');
        const mine = first(op, 'my-jobs')?.value === true;
        const user = String(first(op, 'requesting-user-name')?.value ?? '');
        const jobs = p.jobs
          .filter((j) => (which === 'all' ? true : which === 'completed' ? j.state >= JobState.canceled : j.state < JobState.canceled))
          .filter((j) => !mine || j.user === user)
          .reverse();
        const w = this.status(Status.ok, r.requestId);
        for (const j of jobs)
          this.withEntries(w, Tag.job, selectAttributes(jobAttributes(p, j, this.base), requested, ['job-id', 'job-uri']));
        return w.finish();
      }
      default:
        return this.status(Status.operationNotSupported, r.requestId, `operation 0x${r.operation.toString(16)} is not supported`).finish();
    }
  }

  private withEntries(w: ResponseWriter, group: number, entries: Entry[]): ResponseWriter {
    w.group(group);
    for (const x of entries) w.attr(x.tag, x.name, ...x.values);
    return w;
  }
}

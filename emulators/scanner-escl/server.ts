import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderPage } from './pages.js';
import type { EmulatedScanner } from './scanner.js';
import { capabilitiesXml, parseScanSettings, SettingsError, statusXml } from './xml.js';

/**
 * eSCL over HTTP at /eSCL/: GET ScannerCapabilities and ScannerStatus, POST ScanJobs (201 + Location),
 * GET ScanJobs/{id}/NextDocument (200 page, 404 when the job has no more, 409 on a feeder fault, 503 when busy),
 * DELETE ScanJobs/{id} to cancel.
 */
export class EsclServer {
  private readonly server: http.Server;
  private base = '';
  private readonly uuid = randomUUID();

  constructor(
    readonly scanner: EmulatedScanner,
    private readonly port = 0,
  ) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e: Error) => {
        if (!res.headersSent) this.reply(res, 500, 'text/plain', `${e.message}\n`);
      });
    });
    // switching "offline" on drops open keep-alive connections too, as pulling the cable does
    scanner.on('fault', (name: string, on: boolean) => {
      if (name === 'offline' && on) this.server.closeAllConnections();
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', resolve);
    });
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/eSCL/`;
    return this.base;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private reply(
    res: http.ServerResponse,
    status: number,
    type: string,
    body: string | Uint8Array,
    headers: Record<string, string> = {},
  ): void {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
    res.writeHead(status, { 'content-type': type, 'content-length': bytes.length, ...headers });
    res.end(bytes);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const s = this.scanner;
    if (s.faults.has('offline')) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', this.base);
    const path = url.pathname.replace(/\/+$/, '');
    const xml = 'text/xml; charset=utf-8';
    if (req.method === 'GET' && path === '/eSCL/ScannerCapabilities')
      return this.reply(res, 200, xml, capabilitiesXml(this.base, this.uuid));
    if (req.method === 'GET' && path === '/eSCL/ScannerStatus') return this.reply(res, 200, xml, statusXml(s));
    if (req.method === 'POST' && path === '/eSCL/ScanJobs') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (s.faults.has('busy')) {
        s.busyRefusals++;
        s.emit('busyRefused', s.busyRefusals);
        return this.reply(res, 503, 'text/plain', 'busy with another job\n', { 'retry-after': '1' });
      }
      let settings;
      try {
        settings = parseScanSettings(Buffer.concat(chunks).toString('utf8'));
      } catch (e) {
        if (e instanceof SettingsError) return this.reply(res, 409, 'text/plain', `${e.message}\n`);
        throw e;
      }
      if (settings.source === 'Feeder') {
        const problem = s.feederProblem();
        if (problem) return this.reply(res, 409, 'text/plain', `${problem}\n`);
      }
      const job = s.create(settings);
      res.writeHead(201, { location: `${this.base}ScanJobs/${job.id}`, 'content-length': 0 });
      res.end();
      return;
    }
    const m = /^\/eSCL\/ScanJobs\/([0-9a-f-]+)(\/NextDocument)?$/.exec(path);
    const job = m ? s.find(m[1]!) : undefined;
    if (m && req.method === 'DELETE' && !m[2]) {
      if (!job) return this.reply(res, 404, 'text/plain', 'no such job\n');
      s.cancel(job);
      return this.reply(res, 200, 'text/plain', '');
    }
    if (m && req.method === 'GET' && m[2]) {
      if (!job) return this.reply(res, 404, 'text/plain', 'no such job\n');
      s.emit('nextDocument', job);
      if (s.faults.has('slow') && job.state === 'Processing') {
        const gone = await new Promise<boolean>((resolve) => {
          const t = setTimeout(() => resolve(false), s.slowMs);
          res.once('close', () => {
            clearTimeout(t);
            resolve(true);
          });
        });
        if (gone) return;
      }
      const next = s.next(job);
      if ('done' in next) return this.reply(res, 404, 'text/plain', 'no more pages\n');
      if ('fault' in next) return this.reply(res, 409, 'text/plain', `${next.fault}\n`);
      const st = job.settings;
      const body = await renderPage({
        kind: next.page,
        resolution: st.resolution,
        gray: st.colorMode === 'Grayscale8',
        format: st.format,
        region: st.region,
      });
      return this.reply(res, 200, st.format, body);
    }
    if (req.method === 'GET' && (path === '' || path === '/eSCL'))
      return this.reply(res, 200, 'text/plain', `eSCL scanner: ${s.state()}\n`);
    return this.reply(res, 404, 'text/plain', 'not found\n');
  }
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationRoutes } from './application-routes.js';
import { SignatureVerifier, type SignatureAlgorithm } from './auth.js';
import { CaseBook } from './case-book.js';
import { ProofDesk } from './proof-desk.js';
import { PaymentGateway, type GatewayTimings } from './payment-gateway.js';
import { handlePaymentRoute, handleStatementRoute } from './payment-routes.js';
import type { CatalogVersions } from './versions.js';

export const platformFaults = [
  { name: 'offline', help: 'drop every connection (network down)' },
  { name: 'slow', help: 'answer every request after 5 s' },
  { name: 'serverError', help: 'answer 500 to every request' },
  { name: 'cutMidSync', help: 'cut the connection halfway through every catalog page after the first' },
  { name: 'malformedPage', help: 'pages after the first carry a matter whose name is a number' },
  { name: 'rollback', help: 'claim catalog version 1 (as after restoring an old backup)' },
  { name: 'dropAck', help: 'store an evaluation, then cut the connection before answering (a lost reply)' },
  { name: 'badHash', help: 'issue proofs whose sha256 does not match the document' },
  { name: 'fieldRejected', help: 'refuse every new application, naming one field of its form (the resident corrects it)' },
  { name: 'uploadCut', help: 'cut the connection halfway through the first chunk of every upload (the terminal resumes)' },
  { name: 'duplicateSubmission', help: 'store each new application, then cut the connection before answering (the repeat gets the case)' },
] as const;
export type PlatformFault = (typeof platformFaults)[number]['name'];

export interface PlatformServerOptions {
  versions: CatalogVersions;
  /** The shared secret of every terminal the emulator accepts. */
  secret: string;
  port?: number;
  host?: string;
  /** The platform's public web address, in QR codes and links it hands out (verification, progress). */
  publicUrl?: string;
  /** Signature algorithms accepted (default: HMAC-SHA256 and HMAC-SM3). */
  signatureAlgorithms?: readonly SignatureAlgorithm[];
  /** The payment gateway: its ledger file (--ledger) and timings (tests and the crash bench shrink them). */
  payments?: { ledgerFile?: string; timings?: Partial<GatewayTimings> };
  /** Upload chunk size in bytes (default 256 KiB; tests shrink it to see several chunks). */
  uploadChunkSize?: number;
}

export const defaultPublicUrl = 'https://zwfw.example.gov.cn';

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}

/** The platform API over HTTP (paths and replies as in main/core/platform/openapi.yaml). */
export class PlatformServer {
  readonly faults = new Set<PlatformFault>();
  readonly requests: RequestRecord[] = [];
  readonly proofs: ProofDesk;
  readonly cases: CaseBook;
  readonly payments: PaymentGateway;
  /** Application forms, e-licences, uploads and submissions (with a delivery count per idempotency key). */
  readonly applications: ApplicationRoutes;
  /** Evaluations received, by idempotency key (a repeated key is acknowledged, not stored again). */
  readonly evaluations = new Map<string, { evaluationId: string; terminal: string; body: Record<string, unknown> }>();
  private readonly server: http.Server;
  private readonly verifier: SignatureVerifier;

  constructor(private readonly options: PlatformServerOptions) {
    this.verifier = new SignatureVerifier(() => options.secret, undefined, undefined, options.signatureAlgorithms);
    const publicUrl = options.publicUrl ?? defaultPublicUrl;
    this.proofs = new ProofDesk({ publicUrl });
    this.cases = new CaseBook(options.versions.snapshot(options.versions.current), { publicUrl });
    this.payments = new PaymentGateway({ publicUrl, ...options.payments });
    this.applications = new ApplicationRoutes({
      publicUrl,
      chunkSize: options.uploadChunkSize,
      matter: (id) => options.versions.snapshot(options.versions.current).get(id),
      record: (holderId, queryCode, reply) => this.cases.add(holderId, queryCode, reply),
    });
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  /** Proof cases opened (a replayed idempotency key does not open another). */
  get proofsIssued(): number {
    return this.proofs.issued;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve);
    });
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.faults.has('uploadCut') && !this.faults.has('offline') && (await this.applications.cutMidChunk(req))) {
      this.requests.push({ method: 'PUT', path: new URL(req.url ?? '/', 'http://platform').pathname, query: {}, status: -5 });
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://platform');
    const record: RequestRecord = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
    };
    this.requests.push(record);
    if (this.requests.length > 1000) this.requests.shift();

    if (this.faults.has('offline')) {
      record.status = -1;
      req.socket.destroy();
      return;
    }
    if (this.faults.has('slow')) await new Promise((r) => setTimeout(r, 5000));
    const send = (status: number, payload: unknown) => {
      record.status = status;
      const text = JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const fail = (status: number, code: string, message: string) => send(status, { error: { code, message } });
    if (this.faults.has('serverError')) return fail(500, 'internal', 'emulated server error');

    const versions = this.options.versions;
    const current = this.faults.has('rollback') ? 1 : versions.current;
    if (req.method === 'GET' && url.pathname === '/api/v1/health') {
      return send(200, { status: 'ok', time: new Date().toISOString(), catalogVersion: current });
    }
    const authError = this.verifier.verify({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
    if (authError) return fail(401, 'unauthorized', authError);

    if (req.method === 'GET' && url.pathname === '/api/v1/catalog/changes') {
      const since = intParam(url, 'since');
      const limit = intParam(url, 'limit') ?? 500;
      if (since === null || since < 0) return fail(400, 'badRequest', 'since must be a version number (0 for everything)');
      if (limit < 1 || limit > 2000) return fail(400, 'badRequest', 'limit must be 1–2000');
      const target = intParam(url, 'version') ?? current;
      if (!versions.has(target) || target > current) return fail(410, 'gone', `version ${target} is not available; start again`);
      const from = since > target ? 0 : since;
      if (from > 0 && !versions.has(from)) return fail(410, 'gone', `version ${since} is not available; start again`);
      const cursor = url.searchParams.get('cursor');
      const offset = cursor ? Number(/^o(\d+)$/.exec(cursor)?.[1] ?? NaN) : 0;
      if (!Number.isInteger(offset)) return fail(400, 'badRequest', 'cursor is not one this platform issued');
      const all = versions.changes(from, target);
      const changes = all.slice(offset, offset + limit);
      const nextCursor = offset + limit < all.length ? `o${offset + limit}` : null;
      const page: Record<string, unknown> = { since: from, version: target, total: all.length, nextCursor, changes };
      if (offset > 0 && this.faults.has('malformedPage') && changes.length > 0) {
        page.changes = [{ op: 'upsert', matter: { ...(changes[0] as { matter: object }).matter, name: 12345 } }, ...changes.slice(1)];
      }
      if (offset > 0 && this.faults.has('cutMidSync')) {
        const text = JSON.stringify(page);
        record.status = -2;
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
        res.write(text.slice(0, Math.floor(text.length / 2)));
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      return send(200, page);
    }
    const terminal = String(req.headers['x-terminal-id']);
    if (req.method === 'POST' && url.pathname === '/api/v1/proofs') {
      const ask = jsonBody(body) as {
        matterId?: unknown;
        applicant?: { name?: unknown; idNumber?: unknown };
        idempotencyKey?: unknown;
      } | null;
      if (!ask) return fail(400, 'badRequest', 'body is not a JSON object');
      const key = ask.idempotencyKey;
      if (typeof key !== 'string' || !/^[\x21-\x7e]{8,64}$/.test(key))
        return fail(400, 'badRequest', 'idempotencyKey (8–64 characters) is required');
      const matter = typeof ask.matterId === 'string' ? versions.snapshot(current).get(ask.matterId) : undefined;
      if (!matter) return fail(404, 'notFound', `no matter ${String(ask.matterId)}`);
      const flows = (matter.channels as { terminal: { flows: string[] } | null }).terminal?.flows ?? [];
      if (!flows.includes('printProof')) return fail(400, 'badRequest', `${matter.name} is not issued at terminals`);
      const name = ask.applicant?.name;
      const idNumber = ask.applicant?.idNumber;
      if (typeof name !== 'string' || !name || typeof idNumber !== 'string' || !/^[0-9A-Za-z]{8,20}$/.test(idNumber))
        return fail(400, 'badRequest', 'applicant name and id number are required');
      const issued = this.proofs.issue({
        terminal,
        idempotencyKey: key,
        matter: {
          id: matter.id,
          name: matter.name,
          agency: String(matter.agency),
          resultName: (matter.result as { name: string | null }).name,
        },
        applicant: { name, idNumber },
      });
      if ('conflict' in issued) return fail(409, 'conflict', 'this idempotencyKey was used for another request');
      const reply = await issued.reply;
      if (!this.faults.has('badHash')) return send(200, reply);
      const sha256 = reply.document.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      return send(200, { ...reply, document: { ...reply.document, sha256 } });
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/cases/search') {
      const ask = jsonBody(body) as { holder?: { idNumber?: unknown } } | null;
      const idNumber = ask?.holder?.idNumber;
      // the refusal never echoes the number: replies end up in logs
      if (typeof idNumber !== 'string' || !/^[0-9A-Za-z]{8,20}$/.test(idNumber))
        return fail(400, 'badRequest', 'holder.idNumber is required');
      return send(200, { cases: this.cases.byHolder(idNumber) });
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/cases/lookup') {
      const ask = jsonBody(body) as { caseNumber?: unknown; queryCode?: unknown } | null;
      if (
        typeof ask?.caseNumber !== 'string' ||
        typeof ask.queryCode !== 'string' ||
        ask.caseNumber.length > 64 ||
        ask.queryCode.length > 12
      )
        return fail(400, 'badRequest', 'caseNumber and queryCode are required');
      const outcome = this.cases.lookup(terminal, ask.caseNumber, ask.queryCode);
      if ('found' in outcome) return send(200, { case: outcome.found });
      if (outcome.refused === 'throttled') return fail(429, 'tooManyRequests', 'too many wrong query codes; try again later');
      return fail(404, 'notFound', 'no case with this number and query code');
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/evaluations') {
      const evaluation = jsonBody(body);
      if (!evaluation) return fail(400, 'badRequest', 'body is not a JSON object');
      const key = evaluation.idempotencyKey;
      const level = evaluation.level;
      if (typeof key !== 'string' || key.length < 8) return fail(400, 'badRequest', 'idempotencyKey missing');
      if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5)
        return fail(400, 'badRequest', 'level must be 1–5');
      if (level <= 2 && !(Array.isArray(evaluation.reasons) && evaluation.reasons.length > 0))
        return fail(400, 'badRequest', 'reasons are required for levels 1 and 2');
      const seen = this.evaluations.get(key);
      if (!seen)
        this.evaluations.set(key, {
          evaluationId: `EV${this.evaluations.size + 1}`,
          terminal,
          body: evaluation,
        });
      if (this.faults.has('dropAck')) {
        record.status = -3;
        req.socket.destroy();
        return;
      }
      return send(200, { accepted: true, duplicate: seen !== undefined, evaluationId: (seen ?? this.evaluations.get(key)!).evaluationId });
    }
    const application = this.applications.handle(
      { method: req.method ?? 'GET', url, raw: body, body: req.method === 'PUT' ? null : jsonBody(body), terminal },
      { rejectField: this.faults.has('fieldRejected'), dropAfterStoring: this.faults.has('duplicateSubmission') },
    );
    if (application && 'drop' in application) {
      record.status = -6;
      req.socket.destroy();
      return;
    }
    if (application && 'status' in application) return send(application.status, application.body);
    const payment =
      handleStatementRoute(this.payments, { method: req.method ?? 'GET', url, terminal }) ??
      (await handlePaymentRoute(this.payments, { method: req.method ?? 'GET', url, body: jsonBody(body), terminal }));
    if (payment && 'drop' in payment) {
      record.status = -4;
      req.socket.destroy();
      return;
    }
    if (payment && 'delayMs' in payment) {
      await new Promise((r) => setTimeout(r, payment.delayMs));
      return send(payment.reply.status, payment.reply.body);
    }
    if (payment) return send(payment.status, payment.body);
    return fail(404, 'notFound', `no ${req.method} ${url.pathname}`);
  }
}

function jsonBody(body: Buffer): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(body.toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function intParam(url: URL, name: string): number | null {
  const v = url.searchParams.get(name);
  if (v === null || !/^\d+$/.test(v)) return null;
  return Number(v);
}

import type { Device } from '../../../devices/core/device.js';
import { isDocumentPrinter, type DocumentPrinter } from '../../../devices/printer/ipp-printer.js';
import { isReceiptPrinter, type ReceiptPrinter } from '../../../devices/printer/escpos-printer.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { IdentityService } from '../identity/identity-service.js';
import type { Logger } from '../log/logger.js';
import type { OutboxService } from '../outbox/outbox-service.js';
import type { PlatformClient } from '../platform/client.js';
import { PlatformError } from '../platform/errors.js';
import { issueProof, type IssuedProof } from '../platform/proofs.js';
import type { SessionManager } from '../session/session.js';
import type { AuditLog } from '../store/audit.js';

const SESSION_KEY = 'flow.proof';

/** A failure the resident sees: an i18n key for what happened and what to do next. */
export class FlowFailure extends Error {
  constructor(
    readonly messageKey: string,
    detail: string,
  ) {
    super(detail);
  }
}

interface CurrentProof extends IssuedProof {
  matterId: string;
  matterName: string;
  evaluated: boolean;
}

/**
 * Query and print a proof: readiness before any work, the platform issues the proof (kept in the session so a
 * failed print is reprinted without asking again), printing with page progress, the optional thermal receipt, and
 * one 好差评 evaluation per case through the outbox. Everything is dropped when the session ends.
 */
export class ProofFlow {
  constructor(
    private readonly deps: {
      session: SessionManager;
      audit: AuditLog;
      identity: IdentityService;
      catalog: CatalogService;
      platform: PlatformClient | null;
      devices: Device[];
      outbox: OutboxService;
      terminal: { id: string; outlet: string; hotline: string };
      onProgress: (p: { pagesDone: number; pages: number; copies: number }) => void;
      log: Logger;
    },
  ) {}

  private printer(): DocumentPrinter | null {
    return (this.deps.devices.find(isDocumentPrinter) as DocumentPrinter | undefined) ?? null;
  }

  private receiptPrinter(): ReceiptPrinter | null {
    return (this.deps.devices.find(isReceiptPrinter) as ReceiptPrinter | undefined) ?? null;
  }

  /** Can this terminal print now? Asked before the resident waits for anything. */
  async readiness(matterId: string): Promise<{ ready: boolean; messageKey: string | null; electronicUrl: string | null }> {
    const matter = this.deps.catalog.matter(matterId);
    const electronicUrl = matter?.guideUrl ?? null;
    const printer = this.printer();
    if (!printer) return { ready: false, messageKey: 'proof.error.noPrinter', electronicUrl };
    const r = await printer.readiness();
    return r.ok ? { ready: true, messageKey: null, electronicUrl } : { ready: false, messageKey: r.error.messageKey, electronicUrl };
  }

  async issue(matterId: string): Promise<{ caseId: string; pages: number; verificationCode: string }> {
    const existing = this.current();
    if (existing && existing.matterId === matterId) return summary(existing);
    const matter = this.deps.catalog.matter(matterId);
    if (!matter?.channels.terminal?.flows.includes('printProof'))
      throw new FlowFailure('proof.error.notHere', `matter ${matterId} is not printed at terminals`);
    const applicant = this.deps.identity.applicant();
    if (!applicant) throw new FlowFailure('proof.error.identify', 'no identified resident in this session');
    if (!this.deps.platform) throw new FlowFailure('proof.error.platform', 'no platform configured');
    let proof: IssuedProof;
    try {
      proof = await issueProof(this.deps.platform, matterId, applicant);
    } catch (e) {
      const pe = e as PlatformError;
      this.deps.log.warn({ code: pe.code, err: pe.message }, 'proof not issued');
      throw new FlowFailure(
        pe.code === 'timeout' || pe.code === 'unreachable' ? 'proof.error.platformDown' : 'proof.error.platform',
        pe.message,
      );
    }
    const current: CurrentProof = { ...proof, matterId, matterName: matter.name, evaluated: false };
    this.deps.session.put(SESSION_KEY, current);
    this.deps.log.info({ caseId: proof.caseId, pages: proof.pages }, 'proof issued');
    return summary(current);
  }

  /** The issued PDF, for the preview. */
  document(): Uint8Array {
    const c = this.current();
    if (!c) throw new FlowFailure('proof.error.none', 'no proof issued in this session');
    return c.pdf;
  }

  async print(copies: number): Promise<{ result: 'printed' } | { result: 'failed'; messageKey: string }> {
    const c = this.current();
    if (!c) throw new FlowFailure('proof.error.none', 'no proof issued in this session');
    const printer = this.printer();
    if (!printer) return { result: 'failed', messageKey: 'proof.error.noPrinter' };
    const r = await printer.print(c.pdf, {
      jobName: `${c.caseId}`,
      copies,
      timeoutMs: 60_000 + c.pages * copies * 20_000,
      onProgress: (p) => this.deps.onProgress({ pagesDone: p.pagesDone, pages: p.pages ?? c.pages * copies, copies }),
    });
    if (r.ok) {
      this.deps.log.info({ caseId: c.caseId, copies }, 'proof printed');
      this.deps.audit.append('print.completed', { caseId: c.caseId, pages: c.pages, copies });
      return { result: 'printed' };
    }
    this.deps.audit.append('print.failed', { caseId: c.caseId, pages: c.pages, copies, code: r.error.code });
    this.deps.log.warn({ caseId: c.caseId, code: r.error.code, detail: r.error.detail }, 'proof not printed');
    return { result: 'failed', messageKey: r.error.messageKey };
  }

  async receipt(): Promise<{ result: 'printed' } | { result: 'failed'; messageKey: string }> {
    const c = this.current();
    const rp = this.receiptPrinter();
    if (!c) throw new FlowFailure('proof.error.none', 'no proof issued in this session');
    if (!rp) return { result: 'failed', messageKey: 'proof.error.noReceiptPrinter' };
    const bytes = rp
      .builder()
      .align('center')
      .size(2, 2)
      .line('办理凭条')
      .size(1, 1)
      .align('left')
      .line(`办件编号：${c.caseId}`)
      .line(`事项：${c.matterName}`)
      .line(`验证码：${c.verificationCode}`)
      .line(`时间：${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`)
      .line(`终端：${this.deps.terminal.id}`)
      .align('center')
      .qr(`https://zwfw.example.gov.cn/verify/${c.verificationCode}`)
      .line(`咨询电话 ${this.deps.terminal.hotline}`)
      .feed(3)
      .cut()
      .bytes();
    const r = await rp.printReceipt(bytes);
    return r.ok ? { result: 'printed' } : { result: 'failed', messageKey: r.error.messageKey };
  }

  /** 好差评: one evaluation per case, queued in the outbox (delivered when the platform acknowledges). */
  evaluate(e: { level: number; reasons: string[]; comment: string | null }): { result: 'queued' } {
    const c = this.current();
    if (!c) throw new FlowFailure('proof.error.none', 'no case to evaluate in this session');
    if (c.evaluated) throw new FlowFailure('evaluation.error.already', `case ${c.caseId} already evaluated`);
    if (e.level <= 2 && e.reasons.length === 0)
      throw new FlowFailure('evaluation.error.reasons', 'a dissatisfied evaluation names its reasons');
    this.deps.outbox.submit('evaluation', {
      caseId: c.caseId,
      matterId: c.matterId,
      level: e.level,
      reasons: e.reasons,
      comment: e.comment,
      evaluatedAt: new Date().toISOString(),
    });
    this.deps.session.put(SESSION_KEY, { ...c, evaluated: true });
    return { result: 'queued' };
  }

  private current(): CurrentProof | undefined {
    return this.deps.session.get<CurrentProof>(SESSION_KEY);
  }
}

const summary = (c: CurrentProof) => ({ caseId: c.caseId, pages: c.pages, verificationCode: c.verificationCode });

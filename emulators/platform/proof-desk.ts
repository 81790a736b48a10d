import { createHash } from 'node:crypto';
import { proofPdf } from './proof-pdf.js';

export interface ProofRequest {
  terminal: string;
  idempotencyKey: string;
  matter: { id: string; name: string; agency: string; resultName: string | null };
  applicant: { name: string; idNumber: string };
}

const pdfPart = (pdf: Uint8Array) => ({
  contentType: 'application/pdf',
  pages: 2,
  sha256: createHash('sha256').update(pdf).digest('hex'),
  base64: Buffer.from(pdf).toString('base64'),
});
export type ProofReply = {
  caseId: string;
  verificationCode: string;
  verifyUrl: string;
  issuedAt: string;
  document: ReturnType<typeof pdfPart>;
  preview: ReturnType<typeof pdfPart>;
};

/**
 * Issues proofs idempotently: the same key from the same terminal gets the case it already has (same case number,
 * same documents), even while the first request is still being composed; the same key for a different matter or
 * applicant is a conflict. Keys are kept for a day, as real platforms keep them for a retry window.
 */
export class ProofDesk {
  /** Cases actually opened (a replay does not count). */
  issued = 0;
  private readonly byKey = new Map<string, { fingerprint: string; at: number; reply: Promise<ProofReply> }>();

  constructor(private readonly opts: { publicUrl: string; now?: () => number; keepMs?: number }) {}

  issue(r: ProofRequest): { reply: Promise<ProofReply> } | { conflict: true } {
    this.forgetOld();
    const key = `${r.terminal}\n${r.idempotencyKey}`;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([r.matter.id, r.applicant.name, r.applicant.idNumber]))
      .digest('hex');
    const seen = this.byKey.get(key);
    if (seen) return seen.fingerprint === fingerprint ? { reply: seen.reply } : { conflict: true };
    const reply = this.compose(r, ++this.issued);
    this.byKey.set(key, { fingerprint, at: this.now(), reply });
    // a failed composition is not a case: the retry may try again
    reply.catch(() => this.byKey.delete(key));
    return { reply };
  }

  private async compose(r: ProofRequest, serial: number): Promise<ProofReply> {
    const issuedAt = new Date(this.now());
    const caseId = `${r.terminal}-${issuedAt.toISOString().slice(0, 10).replace(/-/g, '')}-${String(serial).padStart(4, '0')}`;
    const verificationCode = createHash('sha256').update(caseId).digest('hex').slice(0, 10).toUpperCase();
    const verifyUrl = `${this.opts.publicUrl.replace(/\/$/, '')}/verify/${verificationCode}`;
    const content = {
      title: r.matter.resultName ?? r.matter.name,
      matterName: r.matter.name,
      agency: r.matter.agency,
      applicantName: r.applicant.name,
      idNumber: r.applicant.idNumber,
      caseId,
      verificationCode,
      verifyUrl,
      issuedAt,
    };
    const [document, preview] = await Promise.all([proofPdf(content), proofPdf({ ...content, mask: true })]);
    return {
      caseId,
      verificationCode,
      verifyUrl,
      issuedAt: issuedAt.toISOString(),
      document: pdfPart(document),
      preview: pdfPart(preview),
    };
  }

  private forgetOld(): void {
    const cutoff = this.now() - (this.opts.keepMs ?? 86_400_000);
    for (const [k, v] of this.byKey) if (v.at < cutoff) this.byKey.delete(k);
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }
}

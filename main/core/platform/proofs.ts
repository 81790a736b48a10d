import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { PlatformClient } from './client.js';
import { PlatformError } from './errors.js';
import { ProofSchema } from './schemas.js';

export interface IssuedProof {
  caseId: string;
  verificationCode: string;
  /** The platform's verification page of this proof (for QR codes on receipts and messages). */
  verifyUrl: string;
  issuedAt: string;
  pages: number;
  /** The proof as printed, with the full ID number: for the printer only. */
  pdf: Uint8Array;
  /** The same proof with the ID number and name masked: what the screen shows. */
  preview: Uint8Array;
}

export interface IssueProofOptions {
  /**
   * One key per resident request, reused for every retry of that request: the platform answers a repeated key
   * with the case it already issued (same case, same document), so a reply lost to a timeout leaves no orphan.
   */
  idempotencyKey: string;
  signal?: AbortSignal;
}

/** Asks the platform to issue a proof and checks both documents against their SHA-256 before anyone sees them. */
export async function issueProof(
  client: PlatformClient,
  matterId: string,
  applicant: { name: string; idNumber: string },
  options: IssueProofOptions,
): Promise<IssuedProof> {
  // The key goes in the body: the request signature covers the body, not arbitrary headers.
  const r = await client.post('/api/v1/proofs', {
    body: { matterId, applicant, idempotencyKey: options.idempotencyKey },
    schema: ProofSchema,
    signal: options.signal,
  });
  const pdf = checkedPdf(r.caseId, 'document', r.document);
  const preview = checkedPdf(r.caseId, 'preview', r.preview);
  if (r.preview.pages !== r.document.pages)
    throw new PlatformError('badReply', `proof ${r.caseId}: preview has ${r.preview.pages} pages, the document ${r.document.pages}`, {
      field: 'preview.pages',
    });
  return {
    caseId: r.caseId,
    verificationCode: r.verificationCode,
    verifyUrl: r.verifyUrl,
    issuedAt: r.issuedAt,
    pages: r.document.pages,
    pdf,
    preview,
  };
}

function checkedPdf(caseId: string, field: 'document' | 'preview', d: z.output<typeof ProofSchema>['document']): Uint8Array {
  const pdf = new Uint8Array(Buffer.from(d.base64, 'base64'));
  const actual = createHash('sha256').update(pdf).digest('hex');
  if (actual !== d.sha256)
    throw new PlatformError('badReply', `proof ${caseId}: ${field} SHA-256 ${actual} does not match the declared ${d.sha256}`, {
      field: `${field}.sha256`,
    });
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-')
    throw new PlatformError('badReply', `proof ${caseId}: ${field} is not a PDF`, { field: `${field}.base64` });
  return pdf;
}

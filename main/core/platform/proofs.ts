import { createHash } from 'node:crypto';
import type { PlatformClient } from './client.js';
import { PlatformError } from './errors.js';
import { ProofSchema } from './schemas.js';

export interface IssuedProof {
  caseId: string;
  verificationCode: string;
  issuedAt: string;
  pages: number;
  pdf: Uint8Array;
}

/** Asks the platform to issue a proof and checks the document against its SHA-256 before anyone sees it. */
export async function issueProof(
  client: PlatformClient,
  matterId: string,
  applicant: { name: string; idNumber: string },
  signal?: AbortSignal,
): Promise<IssuedProof> {
  const r = await client.post('/api/v1/proofs', { body: { matterId, applicant }, schema: ProofSchema, signal });
  const pdf = new Uint8Array(Buffer.from(r.document.base64, 'base64'));
  const actual = createHash('sha256').update(pdf).digest('hex');
  if (actual !== r.document.sha256)
    throw new PlatformError('badReply', `proof ${r.caseId}: document SHA-256 ${actual} does not match the declared ${r.document.sha256}`, {
      field: 'document.sha256',
    });
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-')
    throw new PlatformError('badReply', `proof ${r.caseId}: document is not a PDF`, { field: 'document.base64' });
  return { caseId: r.caseId, verificationCode: r.verificationCode, issuedAt: r.issuedAt, pages: r.document.pages, pdf };
}

import { dataKey } from '../types.js';

/** The proof the platform issued in this run: kept so a failed print is reprinted without asking again. */
export interface ProofInRun {
  caseId: string;
  verificationCode: string;
  verifyUrl: string | null;
  pages: number;
  /** As printed (full ID number): only ever sent to the printer. */
  pdf: Uint8Array;
  /** Masked for the screen. */
  preview: Uint8Array;
}
export const PROOF = dataKey<ProofInRun>('proof');
export const PROOF_REQUEST_KEY = dataKey<string>('proof.idempotencyKey');
export const COPIES = dataKey<number>('copies');

/** The case a journey produced or looked at: what 好差评 rates and receipts name. */
export interface CaseRef {
  caseId: string;
  matterId: string;
  matterName: string;
  verificationCode: string | null;
  verifyUrl: string | null;
}
export const CASE = dataKey<CaseRef>('case');
export const EVALUATED = dataKey<boolean>('evaluated');
export const RECEIPT_OUTCOME = dataKey<{ printed: boolean; messageKey: string | null }>('receipt');

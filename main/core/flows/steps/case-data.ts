import type { HeldApplication, ReferenceState } from '../../apply/application-store.js';
import type { PlatformCase } from '../../platform/cases-schemas.js';
import { dataKey } from '../types.js';

/** How the resident asked: by their card, by case number and query code, or by the local reference on a 受理回执. */
export type CaseQuery =
  { by: 'holder' } | { by: 'code'; caseNumber: string; queryCode: string } | { by: 'reference'; localReference: string };

/** Applications saved at this terminal, which only it knows of until the platform has them (the submission service). */
export interface HeldApplications {
  heldFor(idNumber: string): HeldApplication[];
  reference(localReference: string): ReferenceState | null;
}
export const CASE_QUERY = dataKey<CaseQuery>('progress.query');
export const CASES = dataKey<PlatformCase[]>('progress.cases');
export const SELECTED_CASE = dataKey<PlatformCase>('progress.case');
export const SLIP = dataKey<'a4' | 'receipt'>('progress.slip');
export const SLIP_PRINTED = dataKey<'a4' | 'receipt'>('progress.slipPrinted');

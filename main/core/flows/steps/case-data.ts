import type { PlatformCase } from '../../platform/cases-schemas.js';
import { dataKey } from '../types.js';

/** How the resident asked: by their card, or by case number and query code. */
export type CaseQuery = { by: 'holder' } | { by: 'code'; caseNumber: string; queryCode: string };
export const CASE_QUERY = dataKey<CaseQuery>('progress.query');
export const CASES = dataKey<PlatformCase[]>('progress.cases');
export const SELECTED_CASE = dataKey<PlatformCase>('progress.case');
export const SLIP = dataKey<'a4' | 'receipt'>('progress.slip');
export const SLIP_PRINTED = dataKey<'a4' | 'receipt'>('progress.slipPrinted');

import { CaseListSchema, CaseLookupSchema, type PlatformCase } from './cases-schemas.js';
import type { PlatformClient } from './client.js';
import { PlatformError } from './errors.js';

export type CaseLookupErrorCode =
  | 'invalidInput' // the case number or query code cannot be one (checked before asking the platform)
  | 'noMatch' // no case with this number and code; deliberately does not say which of the two is wrong
  | 'throttled'; // too many wrong codes from this terminal or for this case: try again later

/** Why a case could not be found by number and query code; other failures stay PlatformErrors. */
export class CaseLookupError extends Error {
  readonly messageKey: `progress.error.${CaseLookupErrorCode}`;

  constructor(
    readonly code: CaseLookupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CaseLookupError';
    this.messageKey = `progress.error.${code}`;
  }
}

const caseNumberPattern = /^[0-9A-Z-]{6,64}$/;
const queryCodePattern = /^[0-9A-Z]{4,12}$/;

const newestFirst = (cases: PlatformCase[]) => [...cases].sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt));

/**
 * The identified resident's cases, newest first. The ID number travels in the signed body, never in the URL
 * (URLs end up in access logs and proxies).
 */
export async function findCasesByHolder(
  client: PlatformClient,
  holder: { idNumber: string },
  options: { signal?: AbortSignal } = {},
): Promise<PlatformCase[]> {
  const reply = await client.post('/api/v1/cases/search', {
    body: { holder: { idNumber: holder.idNumber } },
    schema: CaseListSchema,
    signal: options.signal,
  });
  return newestFirst(reply.cases);
}

/**
 * One case by its number and query code (查询码), for a resident without the card. Typed on the kiosk's keyboard, so
 * spaces are dropped and letters upper-cased first.
 */
export async function lookupCase(
  client: PlatformClient,
  query: { caseNumber: string; queryCode: string },
  options: { signal?: AbortSignal } = {},
): Promise<PlatformCase> {
  const caseNumber = query.caseNumber.replace(/\s+/g, '').toUpperCase();
  const queryCode = query.queryCode.replace(/\s+/g, '').toUpperCase();
  if (!caseNumberPattern.test(caseNumber) || !queryCodePattern.test(queryCode))
    throw new CaseLookupError('invalidInput', 'case number or query code is not well-formed');
  try {
    const reply = await client.post('/api/v1/cases/lookup', {
      body: { caseNumber, queryCode },
      schema: CaseLookupSchema,
      signal: options.signal,
    });
    return reply.case;
  } catch (e) {
    if (e instanceof PlatformError && e.code === 'server' && e.detail.status === 404)
      throw new CaseLookupError('noMatch', 'no case with this number and query code');
    if (e instanceof PlatformError && e.code === 'server' && e.detail.status === 429)
      throw new CaseLookupError('throttled', 'too many wrong query codes; the platform asks to wait');
    throw e;
  }
}

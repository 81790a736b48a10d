import { describe, expect, it } from 'vitest';
import { findCasesByHolder } from '../../../main/core/platform/cases.js';
import { PlatformClient } from '../../../main/core/platform/client.js';
import { PlatformError } from '../../../main/core/platform/errors.js';
import { rejectionOf } from '../../support/rejection.js';

const aCase = (over: Record<string, unknown> = {}) => ({
  caseNumber: '51160220261124139595',
  matter: { id: 'sc-511602-0617', name: '残疾人证新办' },
  agency: '区残联',
  holderName: '王**',
  submittedAt: '2026-11-24T07:00:00Z',
  channel: 'online',
  state: 'accepted',
  promisedBy: null,
  timeline: [{ at: '2026-11-24T07:00:00Z', state: 'accepted', title: '网上申请，受理', note: null }],
  result: null,
  nextStep: null,
  queryUrl: 'https://platform.test/progress/abc',
  ...over,
});

function platform(cases: unknown[]) {
  const urls: string[] = [];
  const fetchImpl = (async (url: URL) => {
    urls.push(String(url));
    return new Response(JSON.stringify({ cases }), { status: 200 });
  }) as unknown as typeof fetch;
  return { client: new PlatformClient({ baseUrl: 'https://platform.test/', terminalId: 'K', secret: 's', fetchImpl, attempts: 1 }), urls };
}

describe('case replies', () => {
  it('orders cases newest first whatever order the platform sends, and keeps the ID number out of the URL', async () => {
    const { client, urls } = platform([
      aCase({ caseNumber: 'OLD-000001' }),
      aCase({ caseNumber: 'NEW-000002', submittedAt: '2026-11-29T07:00:00Z' }),
    ]);
    const cases = await findCasesByHolder(client, { idNumber: '310101194208200048' });
    expect(cases.map((c) => c.caseNumber)).toEqual(['NEW-000002', 'OLD-000001']);
    expect(urls).toEqual(['https://platform.test/api/v1/cases/search']);
  });

  it('refuses a reply that carries the holder’s name unmasked (it would reach the public screen)', async () => {
    const e = await rejectionOf(
      findCasesByHolder(platform([aCase({ holderName: '王秀英' })]).client, { idNumber: '310101194208200048' }),
      PlatformError,
    );
    expect([e.code, e.detail.field]).toEqual(['badReply', 'cases.0.holderName']);
  });

  it('refuses a case whose QR address is not http(s)', async () => {
    const e = await rejectionOf(
      findCasesByHolder(platform([aCase({ queryUrl: 'file:///etc/passwd' })]).client, { idNumber: '310101194208200048' }),
      PlatformError,
    );
    expect(e.detail.field).toBe('cases.0.queryUrl');
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PlatformClient } from '../../../main/core/platform/client.js';
import { PlatformError } from '../../../main/core/platform/errors.js';
import { issueProof } from '../../../main/core/platform/proofs.js';
import { minimalPdf } from '../../support/pdf.js';
import { rejectionOf } from '../../support/rejection.js';

const part = (pdf: Uint8Array) => ({
  contentType: 'application/pdf',
  pages: 1,
  sha256: createHash('sha256').update(pdf).digest('hex'),
  base64: Buffer.from(pdf).toString('base64'),
});

/** A platform that answers one proof reply and keeps the request body it got. */
function platform(reply: Record<string, unknown>) {
  const bodies: unknown[] = [];
  const fetchImpl = (async (_url: URL, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify(reply), { status: 200 });
  }) as unknown as typeof fetch;
  const client = new PlatformClient({ baseUrl: 'https://platform.test/', terminalId: 'KIOSK-1', secret: 's', fetchImpl, attempts: 1 });
  return { client, bodies };
}

const good = () => ({
  caseId: 'KIOSK-1-20261130-0001',
  verificationCode: 'ABCDEF1234',
  verifyUrl: 'https://verify.platform.test/ABCDEF1234',
  issuedAt: '2026-11-30T06:40:51Z',
  document: part(minimalPdf(1, 'printed')),
  preview: part(minimalPdf(1, 'masked')),
});
const applicant = { name: '王秀英', idNumber: '310101194208200048' };

describe('proof reply', () => {
  it('sends the idempotency key in the signed body and returns both documents and the verification address', async () => {
    const { client, bodies } = platform(good());
    const proof = await issueProof(client, 'sh-kiosk-058', applicant, { idempotencyKey: 'run-1234-abcd' });
    expect(bodies).toEqual([{ matterId: 'sh-kiosk-058', applicant, idempotencyKey: 'run-1234-abcd' }]);
    expect(Buffer.from(proof.preview).toString('latin1')).toContain('masked');
    expect(Buffer.from(proof.pdf).toString('latin1')).toContain('printed');
    expect(proof.verifyUrl).toBe('https://verify.platform.test/ABCDEF1234');
  });

  it('refuses a preview that does not match its SHA-256, so the screen never shows an unchecked document', async () => {
    const reply = good();
    reply.preview = { ...reply.preview, sha256: '0'.repeat(64) };
    const e = await rejectionOf(
      issueProof(platform(reply).client, 'sh-kiosk-058', applicant, { idempotencyKey: 'run-1234-abcd' }),
      PlatformError,
    );
    expect([e.code, e.detail.field]).toEqual(['badReply', 'preview.sha256']);
  });

  it('refuses a reply without a preview (an older platform would make the kiosk show the full number)', async () => {
    const { preview: _omitted, ...reply } = good();
    const e = await rejectionOf(
      issueProof(platform(reply).client, 'sh-kiosk-058', applicant, { idempotencyKey: 'run-1234-abcd' }),
      PlatformError,
    );
    expect([e.code, e.detail.field]).toEqual(['badReply', 'preview']);
  });

  it('refuses a verification address that is not http(s)', async () => {
    const e = await rejectionOf(
      issueProof(platform({ ...good(), verifyUrl: 'javascript:alert(1)' }).client, 'sh-kiosk-058', applicant, {
        idempotencyKey: 'run-1234-abcd',
      }),
      PlatformError,
    );
    expect([e.code, e.detail.field]).toEqual(['badReply', 'verifyUrl']);
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import { PlatformError } from '../../main/core/platform/errors.js';
import { issueProof } from '../../main/core/platform/proofs.js';
import { pdfText } from '../support/pdf-text.js';
import { rejectionOf } from '../support/rejection.js';

/** Issue 10 finding 4 and issue 9 defect 8: proofs issued once per resident request, with a masked preview. */
let emu: EmulatorHandle;
beforeEach(async () => {
  emu = await platformEmulator.start({ argv: [] });
});
afterEach(() => emu.close());

const matterId = 'sh-kiosk-058';
const applicant = { name: '王秀英', idNumber: '310101194208200048' };
const client = (o: { terminalId?: string; timeoutMs?: number } = {}) =>
  new PlatformClient({
    baseUrl: emu.address,
    terminalId: o.terminalId ?? 'TEST-0001',
    secret: 'emulated-terminal-secret',
    timeoutMs: o.timeoutMs ?? 5000,
    attempts: 1,
  });
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const issued = () => emu.state().proofsIssued as number;

describe('proof issue is idempotent', () => {
  it('a reply that arrives after the client gave up, then the retry with the same key: one case at the platform', async () => {
    const idempotencyKey = randomUUID();
    emu.setFault('slow', true);
    const late = await rejectionOf(issueProof(client({ timeoutMs: 300 }), matterId, applicant, { idempotencyKey }), PlatformError);
    expect(late.code).toBe('timeout');
    emu.setFault('slow', false);
    // the platform goes on with the first request after the kiosk stopped waiting: an orphan case without the key
    await vi.waitFor(() => expect(issued()).toBe(1), { timeout: 10_000, interval: 50 });
    const retry = await issueProof(client(), matterId, applicant, { idempotencyKey });
    const again = await issueProof(client(), matterId, applicant, { idempotencyKey });
    expect(issued()).toBe(1);
    expect(again.caseId).toBe(retry.caseId);
    expect(sha256(again.pdf)).toBe(sha256(retry.pdf));
    expect(sha256(again.preview)).toBe(sha256(retry.preview));
  });

  it('a retry that races the first request (both in flight) still opens one case', async () => {
    const idempotencyKey = randomUUID();
    const [a, b] = await Promise.all([
      issueProof(client(), matterId, applicant, { idempotencyKey }),
      issueProof(client(), matterId, applicant, { idempotencyKey }),
    ]);
    expect(a.caseId).toBe(b.caseId);
    expect(issued()).toBe(1);
  });

  it('another request (new key) is another case; the same key from another terminal is that terminal’s own', async () => {
    const first = await issueProof(client(), matterId, applicant, { idempotencyKey: 'key-0000-0001' });
    const second = await issueProof(client(), matterId, applicant, { idempotencyKey: 'key-0000-0002' });
    const elsewhere = await issueProof(client({ terminalId: 'TEST-0002' }), matterId, applicant, { idempotencyKey: 'key-0000-0001' });
    expect(new Set([first.caseId, second.caseId, elsewhere.caseId]).size).toBe(3);
    expect(issued()).toBe(3);
  });

  it('the same key for another applicant is refused (a bug in the terminal, not a retry)', async () => {
    await issueProof(client(), matterId, applicant, { idempotencyKey: 'key-0000-0003' });
    const e = await rejectionOf(
      issueProof(client(), matterId, { name: '张伟民', idNumber: '110101198503120033' }, { idempotencyKey: 'key-0000-0003' }),
      PlatformError,
    );
    expect([e.code, e.detail.status]).toEqual(['server', 409]);
    expect(issued()).toBe(1);
  });
});

describe('the masked preview', () => {
  it('the screen copy masks the ID number and the name; the printed copy keeps them; both checked by SHA-256', async () => {
    const proof = await issueProof(client(), matterId, applicant, { idempotencyKey: randomUUID() });
    const printed = pdfText(proof.pdf).replace(/\s+/g, '');
    const preview = pdfText(proof.preview).replace(/\s+/g, '');
    expect(printed).toContain('王秀英（公民身份号码：310101194208200048）');
    expect(preview).toContain('王*英（公民身份号码：3101**********0048）');
    expect(preview).not.toContain('310101194208200048');
    expect(preview).toContain(proof.verificationCode);
    expect(proof.verifyUrl).toMatch(new RegExp(`/verify/${proof.verificationCode}$`));
  });
});

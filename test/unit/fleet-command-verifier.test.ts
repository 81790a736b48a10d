import { describe, expect, it } from 'vitest';
import { CommandSigner } from '../../fleet/service/command-signer.js';
import { MemorySeenCommands, verifyCommand } from '../../main/core/fleet/command-verifier.js';
import { generateSigningKeys, privateKeyFrom, publicKeyFrom } from '../../main/core/fleet/signing.js';

const keys = generateSigningKeys();
const now = Date.parse('2026-11-30T08:00:00Z');
const verify = (raw: Buffer, seen = new MemorySeenCommands(), at = now) =>
  verifyCommand(raw, { key: publicKeyFrom(keys.publicKey), acceptedTargets: new Set(['T-1', 'group:all']), nowMs: at, seen });
const signed = (issuedAt: number, ttlMs = 60_000, target = 'T-1') =>
  Buffer.from(
    JSON.stringify(new CommandSigner(privateKeyFrom(keys.privateKey), () => issuedAt).sign(target, { type: 'syncCatalog' }, ttlMs).signed),
  );

describe('command verification', () => {
  it('accepts a fresh command for this terminal or one of its groups, once', () => {
    const seen = new MemorySeenCommands();
    const raw = signed(now);
    expect(verify(raw, seen)).toMatchObject({ ok: true });
    expect(verify(raw, seen)).toMatchObject({ ok: false, code: 'replayed' });
    expect(verify(signed(now, 60_000, 'group:all'))).toMatchObject({ ok: true });
  });

  it('refuses a command issued far in the future, or claiming a lifetime over 7 days', () => {
    expect(verify(signed(now + 3600_000))).toMatchObject({ ok: false, code: 'badMessage' });
    expect(verify(signed(now, 8 * 24 * 3600_000))).toMatchObject({ ok: false, code: 'badMessage' });
    expect(verify(signed(now + 60_000))).toMatchObject({ ok: true });
  });

  it('refuses a changed payload (the signature covers the exact bytes) and garbage', () => {
    const env = JSON.parse(signed(now).toString()) as { payload: string; sig: string };
    const tampered = Buffer.from(Buffer.from(env.payload, 'base64').toString().replace('syncCatalog', 'restart'));
    expect(verify(Buffer.from(JSON.stringify({ payload: tampered.toString('base64'), sig: env.sig })))).toMatchObject({
      ok: false,
      code: 'badSignature',
    });
    expect(verify(Buffer.from('not json'))).toMatchObject({ ok: false, code: 'badMessage' });
  });

  it('forgets seen ids only after their command expired', () => {
    const seen = new MemorySeenCommands();
    const raw = signed(now, 60_000);
    verify(raw, seen);
    seen.prune(now + 30_000);
    expect(verify(raw, seen, now + 30_000)).toMatchObject({ code: 'replayed' });
    seen.prune(now + 61_000);
    expect(verify(raw, seen, now + 61_000)).toMatchObject({ code: 'expired' });
  });
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/kiosk-process.js';
import { requirePeer } from '../support/peers.js';

/** The emulator's cards are dated relative to today (emulators/lib/dates.ts). */
const day = (years: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
};

/** Social security card through the real PC/SC stack: emulator → vpcd → pcscd → pcsclite → reader driver. */
describe('social security card over pcscd + vpcd', () => {
  it('reads 2nd- and 3rd-generation cards, reports authRequired and a card pulled mid-read', () => {
    requirePeer('pcscd', 'pcscd vsmartcard-vpcd');
    requirePeer('unshare', 'util-linux');
    const r = spawnSync(
      'unshare',
      [
        '--net',
        '--mount',
        '--fork',
        'bash',
        path.join(root, 'test/support/pcsc-namespace.sh'),
        path.join(root, 'node_modules/.bin/tsx'),
        path.join(root, 'test/integration/pcsc/scenario.ts'),
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).not.toMatch(/pcscd exited/);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown> & {
      error?: string;
      online?: string;
      mediaWithCard?: string[];
    };
    expect(out.error).toBeUndefined();
    expect(out.online).toBe('online');
    expect(out.gen2).toMatchObject({
      kind: 'complete',
      card: {
        cardIdentifier: '310100D156000005',
        regionCode: '310100',
        specVersion: '2.00',
        issueDate: day(-9),
        expiryDate: day(1),
        cardNumber: 'A12345678',
        socialSecurityNumber: '310101194208200048',
        name: '王秀英',
        gender: 'female',
        nationCode: '01',
        nation: '汉',
        birthDate: '1942-08-20',
      },
    });
    expect(out.mediaWithCard).toEqual(['cardPresent']);
    expect(out.selfTest).toMatchObject({
      passed: true,
      steps: [{ name: 'pcscService' }, { name: 'reader', detail: expect.stringContaining('Virtual PCD 00 00') }, { name: 'readTestCard' }],
    });
    expect(out.gen3).toMatchObject({
      kind: 'authRequired',
      card: { specVersion: '3.00', cardNumber: 'S98765432', name: null, socialSecurityNumber: null },
    });
    expect(out.removedMidRead).toMatchObject({ messageKey: 'smartcard.error.keepInserted' });
  });
});

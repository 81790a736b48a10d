import { describe, expect, it } from 'vitest';
import { deviceError } from '../../../devices/core/errors.js';
import { err } from '../../../devices/core/result.js';
import type { DocumentPrinter } from '../../../devices/printer/index.js';
import { platformFailure } from '../../../main/core/flows/steps/outcomes.js';
import { printFailure } from '../../../main/core/flows/steps/print-document.js';
import { readinessStep } from '../../../main/core/flows/steps/readiness.js';
import { RunData, type StepContext } from '../../../main/core/flows/types.js';
import { PlatformError } from '../../../main/core/platform/errors.js';
import { en } from '../../../renderer/src/i18n/en.js';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.js';

const guide = 'https://zwfw.example.gov.cn/guide/1';
const text = (lang: typeof zhCN | typeof en, key: string) =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], lang) as string;
const mentionsQr = (key: string) => /扫/.test(text(zhCN, key)) || /scan/i.test(text(en, key));
/** Every failure must offer its QR code exactly when its message asks the resident to scan one. */
const consistent = (f: { messageKey: string; qrUrl?: string | null }) => expect(mentionsQr(f.messageKey)).toBe(Boolean(f.qrUrl));

describe('messages that mention a QR code show one', () => {
  it('in both languages, a flow error mentions scanning exactly when its key is a QR variant', () => {
    for (const key of Object.keys(zhCN.flow.error)) expect(mentionsQr(`flow.error.${key}`), key).toBe(key.endsWith('Qr'));
  });

  it('print failures: jam and empty tray give the same ways forward, with the electronic copy by QR when there is one', () => {
    for (const code of ['mediaJam', 'noMedia', 'hardwareError'] as const)
      for (const url of [guide, null]) {
        const f = printFailure(deviceError(code, 'x', 'printer.error.jam'), url);
        consistent(f);
        expect(f.actions).toEqual(['retry', 'home']);
      }
    expect(printFailure(deviceError('mediaJam', 'x'), guide).messageKey).toBe('flow.error.printJamQr');
    expect(text(zhCN, 'flow.error.printJam')).toContain('半页');
  });

  it('platform down offers the phone by QR only when the matter has a guide address', () => {
    for (const url of [guide, null]) consistent(platformFailure(new PlatformError('unreachable', 'down'), url)!);
    expect(platformFailure(new Error('not a platform error'), guide)).toBeNull();
  });

  it('a printer that is not ready says so before any work, with the QR when there is one', async () => {
    const printer = {
      readiness: async () => err(deviceError('noMedia', 'media-empty', 'printer.error.paperOut')),
    } as unknown as DocumentPrinter;
    for (const guideUrl of [guide, null]) {
      const ctx = {
        matter: { id: 'm', name: 'n', guideUrl },
        data: new RunData(),
        signal: new AbortController().signal,
      } as unknown as StepContext;
      const out = await readinessStep({ printer: () => printer }).enter(ctx);
      if (out.kind !== 'fail') throw new Error('expected a failure');
      consistent(out.failure);
      expect(out.failure.params).toEqual({ reasonKey: 'printer.error.paperOut' });
    }
  });

  it('device reason sentences shown under a failure never promise a QR code themselves', () => {
    for (const key of Object.keys(zhCN.printer.error)) expect(mentionsQr(`printer.error.${key}`), key).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.js';

/** Every way a payment can fail tells the resident whether money was taken; none promises a QR it does not show. */
describe('payment failure messages', () => {
  // a wrong or unknown 缴款码 is said before any order exists: no money question there
  const beforeAnyOrder = new Set(['invalidNotice', 'noticeNotFound']);
  const errors = Object.entries(zhCN.pay.error).filter(([k]) => !beforeAnyOrder.has(k));
  const failures = [...errors, ...Object.entries(zhCN.pay.result), ...Object.entries(zhCN.pay.retry)];

  it('say in plain words whether money was taken', () => {
    for (const [key, text] of failures) expect(text, key).toMatch(/没有扣款|没有再次扣款|扣的钱会原路退回/);
    for (const [key] of errors) expect(en.pay.error[key as keyof typeof en.pay.error], key).toMatch(/Nothing (was|more was) charged/);
  });

  it('never ask the resident to scan a code the failure screen does not show', () => {
    for (const [key, text] of [...Object.entries(zhCN.pay.error), ...Object.entries(zhCN.pay.result)]) expect(text, key).not.toMatch(/扫/);
    for (const text of [...Object.values(en.pay.error), ...Object.values(en.pay.result)]) expect(text).not.toMatch(/scan/i);
  });
});

import { err, ok, type Result } from '../core/result.js';

/**
 * What a payment-code scanner read: a resident's payment code shown on their phone (付款码), or a printed 缴款码 QR.
 * Classification by the public code ranges: WeChat Pay 18 digits starting 10–15, Alipay 16–24 digits starting
 * 25–30, UnionPay QuickPass 19 digits starting 62. A 缴款码 (payment notice number of a 非税收入缴款通知书) is 20
 * digits; its QR carries it as `JKM:<number>` or as a `jkm=<number>` parameter of the platform's payment page.
 */
export type PaymentCodeKind = 'wechat' | 'alipay' | 'unionpay';
export type ScannedCode = { kind: PaymentCodeKind; code: string } | { kind: 'paymentNotice'; noticeNo: string };

export type ScanDecodeError =
  | { code: 'notText'; detail: string } // control or non-ASCII bytes: line noise, a binary symbol
  | { code: 'tooLong'; detail: string }
  | { code: 'unknownCode'; detail: string }; // readable, but neither a payment code nor a 缴款码

export const MAX_SCAN_BYTES = 512;

const paymentCodePatterns: { kind: PaymentCodeKind; pattern: RegExp }[] = [
  { kind: 'unionpay', pattern: /^62\d{17}$/ },
  { kind: 'wechat', pattern: /^1[0-5]\d{16}$/ },
  { kind: 'alipay', pattern: /^(?:2[5-9]|30)\d{14,22}$/ },
];

export const noticeNoPattern = /^\d{20}$/;

/** Classifies one scanned (or typed) text. Pure; never throws. */
export function classifyCode(text: string): Result<ScannedCode, ScanDecodeError> {
  const t = text.trim();
  for (const { kind, pattern } of paymentCodePatterns) if (pattern.test(t)) return ok({ kind, code: t });
  const notice = /^JKM:(\d{20})$/i.exec(t) ?? /[?&]jkm=(\d{20})(?:&|$)/i.exec(t);
  if (notice) return ok({ kind: 'paymentNotice', noticeNo: notice[1]! });
  if (noticeNoPattern.test(t)) return ok({ kind: 'paymentNotice', noticeNo: t });
  return err({ code: 'unknownCode', detail: `unrecognised ${t.length}-character code` });
}

/** Decodes one frame's bytes (terminator already removed). */
export function decodeScan(frame: Uint8Array): Result<ScannedCode, ScanDecodeError> {
  if (frame.length > MAX_SCAN_BYTES) return err({ code: 'tooLong', detail: `${frame.length} bytes` });
  for (const b of frame) if (b < 0x20 || b > 0x7e) return err({ code: 'notText', detail: `byte 0x${b.toString(16).padStart(2, '0')}` });
  return classifyCode(String.fromCharCode(...frame));
}

/**
 * A code as logs may show it: its kind, first two and last two characters (`wechat 13**************89`). A payment
 * code is a bearer token for the resident's money for about a minute: never log it whole.
 */
export function maskCode(c: ScannedCode): string {
  const text = c.kind === 'paymentNotice' ? c.noticeNo : c.code;
  return `${c.kind} ${maskDigits(text)}`;
}

export function maskDigits(text: string): string {
  if (text.length <= 4) return '*'.repeat(text.length);
  return `${text.slice(0, 2)}${'*'.repeat(text.length - 4)}${text.slice(-2)}`;
}

import { amount, cardinal, decimal, digitByDigit, year } from './normalize-zh.js';

export type SpeechLanguage = 'zh-CN' | 'en' | 'ug';

/**
 * Text as a speech engine should read it: numbers, amounts, dates, times, codes and ID numbers written out the way
 * a speaker of the language says them, masked parts of an ID number left out (never "star star star"). Pure.
 */
export function normalizeForSpeech(text: string, language: SpeechLanguage): string {
  return language === 'zh-CN' ? normalizeZh(text) : normalizeOther(text, language);
}

/** An ID or card number with a masked middle (1101**********0033) or in full (15/18 characters). */
const MASKED = /([0-9]{0,8})[*＊•·]{3,}([0-9Xx]{0,6})/g;
/** A code of letters and digits joined by dashes (TEST-0001-20261130-0001): read character by character. */
const CODE = /\b[A-Z]{1,6}(?:-[A-Z0-9]+)+\b/g;

function normalizeZh(input: string): string {
  let s = input;
  s = s.replace(MASKED, (_m, head: string, tail: string) =>
    [head && digitByDigit(head), '后几位隐去', tail && digitByDigit(tail.replace(/[Xx]/, '叉'))].filter(Boolean).join('，'),
  );
  s = s.replace(CODE, (code) => spellCode(code));
  // amounts: ¥12.50, ￥1,234, 12.50元
  s = s.replace(/[¥￥]\s?(\d[\d,]*(?:\.\d{1,2})?)(?:\s?元)?/g, (_m, n: string) => amount(n));
  s = s.replace(/(\d[\d,]*\.\d{1,2})\s?元/g, (_m, n: string) => amount(n));
  // dates: 2026-11-30, 2026/11/30, 2026年11月30日
  s = s.replace(
    /(\d{4})\s?[-/年]\s?(\d{1,2})\s?[-/月]\s?(\d{1,2})\s?日?/g,
    (_m, y: string, mo: string, d: string) => `${year(y)}年${cardinal(mo)}月${cardinal(d)}日`,
  );
  s = s.replace(/(\d{4})年/g, (_m, y: string) => `${year(y)}年`);
  // times: 14:05 → 十四点零五分, 9:00 → 九点整
  s = s.replace(/\b(\d{1,2}):(\d{2})(?::\d{2})?\b/g, (_m, h: string, mi: string) =>
    mi === '00' ? `${cardinal(h)}点整` : `${cardinal(h)}点${mi.startsWith('0') ? '零' : ''}${cardinal(mi)}分`,
  );
  s = s.replace(/(\d+(?:\.\d+)?)\s?%/g, (_m, n: string) => `百分之${decimal(n)}`);
  // five digits or more without separators are numbers to read out one by one (hotlines, codes, accounts)
  s = s.replace(/\d{5,}/g, (n) => digitByDigit(n));
  s = s.replace(/\d[\d,]*(?:\.\d+)?/g, (n) => decimal(n));
  return s.replace(/\s+/g, ' ').trim();
}

/** TEST-0001 → T E S T 零零零幺: letters one by one, digits one by one, dashes as short pauses. */
function spellCode(code: string): string {
  return code
    .split('-')
    .map((part) => [...part].map((c) => (/[0-9]/.test(c) ? digitByDigit(c) : c)).join(/[A-Z]/.test(part) ? ' ' : ''))
    .join('，');
}

function normalizeOther(input: string, language: SpeechLanguage): string {
  const hidden = language === 'ug' ? 'يوشۇرۇن' : 'hidden';
  let s = input.replace(MASKED, (_m, head: string, tail: string) =>
    [head && [...head].join(' '), hidden, tail && [...tail].join(' ')].filter(Boolean).join(', '),
  );
  s = s.replace(CODE, (code) =>
    code
      .split('-')
      .map((p) => [...p].join(' '))
      .join(', '),
  );
  s = s.replace(/[¥￥]\s?(\d[\d,]*(?:\.\d{1,2})?)/g, (_m, n: string) => `${n.replace(/,/g, '')} ${language === 'ug' ? 'يۈەن' : 'yuan'}`);
  // hotlines and long numbers digit by digit
  s = s.replace(/\d{5,}/g, (n) => [...n].join(' '));
  // full-width punctuation reads as a pause in Chinese only
  s = s
    .replace(/[，、；]/g, ', ')
    .replace(/[。！？]/g, '. ')
    .replace(/[：]/g, ': ');
  return s.replace(/\s+/g, ' ').trim();
}

import { describe, expect, it } from 'vitest';
import { normalizeForSpeech } from '../../../main/core/speech/normalize.js';
import { amount, cardinal, decimal, digitByDigit, year } from '../../../main/core/speech/normalize-zh.js';

describe('numbers read the way a Chinese speaker says them', () => {
  it.each([
    [0, '零'],
    [7, '七'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [110, '一百一十'],
    [200, '两百'],
    [1001, '一千零一'],
    [1200, '一千二百'],
    [2000, '两千'],
    [10001, '一万零一'],
    [12000, '一万两千'],
    [20000, '两万'],
    [100010, '十万零一十'],
    [100000000, '一亿'],
    [100010000, '一亿零一万'],
  ])('%i → %s', (n, words) => expect(cardinal(n)).toBe(words));

  it('decimals, years and digit strings', () => {
    expect(decimal('3.5')).toBe('三点五');
    expect(decimal('0.25')).toBe('零点二五');
    expect(year('2026')).toBe('二〇二六');
    expect(digitByDigit('12345')).toBe('幺二三四五');
  });

  it.each([
    ['12.50', '十二元五角'],
    ['12.05', '十二元零五分'],
    ['0.80', '八角'],
    ['0.05', '五分'],
    ['1,234', '一千二百三十四元'],
    ['0', '零元'],
  ])('amount %s → %s', (n, words) => expect(amount(n)).toBe(words));
});

describe('normalising a sentence before synthesis', () => {
  it('reads amounts, dates and times in words', () => {
    expect(normalizeForSpeech('应缴金额¥12.50', 'zh-CN')).toBe('应缴金额十二元五角');
    expect(normalizeForSpeech('承诺于2026-11-30办结', 'zh-CN')).toBe('承诺于二〇二六年十一月三十日办结');
    expect(normalizeForSpeech('2026年11月3日 14:05', 'zh-CN')).toBe('二〇二六年十一月三日 十四点零五分');
    expect(normalizeForSpeech('9:00开门', 'zh-CN')).toBe('九点整开门');
    expect(normalizeForSpeech('共 2 页', 'zh-CN')).toBe('共 二 页');
  });

  it('reads a masked ID number without its masked part, digit by digit, X as 叉', () => {
    const spoken = normalizeForSpeech('证件号码 1101**********003X', 'zh-CN');
    expect(spoken).toBe('证件号码 幺幺零幺，后几位隐去，零零三叉');
    expect(spoken).not.toMatch(/[*＊]|星/);
  });

  it('reads case numbers and hotlines character by character', () => {
    expect(normalizeForSpeech('办件编号：TEST-0001-20261130-0001', 'zh-CN')).toBe(
      '办件编号：T E S T，零零零幺，二零二六幺幺三零，零零零幺',
    );
    expect(normalizeForSpeech('请拨打热线12345', 'zh-CN')).toBe('请拨打热线幺二三四五');
  });

  it('in English: masked parts said as hidden, amounts in yuan, codes spelled, Chinese punctuation as pauses', () => {
    expect(normalizeForSpeech('ID 1101**********0033', 'en')).toBe('ID 1 1 0 1, hidden, 0 0 3 3');
    expect(normalizeForSpeech('Amount ¥12.50', 'en')).toBe('Amount 12.50 yuan');
    expect(normalizeForSpeech('Case TEST-0001：done。', 'en')).toBe('Case T E S T, 0 0 0 1: done.');
  });
});

/**
 * Numbers the way a Chinese speaker reads them aloud. Pure functions; the speech normaliser uses them to turn
 * digits, amounts, dates and codes into words before synthesis (a speech engine reading "2026" or "¥12.50" on its
 * own gets them wrong or reads them in English).
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
/** Digit by digit (phone numbers, case numbers, ID numbers): 1 is 幺, as on the telephone. */
const SPOKEN_DIGITS = ['零', '幺', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
/** Years are read digit by digit with 〇 and 一: 二〇二六. */
const YEAR_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** A number below 10 000: 三千零五, 一百一十, 十五 (a leading 一十 is said 十 only when the whole number is 10–19). */
function belowTenThousand(n: number, leading: boolean): string {
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    // 两 before 千 (and 百 at the start): 两千, 两百; 二 elsewhere (二十, 十二)
    const word = d === 2 && (units[i] === '千' || (units[i] === '百' && out === '')) ? '两' : DIGITS[d]!;
    out += word + units[i]!;
  });
  if (leading && out.startsWith('一十')) out = out.slice(1);
  return out;
}

/** A whole number as a cardinal: 0 → 零, 10 → 十, 1001 → 一千零一, 20000 → 两万, 100000000 → 一亿. */
export function cardinal(value: number | bigint | string): string {
  let n = BigInt(typeof value === 'string' ? value.replace(/,/g, '') : value);
  if (n === 0n) return '零';
  const negative = n < 0n;
  if (negative) n = -n;
  const groups: number[] = [];
  while (n > 0n) {
    groups.unshift(Number(n % 10000n));
    n /= 10000n;
  }
  const bigUnits = ['', '万', '亿', '万亿'];
  let out = '';
  let zero = false;
  groups.forEach((g, i) => {
    const unit = bigUnits[groups.length - 1 - i]!;
    if (g === 0) {
      zero = out !== '';
      return;
    }
    if (out && (zero || g < 1000)) out += '零';
    zero = false;
    let words = belowTenThousand(g, out === '');
    // 两 also stands alone before 万 and 亿: 两万, 两亿
    if (words === '二' && unit) words = '两';
    out += words + unit;
  });
  return (negative ? '负' : '') + out;
}

/** A decimal number: 3.5 → 三点五, 0.25 → 零点二五. */
export function decimal(text: string): string {
  const [whole, fraction] = text.replace(/,/g, '').split('.');
  const head = cardinal(whole || '0');
  return fraction ? `${head}点${[...fraction].map((d) => DIGITS[Number(d)]).join('')}` : head;
}

/** Digit by digit: 12345 → 幺二三四五. */
export function digitByDigit(text: string): string {
  return [...text].map((c) => (/[0-9]/.test(c) ? SPOKEN_DIGITS[Number(c)] : c)).join('');
}

/** A year: 2026 → 二〇二六. */
export function year(text: string): string {
  return [...text].map((c) => YEAR_DIGITS[Number(c)]).join('');
}

/** An amount in yuan: 12.50 → 十二元五角, 12.05 → 十二元零五分, 0.80 → 八角, 1234 → 一千二百三十四元. */
export function amount(text: string): string {
  const [whole = '0', fraction = ''] = text.replace(/,/g, '').split('.');
  const jiao = Number(fraction[0] ?? 0);
  const fen = Number(fraction[1] ?? 0);
  const yuan = BigInt(whole || '0');
  let out = yuan > 0n || (jiao === 0 && fen === 0) ? `${cardinal(yuan)}元` : '';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (fen > 0 && out) out += '零';
  if (fen > 0) out += `${DIGITS[fen]}分`;
  return out;
}

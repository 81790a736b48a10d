/**
 * Who pays in the emulated payment gateway, and the 缴款码 it knows. A payment code carries its payer's behaviour in
 * digits 3–4 (the slot), so the scanner emulator and the gateway agree without sharing state; digits after the
 * slot count up, so every "present" shows a fresh code, as a phone refreshes its code every minute.
 */
export type PayerBehaviour = 'instant' | 'password' | 'never' | 'insufficient' | 'expired';

export const payerSlots: Record<PayerBehaviour, string> = {
  instant: '01',
  password: '02',
  never: '03',
  insufficient: '04',
  expired: '05',
};

export type Wallet = 'wechat' | 'alipay' | 'unionpay';

/** The payers the control panel and tests present, by name. */
export const payerPersonas: { name: string; wallet: Wallet; behaviour: PayerBehaviour; help: string }[] = [
  { name: 'wechat-instant', wallet: 'wechat', behaviour: 'instant', help: 'WeChat, pays at once (small amount, no password)' },
  { name: 'wechat-password', wallet: 'wechat', behaviour: 'password', help: 'WeChat, must enter the password first (USERPAYING)' },
  { name: 'alipay-instant', wallet: 'alipay', behaviour: 'instant', help: 'Alipay, pays at once' },
  { name: 'alipay-never', wallet: 'alipay', behaviour: 'never', help: 'Alipay, asked for a password and never enters it' },
  { name: 'wechat-insufficient', wallet: 'wechat', behaviour: 'insufficient', help: 'WeChat, not enough money' },
  { name: 'unionpay-instant', wallet: 'unionpay', behaviour: 'instant', help: 'UnionPay QuickPass, pays at once' },
  { name: 'wechat-expired', wallet: 'wechat', behaviour: 'expired', help: 'WeChat, a code left open too long (expired)' },
];

const prefixes: Record<Wallet, { prefix: string; length: number }> = {
  wechat: { prefix: '13', length: 18 },
  alipay: { prefix: '28', length: 18 },
  unionpay: { prefix: '62', length: 19 },
};

let counter = Math.floor(Math.random() * 1e9);

/** A fresh payment code for a payer persona. */
export function paymentCodeFor(personaName: string): string {
  const p = payerPersonas.find((x) => x.name === personaName);
  if (!p) throw new Error(`unknown payer "${personaName}"`);
  const { prefix, length } = prefixes[p.wallet];
  counter += 1;
  const tail = String(counter)
    .padStart(length - 4, '0')
    .slice(-(length - 4));
  return `${prefix}${payerSlots[p.behaviour]}${tail}`;
}

/** The payer behind a code, or null when it is no payment code at all. */
export function payerOf(code: string): { wallet: Wallet; behaviour: PayerBehaviour } | null {
  for (const [wallet, { prefix, length }] of Object.entries(prefixes) as [Wallet, { prefix: string; length: number }][]) {
    if (code.length !== length || !code.startsWith(prefix) || !/^\d+$/.test(code)) continue;
    const slot = code.slice(2, 4);
    const behaviour = (Object.keys(payerSlots) as PayerBehaviour[]).find((b) => payerSlots[b] === slot);
    return behaviour ? { wallet, behaviour } : null;
  }
  return null;
}

export interface PaymentNotice {
  noticeNo: string;
  /** Masked as the platform hands it out. */
  payer: string;
  item: string;
  agency: string;
  amountFen: number;
  dueDate: string;
  lateFeeFen: number;
  paid: boolean;
}

/** Fictitious 缴款码 shown in the control panel. Any other 20-digit number starting 3301 is a generated notice. */
export const sampleNotices: PaymentNotice[] = [
  {
    noticeNo: '33010024110000000017',
    payer: '王*英',
    item: '交通违法罚款',
    agency: '杭州市公安局交通警察支队',
    amountFen: 20000,
    dueDate: '2099-12-31',
    lateFeeFen: 0,
    paid: false,
  },
  {
    noticeNo: '33010024110000000025',
    payer: '李*',
    item: '机动车驾驶人考试费（科目一）',
    agency: '杭州市公安局交通警察支队',
    amountFen: 5000,
    dueDate: '2099-12-31',
    lateFeeFen: 0,
    paid: false,
  },
  {
    noticeNo: '33010024110000000033',
    payer: '张*华',
    item: '不动产登记费',
    agency: '杭州市自然资源和规划局',
    amountFen: 8000,
    dueDate: '2024-01-31',
    lateFeeFen: 2400,
    paid: false,
  },
  {
    noticeNo: '33010024110000000041',
    payer: '陈*',
    item: '居民身份证工本费',
    agency: '杭州市公安局',
    amountFen: 2000,
    dueDate: '2099-12-31',
    lateFeeFen: 0,
    paid: true,
  },
];

/** The notice for a number: a sample, a generated one (deterministic amount), or null. */
export function noticeFor(noticeNo: string): PaymentNotice | null {
  const sample = sampleNotices.find((n) => n.noticeNo === noticeNo);
  if (sample) return { ...sample };
  if (!/^3301\d{16}$/.test(noticeNo)) return null;
  let h = 0;
  for (const c of noticeNo) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return {
    noticeNo,
    payer: '赵*',
    item: '行政事业性收费',
    agency: '杭州市财政局',
    amountFen: 100 + (h % 50_000),
    dueDate: '2099-12-31',
    lateFeeFen: 0,
    paid: false,
  };
}

/**
 * Fictitious card holders for the ID card reader emulator. Nobody here is real; every 18-digit number has a valid
 * GB 11643 check character, computed below (this file does not borrow the kiosk's code).
 */
import { yearsFrom } from '../lib/dates.js';

export type CardKind = ' ' | 'J' | 'I' | 'Y';

export interface Persona {
  id: string;
  label: string;
  kind: CardKind;
  /** Field values by name; the layout for `kind` decides where they go in the 256-byte text block. */
  fields: Record<string, string>;
  fingerprintBytes: 0 | 512 | 1024;
}

function withCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/**
 * The personas as of `today`: validity dates are relative to it (a 20-year card issued five years ago, …), so the
 * emulator never rots; "expired" ended seven years before `today`.
 */
export function personasOn(today: Date): Persona[] {
  const on = (years: number) => yearsFrom(today, years);
  return [
    {
      id: 'adult',
      label: '普通成年人 · ordinary adult',
      kind: ' ',
      fields: {
        name: '张伟民',
        gender: '1',
        nation: '01',
        birth: '19850312',
        address: '北京市东城区示例街道幸福里1号院2号楼3单元401室',
        idNumber: withCheck('11010119850312003'),
        issuer: '北京市公安局东城分局',
        validFrom: on(-5),
        validTo: on(15),
      },
      fingerprintBytes: 0,
    },
    {
      id: 'elderly',
      label: '老年人 · elderly resident',
      kind: ' ',
      fields: {
        name: '王秀英',
        gender: '2',
        nation: '01',
        birth: '19420820',
        address: '上海市黄浦区示例路88弄6号',
        idNumber: withCheck('31010119420820004'),
        issuer: '上海市公安局黄浦分局',
        validFrom: on(-14),
        validTo: on(6),
      },
      fingerprintBytes: 0,
    },
    {
      id: 'minority',
      label: '少数民族 · resident of a minority nation',
      kind: ' ',
      fields: {
        name: '阿依古丽·买买提',
        gender: '2',
        nation: '05',
        birth: '19901105',
        address: '新疆乌鲁木齐市天山区示例巷12号',
        idNumber: withCheck('65010219901105002'),
        issuer: '乌鲁木齐市公安局天山区分局',
        validFrom: on(-8),
        validTo: on(12),
      },
      fingerprintBytes: 0,
    },
    {
      id: 'longterm',
      label: '长期有效 · card valid 长期',
      kind: ' ',
      fields: {
        name: '刘长青',
        gender: '1',
        nation: '03',
        birth: '19560102',
        address: '宁夏银川市兴庆区示例街5号',
        idNumber: withCheck('64010419560102001'),
        issuer: '银川市公安局兴庆区分局',
        validFrom: on(-10),
        validTo: '长期',
      },
      fingerprintBytes: 0,
    },
    {
      id: 'expired',
      label: '已过期 · expired card',
      kind: ' ',
      fields: {
        name: '李强',
        gender: '1',
        nation: '01',
        birth: '19780930',
        address: '四川省成都市武侯区示例大道100号',
        idNumber: withCheck('51010719780930005'),
        issuer: '成都市公安局武侯区分局',
        validFrom: on(-27),
        validTo: on(-7),
      },
      fingerprintBytes: 0,
    },
    {
      id: 'hongkong',
      label: '港澳台居民居住证 · Hong Kong residence permit',
      kind: 'J',
      fields: {
        name: '陈家明',
        gender: '1',
        birth: '19920615',
        address: '广东省深圳市福田区示例路3号',
        idNumber: withCheck('81000019920615003'),
        issuer: '深圳市公安局福田分局',
        validFrom: on(-2),
        validTo: on(3),
        passNumber: 'H12345678',
        issueCount: '01',
      },
      fingerprintBytes: 0,
    },
    {
      id: 'foreign2017',
      label: '外国人永久居留身份证(2017) · foreign permanent resident 2017',
      kind: 'I',
      fields: {
        englishName: 'SMITH, JOHN ROBERT',
        gender: '1',
        idNumber: 'USA310085061512',
        nationality: 'USA',
        name: '史密斯约翰',
        validFrom: on(-3),
        validTo: on(7),
        birth: '19850615',
        cardVersion: '01',
        authorityCode: '1500',
      },
      fingerprintBytes: 0,
    },
    {
      id: 'foreign2023',
      label: '外国人永久居留身份证(2023) · foreign permanent resident 2023',
      kind: 'Y',
      fields: {
        name: '玛丽亚',
        gender: '2',
        renewalCount: '00',
        birth: '19900101',
        englishName: 'GARCIA LOPEZ, MARIA',
        idNumber: withCheck('93310019900101002'),
        validFrom: on(-2),
        validTo: on(8),
        englishName2: '',
        nationality: 'ESP',
      },
      fingerprintBytes: 0,
    },
    {
      id: 'fingerprint',
      label: '含指纹 · card with fingerprint',
      kind: ' ',
      fields: {
        name: '赵敏',
        gender: '2',
        nation: '01',
        birth: '19950707',
        address: '浙江省杭州市西湖区示例路7号',
        idNumber: withCheck('33010619950707004'),
        issuer: '杭州市公安局西湖区分局',
        validFrom: on(-7),
        validTo: on(3),
      },
      fingerprintBytes: 1024,
    },
  ];
}

export const personas: Persona[] = personasOn(new Date());

/** Field byte ranges per card kind, from GA 467 / GA/T 467-2019 (end inclusive). */
export const textLayouts: Record<CardKind, Record<string, [number, number]>> = {
  ' ': {
    name: [0, 29],
    gender: [30, 31],
    nation: [32, 35],
    birth: [36, 51],
    address: [52, 121],
    idNumber: [122, 157],
    issuer: [158, 187],
    validFrom: [188, 203],
    validTo: [204, 219],
  },
  J: {
    name: [0, 29],
    gender: [30, 31],
    birth: [36, 51],
    address: [52, 121],
    idNumber: [122, 157],
    issuer: [158, 187],
    validFrom: [188, 203],
    validTo: [204, 219],
    passNumber: [220, 237],
    issueCount: [238, 241],
  },
  I: {
    englishName: [0, 119],
    gender: [120, 121],
    idNumber: [122, 151],
    nationality: [152, 157],
    name: [158, 187],
    validFrom: [188, 203],
    validTo: [204, 219],
    birth: [220, 235],
    cardVersion: [236, 239],
    authorityCode: [240, 247],
  },
  Y: {
    name: [0, 29],
    gender: [30, 31],
    renewalCount: [32, 35],
    birth: [36, 51],
    englishName: [52, 121],
    idNumber: [122, 157],
    validFrom: [188, 203],
    validTo: [204, 219],
    englishName2: [220, 241],
    nationality: [242, 247],
  },
};

/** The 256-byte UCS-2 LE text block as a card stores it: fields padded with spaces, card kind at byte 248. */
export function textBlock(p: Persona): Uint8Array {
  const out = new Uint8Array(256);
  for (let i = 0; i < 256; i += 2) out[i] = 0x20;
  const put = (start: number, end: number, value: string) => {
    const chars = Math.floor((end - start + 1) / 2);
    if (value.length > chars) throw new Error(`persona ${p.id}: "${value}" does not fit ${chars} characters`);
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      out[start + i * 2] = c & 0xff;
      out[start + i * 2 + 1] = c >> 8;
    }
  };
  for (const [field, [s, e]] of Object.entries(textLayouts[p.kind])) {
    const v = p.fields[field];
    if (v !== undefined) put(s, e, v);
  }
  put(248, 249, p.kind);
  return out;
}

/** A deterministic stand-in for the 1024-byte WLT photo (real WLT is vendor-encrypted). */
export function photoFor(p: Persona): Uint8Array {
  const out = new Uint8Array(1024);
  let x = [...p.id].reduce((a, c) => a * 31 + c.charCodeAt(0), 7) >>> 0;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  out[0] = 0x57;
  out[1] = 0x4c;
  return out;
}

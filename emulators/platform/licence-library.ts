import { createHash } from 'node:crypto';
import { yearsFrom } from '../lib/dates.js';
import { personas } from '../idcard/personas.js';

/**
 * The e-licence library (电子证照库) of the ID card personas: which licences each holds, and their values, released
 * to a terminal only after the holder authorised that licence on screen. Every authorisation is recorded (the
 * platform's answer to "who let this terminal read my 户口簿, and when"). All data fictitious.
 */
interface LicenceSeed {
  type: string;
  name: string;
  issuer: string;
  /** Years from today (negative: in the past); null: no end. */
  fromYears: number;
  untilYears: number | null;
  number: (idNumber: string) => string;
  values: (idNumber: string, number: string) => Record<string, string>;
}

const today = new Date();
const ymd = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
const on = (years: number | null) => (years === null ? null : ymd(yearsFrom(today, years)));
const digits = (seed: string, n: number) =>
  [...createHash('sha256').update(seed).digest()]
    .map((b) => String(b % 10))
    .join('')
    .slice(0, n);

const household = (issuer: string, address: string, head: string): LicenceSeed => ({
  type: '居民户口簿',
  name: '居民户口簿',
  issuer,
  fromYears: -12,
  untilYears: null,
  number: (id) => digits(`hh:${id}`, 9),
  values: (_id, number) => ({ householdNumber: number, address, householdHead: head }),
});
const residencePermit = (address: string): LicenceSeed => ({
  type: '居住证',
  name: '上海市居住证',
  issuer: '上海市公安局',
  fromYears: -2,
  untilYears: 1,
  number: (id) => `31${digits(`rp:${id}`, 14)}`,
  values: (_id, number) => ({ number, address, validUntil: on(1)! }),
});
const marriage = (issuer: string, spouse: string, date: string): LicenceSeed => ({
  type: '结婚证',
  name: '结婚证',
  issuer,
  fromYears: -20,
  untilYears: null,
  number: (id) => `J${digits(`mc:${id}`, 12)}`,
  values: (_id, number) => ({ number, spouseName: spouse, registeredOn: date }),
});

const seeds: Record<string, LicenceSeed[]> = {
  adult: [
    household('北京市公安局东城分局', '北京市东城区示例街道幸福里1号院2号楼3单元401室', '张伟民'),
    residencePermit('上海市静安区临汾路380弄5号602室'),
    marriage('北京市东城区民政局', '李娜', '2012-05-20'),
  ],
  elderly: [
    household('上海市公安局黄浦分局', '上海市黄浦区示例路88弄6号', '王秀英'),
    marriage('上海市黄浦区民政局', '陈国华', '1965-10-01'),
    {
      type: '残疾人证',
      name: '中华人民共和国残疾人证',
      issuer: '上海市黄浦区残疾人联合会',
      fromYears: -3,
      untilYears: 7,
      number: (id) => `${id}42`,
      values: (_id, number) => ({ number, level: '02', category: '肢体残疾' }),
    },
  ],
  minority: [
    household('乌鲁木齐市公安局天山区分局', '新疆乌鲁木齐市天山区示例巷12号', '阿依古丽·买买提'),
    residencePermit('上海市普陀区示例路12号'),
  ],
  longterm: [household('银川市公安局兴庆区分局', '宁夏银川市兴庆区示例街5号', '刘长青')],
  expired: [household('成都市公安局武侯区分局', '四川省成都市武侯区示例大道100号', '李强')],
  fingerprint: [
    household('杭州市公安局西湖区分局', '浙江省杭州市西湖区示例路7号', '赵敏'),
    residencePermit('上海市静安区示例路66号1201室'),
    {
      type: '营业执照',
      name: '营业执照（个体工商户）',
      issuer: '上海市静安区市场监督管理局',
      fromYears: -1,
      untilYears: null,
      number: (id) => `92310106MA${digits(`bl:${id}`, 7)}X`,
      values: (_id, number) => ({ number, businessName: '静安区赵敏设计工作室', registeredOn: on(-1)! }),
    },
  ],
};

export interface Licence {
  id: string;
  holderId: string;
  type: string;
  name: string;
  maskedNumber: string;
  issuer: string;
  validFrom: string;
  validUntil: string | null;
  values: Record<string, string>;
}

export interface Authorisation {
  authorisationId: string;
  licenceId: string;
  holderId: string;
  terminal: string;
  authorisedAt: string;
  recordedAt: string;
}

const mask = (n: string) => (n.length <= 6 ? '*'.repeat(n.length) : `${n.slice(0, 3)}${'*'.repeat(n.length - 6)}${n.slice(-3)}`);

export class LicenceLibrary {
  readonly authorisations: Authorisation[] = [];
  private readonly licences: Licence[] = [];

  constructor() {
    for (const p of personas) {
      const holderId = p.fields.idNumber!.toUpperCase();
      for (const s of seeds[p.id] ?? []) {
        const number = s.number(holderId);
        this.licences.push({
          id: `EL${digits(`${holderId}:${s.type}`, 14)}`,
          holderId,
          type: s.type,
          name: s.name,
          maskedNumber: mask(number),
          issuer: s.issuer,
          validFrom: on(s.fromYears)!,
          validUntil: on(s.untilYears),
          values: s.values(holderId, number),
        });
      }
    }
  }

  /** The holder's licences as listed (numbers masked, values withheld). */
  list(holderId: string): Record<string, unknown>[] {
    return this.licences
      .filter((l) => l.holderId === holderId.toUpperCase())
      .map((l) => ({
        id: l.id,
        type: l.type,
        name: l.name,
        maskedNumber: l.maskedNumber,
        issuer: l.issuer,
        validFrom: l.validFrom,
        validUntil: l.validUntil,
        fields: Object.keys(l.values),
      }));
  }

  find(licenceId: string, holderId: string): Licence | null {
    return this.licences.find((l) => l.id === licenceId && l.holderId === holderId.toUpperCase()) ?? null;
  }

  /** Records the holder's authorisation and releases the values; null when the holder has no such licence. */
  authorise(
    licenceId: string,
    holderId: string,
    terminal: string,
    authorisedAt: string,
  ): { authorisationId: string; values: Record<string, string> } | null {
    const licence = this.find(licenceId, holderId);
    if (!licence) return null;
    const authorisationId = `AU${String(this.authorisations.length + 1).padStart(8, '0')}`;
    this.authorisations.push({
      authorisationId,
      licenceId,
      holderId: licence.holderId,
      terminal,
      authorisedAt,
      recordedAt: new Date().toISOString(),
    });
    return { authorisationId, values: licence.values };
  }

  isAuthorised(licenceId: string, holderId: string): boolean {
    return this.authorisations.some((a) => a.licenceId === licenceId && a.holderId === holderId.toUpperCase());
  }
}

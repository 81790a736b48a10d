import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyForms, catalogMaterials } from './apply-forms.js';
import { between, pick, seededRandom } from './prng.js';
import { aliasRules, flowKeywords, legalKeywords, legalMaterials, lifeEventKeywords, personKeywords, personMaterials } from './rules.js';

/** A record of `data/matters-real.json` (see data/matters-real.md for what each field means). */
export interface RealRecord {
  id: string;
  name: string;
  department: string | null;
  category: string | null;
  matterTypeCode: string | null;
  code: string | null;
  codeKind: string | null;
  region: string | null;
  regionCode: string | null;
  serviceObject: string | null;
  materials: { name: string; copies?: string | null; requirement?: string | null }[] | null;
  timeLimit: { legal?: string | null; promised?: string | null; projectType?: string | null; note?: string | null } | null;
  fee: string | null;
  legalBasis: string | null;
  selfServiceKiosk: boolean | null;
  sourceUrl: string | null;
  source: string;
  notes: string | null;
}

/** A matter as the platform API publishes it (see main/core/platform/openapi.yaml, schema Matter). */
export type PlatformMatter = Record<string, unknown> & { id: string; name: string; popularity: number };

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
const readData = <T>(file: string): T => JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as T;

/** Implementing regions by source (data/regions.json), and the matters' colloquial names (data/aliases.json). */
export const regionData = readData<{
  byPrefix: { prefix: string; match?: string; code: string; name: string }[];
  scaledDistricts: Record<string, string>;
}>('regions.json');
const extraAliases = readData<{ rules: { match: string; aliases: string[] }[] }>('aliases.json').rules.map((r) => ({
  match: new RegExp(r.match),
  aliases: r.aliases,
}));

function regionOf(r: RealRecord): { code: string; name: string } | null {
  const hit = regionData.byPrefix.find((p) => r.id.startsWith(p.prefix) && (!p.match || new RegExp(p.match).test(r.region ?? '')));
  return hit ? { code: hit.code, name: hit.name } : null;
}

const typeCodes = new Set(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20']);

function days(text: string | null | undefined): number | null {
  const m = /(\d+)/.exec(text ?? '');
  return m ? Number(m[1]) : null;
}

function materialForm(requirement: string | null | undefined): string {
  if (!requirement) return 'original';
  if (/原件/.test(requirement) && /复印件/.test(requirement)) return 'originalAndCopy';
  if (/复印件/.test(requirement)) return 'copy';
  return 'original';
}

function terminalFlows(r: RealRecord): string[] | null {
  if (r.selfServiceKiosk !== true) return null;
  const flows = flowKeywords.filter((f) => f.pattern.test(r.name)).map((f) => f.flow);
  if (flows.includes('printProof') && !flows.includes('query')) flows.unshift('query');
  return flows.length > 0 ? [...new Set(flows)] : ['query'];
}

/**
 * Turns one real record into a platform matter: real fields are kept as they are; the fields the source lacks are
 * generated from rules and a per-record seed, and named in `synthetic`.
 */
export function toPlatformMatter(r: RealRecord): PlatformMatter {
  const rand = seededRandom(r.id);
  const synthetic: string[] = [];
  const flows = terminalFlows(r);
  const typeCode = r.matterTypeCode && typeCodes.has(r.matterTypeCode) ? r.matterTypeCode : null;

  const legal = legalKeywords.test(r.name) || /法人/.test(r.category ?? '');
  const person = personKeywords.test(r.name) || flows !== null || !legal;
  const audience = [...(person ? ['person'] : []), ...(legal ? ['legal'] : [])];
  synthetic.push('audience');

  let materials;
  const form = applyForms.get(r.id);
  if (form) {
    // the guide lists what the application form asks for (一次告知 and the form agree)
    materials = catalogMaterials(form);
    synthetic.push('materials');
  } else if (r.materials && r.materials.length > 0) {
    materials = r.materials.map((m) => ({
      name: m.name,
      form: materialForm(m.requirement),
      copies: days(m.copies),
      notes: m.requirement ?? null,
      electronicLicence: /身份证|户口/.test(m.name),
      deferrable: false,
    }));
    synthetic.push('materials.electronicLicence');
  } else {
    synthetic.push('materials');
    const pool = legal && !person ? legalMaterials : personMaterials;
    const count = flows && !flows.includes('apply') ? 1 : between(rand, 2, 5);
    const chosen = [pool[0], ...[...pool.slice(1)].sort(() => rand() - 0.5).slice(0, count - 1)];
    materials = chosen.map((m, i) => ({
      name: m.name,
      form: m.form,
      copies: m.form === 'original' ? 1 : between(rand, 1, 2),
      notes: null,
      electronicLicence: m.electronicLicence,
      deferrable: i > 0 && rand() < 0.2,
    }));
  }

  let timeLimit;
  if (r.timeLimit && (r.timeLimit.legal || r.timeLimit.promised || r.timeLimit.note)) {
    timeLimit = {
      legalDays: days(r.timeLimit.legal),
      promisedDays: days(r.timeLimit.promised),
      instant: r.timeLimit.projectType === '即办件',
      note: r.timeLimit.note ?? null,
    };
  } else {
    synthetic.push('timeLimit');
    const instant = flows !== null && !flows.includes('apply') ? true : rand() < 0.25;
    const legalDays = instant ? 0 : typeCode === '01' ? pick(rand, [15, 20, 30]) : pick(rand, [5, 10, 15, 20]);
    timeLimit = { legalDays, promisedDays: instant ? 0 : Math.max(1, Math.round(legalDays * (0.2 + rand() * 0.5))), instant, note: null };
  }

  let fee;
  if (r.fee) fee = { free: /无|不收费|免费/.test(r.fee), amount: /无|不收费|免费/.test(r.fee) ? null : r.fee, basis: null };
  else {
    synthetic.push('fee');
    fee =
      typeCode === '01' && rand() < 0.1
        ? { free: false, amount: '工本费 10 元', basis: '按收费项目目录执行（生成数据）' }
        : { free: true, amount: null, basis: null };
  }

  const resultType = flows?.includes('printProof')
    ? 'proof'
    : flows?.includes('query') && !flows.includes('apply')
      ? 'record'
      : typeCode === '01'
        ? 'licence'
        : typeCode === '07'
          ? 'certificate'
          : 'approval';
  synthetic.push('result', 'process', 'conditions', 'channels.online', 'tongban', 'lifeEvents', 'popularity');

  const process = flows
    ? [
        '刷身份证或社保卡',
        flows.includes('printProof') ? '核对信息后打印' : flows.includes('apply') ? '填写并提交申请' : '查看结果',
        '取走凭证、评价服务',
      ]
    : typeCode === '01'
      ? ['提交申请', '受理', '审查', '作出决定', '送达结果']
      : ['提交申请', '受理', '办结'];

  const conditions =
    legal && !person
      ? ['依法设立的企业或其他组织', '符合相关法律法规规定的条件']
      : ['本人办理，或委托他人代为办理', '本辖区户籍或居住人员'];
  if (r.serviceObject) conditions.unshift(`服务对象：${r.serviceObject}`);

  const lifeEvents = Object.entries(lifeEventKeywords)
    .filter(([, re]) => re.test(r.name))
    .map(([k]) => k);

  const aliases = [...new Set([...aliasRules, ...extraAliases].filter((a) => a.match.test(r.name)).flatMap((a) => a.aliases))];
  const region = regionOf(r);
  if (aliases.length > 0) synthetic.push('aliases');

  const hallNeeded = flows === null;
  if (hallNeeded) synthetic.push('hall');
  const guideUrl = r.sourceUrl ?? `https://zwfw.example.gov.cn/guide/${encodeURIComponent(r.id)}`;
  if (!r.sourceUrl) synthetic.push('guideUrl');

  const basicCode = r.code && /^\d{12}$/.test(r.code) ? r.code : null;
  const implementationCode = r.code && /实施编码|itemCode/.test(r.codeKind ?? '') ? r.code : null;
  const localCode = r.code && !basicCode && !implementationCode ? r.code : null;

  return {
    id: r.id,
    name: r.name.trim(),
    aliases,
    basicCode,
    implementationCode,
    localCode,
    typeCode,
    audience,
    agency: r.department ?? r.region ?? '实施机关未载明',
    department: r.department,
    region: region?.name ?? r.region,
    regionCode: region?.code ?? null,
    legalBasis: r.legalBasis,
    conditions,
    materials,
    timeLimit,
    fee,
    result: {
      type: resultType,
      name: resultType === 'proof' ? r.name.replace(/开具|出具|自助查询、打印/g, '') : null,
      // none of the real sources has a result sample
      sampleUrl: null,
      delivery: flows?.includes('printProof') ? ['print', 'electronic'] : flows ? ['electronic'] : ['window', 'post'],
    },
    process,
    channels: { window: true, online: rand() < 0.7, terminal: flows ? { flows } : null },
    tongban: rand() < 0.6 ? 'local' : rand() < 0.5 ? 'city' : rand() < 0.75 ? 'province' : 'crossProvince',
    lifeEvents,
    hall: hallNeeded
      ? {
          name: `${(r.region ?? '').replace(/\(.*$/, '') || '本地'}政务服务中心`,
          address: `${pick(rand, ['人民路', '建设路', '中山路', '解放路'])}${between(rand, 1, 300)}号 政务服务中心 ${between(rand, 1, 3)} 楼`,
          hours: '周一至周五 9:00—12:00，13:30—17:00（法定节假日除外）',
          phone: '12345',
        }
      : null,
    guideUrl,
    popularity: flows ? between(rand, 40, 100) : between(rand, 0, 40),
    source: r.source,
    synthetic,
  };
}

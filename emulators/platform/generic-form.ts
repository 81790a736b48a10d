import { field, type EmulatedForm, type EmulatedMaterial } from './apply-forms.js';
import type { PlatformMatter } from './generate.js';

/**
 * The form of an apply matter nobody wrote one for: the applicant (from the card), a phone number, what is asked
 * for in the resident's words, and the catalog's own materials — so every matter the 办事 tile lists can be applied
 * for against the emulator, and its guide and form agree by construction. The hand-written forms (apply-forms.ts)
 * are the realistic ones.
 */
const licenceTypes: [RegExp, string][] = [
  [/户口/, '居民户口簿'],
  [/结婚证/, '结婚证'],
  [/居住证/, '居住证'],
  [/不动产/, '不动产权证书'],
  [/残疾人证/, '残疾人证'],
  [/营业执照/, '营业执照'],
  [/身份证/, '居民身份证'],
];

export function genericForm(matter: PlatformMatter): EmulatedForm {
  const materials = (matter.materials as { name: string; copies: number | null; electronicLicence: boolean; deferrable: boolean }[]).map(
    (m, i): EmulatedMaterial => {
      const type = licenceTypes.find(([re]) => re.test(m.name))?.[1];
      const pages = Math.max(1, Math.min(m.copies ?? 1, 4));
      return {
        id: `m${i + 1}`,
        name: m.name,
        required: true,
        deferrable: m.deferrable,
        licenceTypes: m.electronicLicence && type ? [type] : [],
        pagesHint: pages,
        sources: pages > 1 ? ['feeder', 'platen'] : ['platen'],
      };
    },
  );
  return {
    matterId: matter.id,
    version: '2026.1',
    groups: [
      {
        id: 'applicant',
        title: '申请人信息',
        fields: [
          field('name', '姓名', 'text', { prefill: { from: 'card', field: 'name' }, maxLength: 30 }),
          field('idNumber', '公民身份号码', 'idNumber', {
            prefill: { from: 'card', field: 'idNumber' },
            pattern: '[0-9]{17}[0-9X]',
            patternMessage: '身份证号码是18位，最后一位可能是X',
          }),
          field('phone', '联系电话', 'phone', {
            help: '受理结果和办理进度会发短信到这个号码',
            pattern: '1[3-9][0-9]{9}',
            patternMessage: '请输入11位手机号码',
            maxLength: 11,
          }),
        ],
      },
      {
        id: 'request',
        title: '申请内容',
        fields: [field('request', '申请事项说明', 'text', { help: `简要写明要办理的「${matter.name}」具体内容`, maxLength: 200 })],
      },
    ],
    rules: [],
    materials,
    commitment: {
      version: 'CN-GEN-2026.1',
      text: `本人申请「${matter.name}」，承诺所填信息和所交材料真实、准确、完整，如有虚假，愿意承担相应法律责任。`,
    },
    rejectable: { field: 'request', message: '申请事项说明不清楚，请写明要办理的具体内容' },
    promisedDays: (matter.timeLimit as { promisedDays: number | null }).promisedDays ?? 5,
    delivery: ['electronic'],
  };
}

/**
 * The application forms (一表申请) of the terminal-enabled apply matters in the dataset, as the platform API serves
 * them (main/core/platform/openapi.yaml, `MatterForm`). Written for plausibility from the public guides of these
 * Shanghai services; the real platform publishes its own. The catalog's `materials` of these matters are derived
 * from the forms' materials (generate.ts), so the guide and the form never disagree.
 */

type FieldType = 'text' | 'idNumber' | 'phone' | 'date' | 'select' | 'region' | 'address' | 'number' | 'checkbox';
type Prefill = { from: 'card'; field: string } | { from: 'licence'; licenceType: string; field: string };

export interface EmulatedField {
  id: string;
  label: string;
  type: FieldType;
  required: boolean;
  help: string | null;
  pattern: string | null;
  patternMessage: string | null;
  min: number | null;
  max: number | null;
  maxLength: number | null;
  options: { value: string; label: string }[] | null;
  prefill: Prefill | null;
  input: 'chinese' | 'latin' | 'digits';
}

export type EmulatedRule =
  | { kind: 'requiredIf'; field: string; when: { field: string; equals: string | boolean }; message: string }
  | { kind: 'dateNotBefore'; field: string; other: string; message: string }
  | { kind: 'differs'; field: string; other: string; message: string };

export interface EmulatedMaterial {
  id: string;
  name: string;
  required: boolean;
  deferrable: boolean;
  licenceTypes: string[];
  pagesHint: number;
  sources: ('platen' | 'feeder' | 'camera')[];
}

export interface EmulatedForm {
  matterId: string;
  version: string;
  groups: { id: string; title: string; fields: EmulatedField[] }[];
  rules: EmulatedRule[];
  materials: EmulatedMaterial[];
  commitment: { version: string; text: string } | null;
  /** Who may apply: the platform refuses others (`notEligible`); the terminal cannot fix it. */
  minimumAge?: number;
  /** The field the `fieldRejected` fault refuses, with the platform's words. */
  rejectable: { field: string; message: string };
  promisedDays: number;
  delivery: ('window' | 'post' | 'electronic' | 'print')[];
}

/** A required field with the defaults of its type (its keyboard, a text's length); `more` overrides any of them. */
export const field = (id: string, label: string, type: FieldType, more: Partial<EmulatedField> = {}): EmulatedField => ({
  id,
  label,
  type,
  required: true,
  help: null,
  pattern: null,
  patternMessage: null,
  min: null,
  max: null,
  maxLength: type === 'text' || type === 'address' ? 100 : null,
  options: null,
  prefill: null,
  input: type === 'phone' || type === 'number' || type === 'date' ? 'digits' : type === 'idNumber' ? 'latin' : 'chinese',
  ...more,
});
const options = (...labels: string[]) => labels.map((label, i) => ({ value: String(i + 1).padStart(2, '0'), label }));
const card = (f: string): Prefill => ({ from: 'card', field: f });

const applicantFields = (withAddress: boolean): EmulatedField[] => [
  field('name', '姓名', 'text', { prefill: card('name'), maxLength: 30 }),
  field('idNumber', '公民身份号码', 'idNumber', {
    prefill: card('idNumber'),
    pattern: '[0-9]{17}[0-9X]',
    patternMessage: '身份证号码是18位，最后一位可能是X',
  }),
  field('sex', '性别', 'select', {
    prefill: card('sex'),
    options: [
      { value: '1', label: '男' },
      { value: '2', label: '女' },
    ],
  }),
  field('birthDate', '出生日期', 'date', { prefill: card('birthDate') }),
  ...(withAddress ? [field('address', '户籍地址', 'address', { prefill: card('address') })] : []),
  field('phone', '联系电话', 'phone', {
    help: '受理结果和办理进度会发短信到这个号码',
    pattern: '1[3-9][0-9]{9}',
    patternMessage: '请输入11位手机号码',
    maxLength: 11,
  }),
];

const regionField = (id: string, label: string, help: string) => field(id, label, 'region', { help, input: 'chinese' });
const bankFields = (): EmulatedField[] => [
  field('bank', '发放银行', 'select', { options: options('上海银行', '中国工商银行', '中国农业银行', '中国建设银行', '交通银行') }),
  field('bankAccount', '银行卡号', 'text', {
    pattern: '[0-9]{16,19}',
    patternMessage: '银行卡号是16到19位数字',
    maxLength: 19,
    input: 'digits',
  }),
];

const commitment = (version: string, what: string) => ({
  version,
  text:
    `本人申请${what}，郑重承诺：\n` +
    '一、本人所填报的信息和提交的材料真实、准确、完整，复印件与原件一致；\n' +
    '二、本人已知晓本事项的办理条件和要求，符合相关规定；\n' +
    '三、本人同意有关部门通过电子证照库和数据共享核查所填信息；\n' +
    '四、如有虚假，本人愿意承担相应法律责任，并同意记入公共信用信息服务平台。',
});

const residencePermit: EmulatedForm = {
  matterId: 'sh-kiosk-112',
  version: '2026.3',
  groups: [
    { id: 'applicant', title: '申请人信息', fields: applicantFields(false) },
    {
      id: 'residence',
      title: '居住信息',
      fields: [
        field('permitNumber', '居住证号码', 'text', {
          prefill: { from: 'licence', licenceType: '居住证', field: 'number' },
          pattern: '[0-9A-Z]{10,20}',
          patternMessage: '请按居住证上的号码填写',
          input: 'latin',
          maxLength: 20,
        }),
        regionField('region', '现居住地（区、街道）', '选到区；本市的居住证只在本市签注'),
        field('residenceAddress', '现居住地详细地址', 'address', { help: '路、弄、号、室，例如：临汾路380弄5号602室' }),
        field('moveInDate', '在现住址居住起始日期', 'date'),
        field('reason', '居住事由', 'select', { options: options('就业', '就读', '投靠亲属', '其他') }),
        field('employer', '就业单位名称', 'text', { required: false, help: '居住事由为就业时填写' }),
        field('socialInsurance', '在本市连续缴纳职工社会保险', 'checkbox', { required: false }),
      ],
    },
  ],
  rules: [
    { kind: 'requiredIf', field: 'employer', when: { field: 'reason', equals: '01' }, message: '居住事由是就业时，请填写就业单位' },
    { kind: 'dateNotBefore', field: 'moveInDate', other: 'birthDate', message: '居住起始日期不能早于出生日期' },
  ],
  materials: [
    { id: 'permit', name: '居住证', required: true, deferrable: false, licenceTypes: ['居住证'], pagesHint: 1, sources: ['platen'] },
    {
      id: 'housing',
      name: '住所证明（租赁合同或房屋产权证明）',
      required: true,
      deferrable: false,
      licenceTypes: ['不动产权证书'],
      pagesHint: 3,
      sources: ['feeder', 'platen'],
    },
    {
      id: 'employment',
      name: '劳动合同或就业证明',
      required: false,
      deferrable: true,
      licenceTypes: [],
      pagesHint: 2,
      sources: ['feeder', 'platen'],
    },
  ],
  commitment: commitment('CN-JZZ-2026.1', '上海市居住证签注'),
  rejectable: { field: 'residenceAddress', message: '详细地址未能在本市标准地址库中找到，请写到门牌号和室号' },
  promisedDays: 0,
  delivery: ['electronic'],
};

const seniorCard: EmulatedForm = {
  matterId: 'sh-kiosk-113',
  version: '2026.2',
  groups: [
    { id: 'applicant', title: '申请人信息', fields: applicantFields(true) },
    {
      id: 'household',
      title: '户籍信息',
      fields: [
        regionField('region', '户籍所在区', '敬老卡由户籍所在区的街道（乡镇）社区事务受理服务中心发放'),
        field('householdNumber', '户号', 'text', {
          prefill: { from: 'licence', licenceType: '居民户口簿', field: 'householdNumber' },
          required: false,
          pattern: '[0-9]{6,12}',
          patternMessage: '户号是户口簿首页上的数字',
          input: 'digits',
          maxLength: 12,
        }),
      ],
    },
    { id: 'allowance', title: '老年综合津贴发放', fields: bankFields() },
    {
      id: 'contact',
      title: '紧急联系人',
      fields: [
        field('contactName', '紧急联系人姓名', 'text', { required: false, maxLength: 30 }),
        field('contactPhone', '紧急联系人电话', 'phone', {
          required: false,
          pattern: '1[3-9][0-9]{9}',
          patternMessage: '请输入11位手机号码',
          maxLength: 11,
        }),
      ],
    },
  ],
  rules: [
    { kind: 'requiredIf', field: 'contactPhone', when: { field: 'contactName', equals: true }, message: '填了紧急联系人，请留下他的电话' },
    { kind: 'differs', field: 'contactPhone', other: 'phone', message: '紧急联系人电话不能和本人电话相同' },
  ],
  materials: [
    {
      id: 'household',
      name: '居民户口簿',
      required: true,
      deferrable: false,
      licenceTypes: ['居民户口簿'],
      pagesHint: 2,
      sources: ['platen'],
    },
    {
      id: 'photo',
      name: '近期免冠一寸照片',
      required: true,
      deferrable: true,
      licenceTypes: [],
      pagesHint: 1,
      sources: ['camera', 'platen'],
    },
    { id: 'bankCard', name: '银行卡', required: false, deferrable: true, licenceTypes: [], pagesHint: 1, sources: ['platen'] },
  ],
  commitment: commitment('CN-JLK-2025.4', '上海市敬老卡及老年综合津贴'),
  minimumAge: 65,
  rejectable: { field: 'bankAccount', message: '这张银行卡不是本人名下的借记卡，请换一张' },
  promisedDays: 15,
  delivery: ['window', 'post'],
};

const unemployment: EmulatedForm = {
  matterId: 'sh-kiosk-013',
  version: '2026.1',
  groups: [
    { id: 'applicant', title: '申请人信息', fields: applicantFields(false) },
    {
      id: 'residence',
      title: '常住地',
      fields: [
        regionField('region', '常住地（区）', '在常住地的街道（乡镇）就业服务机构登记'),
        field('residenceAddress', '常住地详细地址', 'address'),
      ],
    },
    {
      id: 'employment',
      title: '原就业情况',
      fields: [
        field('lastEmployer', '原工作单位', 'text'),
        field('contractEnd', '劳动合同终止（解除）日期', 'date'),
        field('reason', '失业原因', 'select', {
          options: options('劳动合同期满', '单位解除劳动合同', '本人辞职', '单位破产或关闭', '其他'),
        }),
        field('education', '文化程度', 'select', { options: options('初中及以下', '高中、中专、技校', '大专', '本科', '研究生') }),
        field('wantsWork', '本人有就业意愿，愿意接受就业服务', 'checkbox'),
      ],
    },
  ],
  rules: [{ kind: 'dateNotBefore', field: 'contractEnd', other: 'birthDate', message: '合同终止日期不能早于出生日期' }],
  materials: [
    {
      id: 'termination',
      name: '解除或终止劳动合同的证明',
      required: true,
      deferrable: true,
      licenceTypes: [],
      pagesHint: 2,
      sources: ['feeder', 'platen'],
    },
    {
      id: 'permit',
      name: '居住证（非本市户籍）',
      required: false,
      deferrable: false,
      licenceTypes: ['居住证'],
      pagesHint: 1,
      sources: ['platen'],
    },
  ],
  commitment: commitment('CN-SYDJ-2024.2', '失业登记'),
  rejectable: { field: 'lastEmployer', message: '原单位名称与社保缴费记录不一致，请按营业执照上的全称填写' },
  promisedDays: 5,
  delivery: ['electronic'],
};

const flexibleEmployment: EmulatedForm = {
  matterId: 'sh-kiosk-014',
  version: '2026.1',
  groups: [
    { id: 'applicant', title: '申请人信息', fields: applicantFields(false) },
    {
      id: 'work',
      title: '就业情况',
      fields: [
        field('jobType', '灵活就业形式', 'select', { options: options('个体经营', '非全日制就业', '新就业形态（平台接单）', '其他') }),
        field('startDate', '开始灵活就业日期', 'date'),
        regionField('region', '从业地（区）', '选到区'),
        field('workAddress', '从业地址', 'address', { required: false }),
        field('insurance', '同时办理灵活就业人员社会保险登记', 'checkbox', { required: false }),
      ],
    },
  ],
  rules: [{ kind: 'dateNotBefore', field: 'startDate', other: 'birthDate', message: '开始日期不能早于出生日期' }],
  materials: [
    {
      id: 'licence',
      name: '营业执照（个体经营时）',
      required: false,
      deferrable: true,
      licenceTypes: ['营业执照'],
      pagesHint: 1,
      sources: ['platen'],
    },
  ],
  commitment: commitment('CN-LHJY-2025.1', '灵活就业登记'),
  rejectable: { field: 'startDate', message: '开始日期晚于今天，请填写已经开始的日期' },
  promisedDays: 3,
  delivery: ['electronic'],
};

const disabilityTransport: EmulatedForm = {
  matterId: 'sh-kiosk-019',
  version: '2026.1',
  groups: [
    { id: 'applicant', title: '申请人信息', fields: applicantFields(true) },
    {
      id: 'disability',
      title: '残疾情况',
      fields: [
        field('certNumber', '残疾人证号', 'text', {
          prefill: { from: 'licence', licenceType: '残疾人证', field: 'number' },
          pattern: '[0-9]{17}[0-9X][1-7][1-4](B[1-9])?',
          patternMessage: '残疾人证号是身份证号后面加残疾类别和等级，共20位左右',
          input: 'latin',
          maxLength: 24,
        }),
        field('level', '残疾等级', 'select', {
          prefill: { from: 'licence', licenceType: '残疾人证', field: 'level' },
          options: options('一级', '二级', '三级', '四级'),
        }),
        regionField('region', '户籍所在区', '补贴由户籍所在区残联发放'),
      ],
    },
    { id: 'allowance', title: '补贴发放', fields: bankFields() },
  ],
  rules: [],
  materials: [
    { id: 'cert', name: '残疾人证', required: true, deferrable: false, licenceTypes: ['残疾人证'], pagesHint: 2, sources: ['platen'] },
    { id: 'bankCard', name: '本人银行卡', required: true, deferrable: true, licenceTypes: [], pagesHint: 1, sources: ['platen'] },
  ],
  commitment: commitment('CN-CJJT-2025.3', '残疾人交通补贴'),
  rejectable: { field: 'certNumber', message: '残疾人证号与全国残疾人人口基础库不一致，请核对' },
  promisedDays: 20,
  delivery: ['electronic', 'post'],
};

/** By matter id (the dataset merges 静安's 居住证签注, sh-kiosk-127, into the city list's sh-kiosk-112). */
export const applyForms: ReadonlyMap<string, EmulatedForm> = new Map([
  ['sh-kiosk-112', residencePermit],
  ['sh-kiosk-113', seniorCard],
  ['sh-kiosk-013', unemployment],
  ['sh-kiosk-014', flexibleEmployment],
  ['sh-kiosk-019', disabilityTransport],
]);

/** What the API sends: the form without the emulator's own knobs. */
export function formReply(f: EmulatedForm): Record<string, unknown> {
  return { matterId: f.matterId, version: f.version, groups: f.groups, rules: f.rules, materials: f.materials, commitment: f.commitment };
}

/** The catalog's materials (`Material` in the OpenAPI document) of a matter that has a form. */
export function catalogMaterials(f: EmulatedForm): Record<string, unknown>[] {
  return f.materials.map((m) => ({
    name: m.name,
    form: m.licenceTypes.length > 0 ? 'originalAndCopy' : 'original',
    copies: m.pagesHint > 1 ? 1 : null,
    notes: m.deferrable ? '可容缺受理，后补材料' : null,
    electronicLicence: m.licenceTypes.length > 0,
    deferrable: m.deferrable,
  }));
}

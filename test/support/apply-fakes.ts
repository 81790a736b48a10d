import type {
  ApplicationDraft,
  ApplyPort,
  ELicence,
  FormField,
  MatterForm,
  SubmissionOutcome,
  SubmissionProgress,
} from '../../main/core/apply/apply-types.js';
import type { CardHolder } from '../../main/core/flows/steps/apply-prefill.js';
import { RunData, type StepContext, type StepOutcome } from '../../main/core/flows/types.js';
import type { StepView } from '../../main/core/flows/views.js';

/** A form field with the contract's defaults; tests name only what matters to them. */
export const field = (f: Partial<FormField> & { id: string }): FormField => ({
  label: f.id,
  type: 'text',
  required: false,
  help: null,
  pattern: null,
  patternMessage: null,
  min: null,
  max: null,
  maxLength: null,
  options: null,
  prefill: null,
  input: 'chinese',
  ...f,
});

/** 敬老卡申领-like form: applicant from the card, household from the 户口簿 licence, contact typed, rules across groups. */
export const elderCardForm = (): MatterForm => ({
  matterId: 'sh-kiosk-113',
  version: '2026.1',
  groups: [
    {
      id: 'applicant',
      title: '申请人',
      fields: [
        field({ id: 'name', label: '姓名', required: true, prefill: { from: 'card', field: 'name' } }),
        field({
          id: 'idNumber',
          label: '身份证号码',
          type: 'idNumber',
          required: true,
          input: 'latin',
          prefill: { from: 'card', field: 'idNumber' },
        }),
        field({
          id: 'sex',
          label: '性别',
          type: 'select',
          required: true,
          options: [
            { value: '1', label: '男' },
            { value: '2', label: '女' },
          ],
          prefill: { from: 'card', field: 'sex' },
        }),
      ],
    },
    {
      id: 'household',
      title: '户籍',
      fields: [
        field({
          id: 'hukouAddress',
          label: '户籍地址',
          type: 'address',
          required: true,
          prefill: { from: 'licence', licenceType: 'hukou', field: 'address' },
        }),
        field({ id: 'region', label: '居住地区', type: 'region', required: true }),
      ],
    },
    {
      id: 'contact',
      title: '联系方式',
      fields: [
        field({ id: 'phone', label: '手机号码', type: 'phone', required: true, input: 'digits' }),
        field({ id: 'proxy', label: '由他人代领', type: 'checkbox' }),
        field({ id: 'proxyName', label: '代领人姓名' }),
        field({ id: 'proxyPhone', label: '代领人电话', type: 'phone', input: 'digits' }),
        field({ id: 'from', label: '开始日期', type: 'date', input: 'digits' }),
        field({ id: 'until', label: '结束日期', type: 'date', input: 'digits' }),
      ],
    },
  ],
  rules: [
    { kind: 'requiredIf', field: 'proxyName', when: { field: 'proxy', equals: true }, message: '由他人代领时，请填写代领人姓名。' },
    { kind: 'differs', field: 'proxyPhone', other: 'phone', message: '代领人电话不能和申请人电话相同。' },
    { kind: 'requiredIf', field: 'proxyPhone', when: { field: 'proxyName', equals: true }, message: '填了代领人，请留下他的电话。' },
    { kind: 'dateNotBefore', field: 'until', other: 'from', message: '结束日期不能早于开始日期。' },
  ],
  materials: [
    { id: 'hukou', name: '居民户口簿', required: true, deferrable: false, licenceTypes: ['hukou'], pagesHint: 2, sources: ['platen'] },
    { id: 'photo', name: '一寸照片', required: true, deferrable: true, licenceTypes: [], pagesHint: 1, sources: ['platen'] },
  ],
  commitment: { version: 'c-3', text: '本人承诺所填信息真实有效，如有虚假，愿承担相应法律责任。' },
});

export const hukouLicence: ELicence = {
  id: 'LIC-HUKOU',
  type: 'hukou',
  name: '居民户口簿',
  maskedNumber: '3101**********0040',
  issuer: '上海市公安局',
  validFrom: '2020-01-01',
  validUntil: null,
  fields: ['address'],
};

export const holder: CardHolder = {
  name: '王秀英',
  idNumber: '310106195003120040',
  sex: 'female',
  birthDate: '1950-03-12',
  address: '上海市静安区临汾路街道汾西路261弄',
  nation: '汉',
};

/** An ApplyPort whose replies the test sets; records what it was asked. */
export function fakeApplyPort(form: MatterForm, licences: ELicence[] = [hukouLicence]) {
  const calls = { licenceValues: [] as string[], submitted: [] as ApplicationDraft[] };
  let outcome: (draft: ApplicationDraft, onProgress?: (p: SubmissionProgress) => void) => Promise<SubmissionOutcome> = async () => ({
    kind: 'queued',
    localReference: 'L-0001',
  });
  const port: ApplyPort = {
    form: async () => form,
    licences: async () => licences,
    licenceValues: async (id): Promise<Record<string, string>> => {
      calls.licenceValues.push(id);
      return id === hukouLicence.id ? { address: '上海市静安区汾西路261弄8号' } : {};
    },
    submit: async (draft, o) => {
      calls.submitted.push(draft);
      return outcome(draft, o.onProgress);
    },
  };
  return { port, calls, reply: (f: typeof outcome) => (outcome = f) };
}

/** A step context over `data` for the matter 敬老卡申领; `views` collects what the step pushed while working. */
export function applyCtx(data = new RunData(), guideUrl: string | null = 'https://zwfw.example.gov.cn/guide/113') {
  const views: StepView[] = [];
  const ctx = {
    flow: { id: 'apply' },
    matter: { id: 'sh-kiosk-113', name: '敬老卡申领', guideUrl },
    data,
    signal: new AbortController().signal,
    update: (v: StepView) => views.push(v),
  } as unknown as StepContext;
  return { ctx, data, views };
}

/** The view of a `wait` outcome for the given step, or a failing test. */
export function viewOf<S extends StepView['step']>(out: StepOutcome, step: S): Extract<StepView, { step: S }> {
  if (out.kind !== 'wait' || out.view.step !== step)
    throw new Error(`expected to wait on ${step}, got ${JSON.stringify(out).slice(0, 300)}`);
  return out.view as Extract<StepView, { step: S }>;
}

import { createHash } from 'node:crypto';
import type { EmulatedField, EmulatedForm } from './apply-forms.js';
import { maskHolderName, type CaseReply } from './case-book.js';
import type { LicenceLibrary } from './licence-library.js';
import type { UploadStore } from './upload-store.js';

/**
 * Receives applications (申请) from terminals: validates them as the platform does (each refusal names the field),
 * opens one case per idempotency key — a repeated key is answered with the case it already opened and counted — and
 * texts the applicant the case number (the SMS is recorded, not sent).
 */
export interface SubmissionBody {
  idempotencyKey: string;
  localReference: string | null;
  matterId: string;
  formVersion: string;
  applicant: { name: string; idNumber: string };
  values: Record<string, unknown>;
  materials: ({ materialId: string } & (
    | { kind: 'upload'; uploadId: string; pages: number }
    | { kind: 'licence'; licenceId: string; authorisedAt: string }
    | { kind: 'deferred' }
  ))[];
  commitment: { version: string; signedAt: string; signatureUploadId: string } | null;
}

export type SubmissionOutcome =
  | { status: 200; body: Record<string, unknown> }
  | { status: 422; code: 'fieldRejected'; message: string; field: string }
  | { status: 404 | 409; code: string; message: string };

export interface OpenedCase {
  idempotencyKey: string;
  terminal: string;
  localReference: string | null;
  matterId: string;
  holderId: string;
  values: Record<string, unknown>;
  reply: Record<string, unknown>;
}

const dayMs = 86_400_000;
const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export class ApplicationDesk {
  /** Every submission request by idempotency key, counted (a terminal's retries and duplicates included). */
  readonly deliveries = new Map<string, number>();
  /** Cases opened, by terminal + key: one per application. */
  readonly opened = new Map<string, OpenedCase>();
  readonly sms: { to: string; text: string; at: string }[] = [];
  duplicatesAnswered = 0;

  constructor(
    private readonly deps: {
      formOf: (matterId: string) => EmulatedForm | null;
      matterName: (matterId: string) => { name: string; agency: string } | null;
      licences: LicenceLibrary;
      uploads: UploadStore;
      publicUrl: string;
      /** Where the progress query finds the case (the case book). */
      record: (holderId: string, queryCode: string, reply: CaseReply) => void;
      now?: () => number;
    },
  ) {}

  submit(terminal: string, b: SubmissionBody, o: { rejectField: boolean }): SubmissionOutcome {
    this.deliveries.set(b.idempotencyKey, (this.deliveries.get(b.idempotencyKey) ?? 0) + 1);
    const key = `${terminal}\n${b.idempotencyKey}`;
    const seen = this.opened.get(key);
    if (seen) {
      if (seen.matterId !== b.matterId || seen.holderId !== b.applicant.idNumber.toUpperCase())
        return { status: 409, code: 'conflict', message: 'this idempotencyKey was used for another application' };
      this.duplicatesAnswered++;
      return { status: 200, body: { ...seen.reply, duplicate: true } };
    }
    const form = this.deps.formOf(b.matterId);
    const matter = this.deps.matterName(b.matterId);
    if (!form || !matter) return { status: 404, code: 'notFound', message: `no application form for ${b.matterId}` };
    if (b.formVersion !== form.version) return { status: 409, code: 'formOutdated', message: '申请表已更新，请重新填写（表单版本不一致）' };
    const holderId = b.applicant.idNumber.toUpperCase();
    if (form.minimumAge !== undefined && ageOf(holderId, this.now()) < form.minimumAge)
      return { status: 409, code: 'notEligible', message: `本事项需年满${form.minimumAge}周岁方可申请` };
    const invalid = this.validate(terminal, form, b, holderId);
    if (invalid) return { status: 422, code: 'fieldRejected', ...invalid };
    if (o.rejectField) return { status: 422, code: 'fieldRejected', ...form.rejectable };

    const now = this.now();
    const serial = this.opened.size + 1;
    const caseNumber = `310106${new Date(now + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '')}${String(500_000 + serial).slice(-6)}`;
    const digest = createHash('sha256').update(`${caseNumber}:${b.idempotencyKey}`).digest();
    const queryCode = Array.from({ length: 6 }, (_, i) => codeAlphabet[digest[i]! % codeAlphabet.length]).join('');
    const deferred = b.materials.filter((m) => m.kind === 'deferred').map((m) => m.materialId);
    const scanned = b.materials.some((m) => m.kind === 'upload');
    const status = deferred.length > 0 || scanned ? 'needsReview' : 'accepted';
    const promisedDate = form.promisedDays > 0 ? isoDate(now + Math.ceil((form.promisedDays * 7) / 5) * dayMs) : null;
    const queryUrl = `${this.deps.publicUrl.replace(/\/$/, '')}/progress/${createHash('sha256').update(`progress:${caseNumber}`).digest('hex').slice(0, 20)}`;
    const reply = { caseNumber, queryCode, status, promisedDate, delivery: form.delivery, queryUrl };
    this.opened.set(key, {
      idempotencyKey: b.idempotencyKey,
      terminal,
      localReference: b.localReference,
      matterId: b.matterId,
      holderId,
      values: b.values,
      reply,
    });
    this.deps.record(holderId, queryCode, this.caseReply(form, matter, b, reply, deferred, now));
    const phone = typeof b.values.phone === 'string' ? b.values.phone : null;
    if (phone)
      this.sms.push({
        to: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
        text:
          `【政务服务】您${b.localReference ? `在自助终端保存的申请（本地编号 ${b.localReference}）` : '的申请'}` +
          `「${matter.name}」已提交受理，办件编号 ${caseNumber}，查询码 ${queryCode}。可在自助终端“进度查询”或一网通办查看。`,
        at: new Date(now).toISOString(),
      });
    return { status: 200, body: { ...reply, duplicate: false } };
  }

  private validate(terminal: string, form: EmulatedForm, b: SubmissionBody, holderId: string): { field: string; message: string } | null {
    const fields = form.groups.flatMap((g) => g.fields);
    for (const f of fields) {
      const problem = fieldProblem(f, b.values[f.id]);
      if (problem) return { field: f.id, message: problem };
    }
    if (String(b.values.idNumber ?? holderId).toUpperCase() !== holderId)
      return { field: 'idNumber', message: '身份证号码与读卡所得不一致' };
    const filled = (id: string) => b.values[id] !== undefined && b.values[id] !== '' && b.values[id] !== false;
    for (const r of form.rules) {
      if (
        r.kind === 'requiredIf' &&
        (r.when.equals === true ? filled(r.when.field) : b.values[r.when.field] === r.when.equals) &&
        !filled(r.field)
      )
        return { field: r.field, message: r.message };
      if (r.kind === 'dateNotBefore' && filled(r.field) && filled(r.other) && String(b.values[r.field]) < String(b.values[r.other]))
        return { field: r.field, message: r.message };
      if (r.kind === 'differs' && filled(r.field) && b.values[r.field] === b.values[r.other]) return { field: r.field, message: r.message };
    }
    for (const m of form.materials) {
      const choice = b.materials.find((c) => c.materialId === m.id);
      const at = `materials.${m.id}`;
      if (!choice) {
        if (m.required) return { field: at, message: `缺少材料：${m.name}` };
        continue;
      }
      if (choice.kind === 'deferred' && !m.deferrable) return { field: at, message: `${m.name}不能容缺，请现在提供` };
      if (choice.kind === 'licence') {
        const licence = this.deps.licences.find(choice.licenceId, holderId);
        if (!licence || !m.licenceTypes.includes(licence.type)) return { field: at, message: `该电子证照不能代替${m.name}` };
        if (!this.deps.licences.isAuthorised(choice.licenceId, holderId))
          return { field: at, message: `未取得使用${m.name}电子证照的授权` };
      }
      if (choice.kind === 'upload' && !this.deps.uploads.get(choice.uploadId, terminal)?.complete)
        return { field: at, message: `${m.name}的扫描件没有上传完整` };
    }
    const unknown = b.materials.find((c) => !form.materials.some((m) => m.id === c.materialId));
    if (unknown) return { field: `materials.${unknown.materialId}`, message: '本事项不需要这份材料' };
    if (form.commitment) {
      if (!b.commitment) return { field: 'commitment', message: '请阅读并签署告知承诺书' };
      if (b.commitment.version !== form.commitment.version) return { field: 'commitment', message: '告知承诺书已更新，请重新签署' };
      if (!this.deps.uploads.get(b.commitment.signatureUploadId, terminal)?.complete)
        return { field: 'commitment', message: '签名没有上传完整，请重新签名' };
    }
    return null;
  }

  private caseReply(
    form: EmulatedForm,
    matter: { name: string; agency: string },
    b: SubmissionBody,
    reply: { caseNumber: string; promisedDate: string | null; queryUrl: string; status: string },
    deferred: string[],
    now: number,
  ): CaseReply {
    const at = new Date(now).toISOString();
    const where = `${matter.agency}（各街道社区事务受理服务中心）`;
    return {
      caseNumber: reply.caseNumber,
      matter: { id: b.matterId, name: matter.name },
      agency: matter.agency,
      holderName: maskHolderName(b.applicant.name),
      submittedAt: at,
      channel: 'terminal',
      state: 'accepted',
      promisedBy: reply.promisedDate ? `${reply.promisedDate}T09:00:00.000Z` : null,
      timeline: [
        {
          at,
          state: 'accepted',
          title: '自助终端提交，系统受理',
          note: reply.status === 'needsReview' ? '材料待人工核验' : null,
        },
      ],
      result: null,
      nextStep:
        deferred.length > 0
          ? {
              kind: 'supplement',
              materials: deferred.map((id) => ({ name: form.materials.find((m) => m.id === id)?.name ?? id, reason: '容缺受理，后补' })),
              deadline: new Date(now + 10 * dayMs).toISOString(),
              where,
            }
          : null,
      queryUrl: reply.queryUrl,
    };
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}

/** The platform's check of one value against its field; a plain-words problem or null. */
function fieldProblem(f: EmulatedField, v: unknown): string | null {
  const empty = v === undefined || v === null || v === '' || (f.type === 'checkbox' && v === false);
  if (empty) return f.required ? `请填写${f.label}` : null;
  if (f.type === 'checkbox') return typeof v === 'boolean' ? null : `${f.label}应为是或否`;
  if (f.type === 'number') {
    if (typeof v !== 'number' || !Number.isFinite(v)) return `${f.label}应为数字`;
    if ((f.min !== null && v < f.min) || (f.max !== null && v > f.max)) return `${f.label}超出范围`;
    return null;
  }
  if (typeof v !== 'string') return `${f.label}格式不对`;
  if (f.maxLength !== null && [...v].length > f.maxLength) return `${f.label}太长了`;
  if (f.pattern && !new RegExp(`^(?:${f.pattern})$`).test(v)) return f.patternMessage ?? `${f.label}格式不对`;
  if (f.type === 'select' && !f.options?.some((o) => o.value === v)) return `请从列表中选择${f.label}`;
  if (f.type === 'region' && !/^\d{6}$/.test(v)) return `请选择${f.label}`;
  if (f.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${f.label}应为年-月-日`;
  if (f.type === 'phone' && !/^1[3-9]\d{9}$/.test(v)) return '请输入11位手机号码';
  return null;
}

function ageOf(idNumber: string, now: number): number {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(idNumber);
  if (!m) return 0;
  const today = new Date(now + 8 * 3_600_000);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const before = today.getUTCMonth() + 1 < mo || (today.getUTCMonth() + 1 === mo && today.getUTCDate() < d);
  return today.getUTCFullYear() - y - (before ? 1 : 0);
}

const isoDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

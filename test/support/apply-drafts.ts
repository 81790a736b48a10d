/** Valid application drafts for the platform emulator's forms (fictitious personas of emulators/idcard/personas.ts). */
import { randomBytes } from 'node:crypto';
import type { ApplicationDraft, MaterialChoice } from '../../main/core/apply/apply-types.js';
import { personas } from '../../emulators/idcard/personas.js';

export const persona = (id: string) => {
  const p = personas.find((x) => x.id === id)!;
  const b = p.fields.birth!;
  return {
    name: p.fields.name!,
    idNumber: p.fields.idNumber!,
    sex: p.fields.gender === '2' ? '2' : '1',
    birthDate: `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6, 8)}`,
    address: p.fields.address ?? '',
  };
};

/** A PDF-looking blob of about `bytes` bytes (content random, so nothing compresses it away). */
export function fakePdf(bytes: number): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(Math.max(0, bytes - 9))]));
}

export function fakeSignature(): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(2500)]));
}

/** 居住证签注 (sh-kiosk-112) for the `adult` persona: the permit and the housing proof scanned, employment deferred. */
export function residencePermitDraft(o: { phone?: string; pdfBytes?: number; materials?: MaterialChoice[] } = {}): ApplicationDraft {
  const p = persona('adult');
  return {
    matterId: 'sh-kiosk-112',
    formVersion: '2026.3',
    applicant: { name: p.name, idNumber: p.idNumber },
    values: {
      name: p.name,
      idNumber: p.idNumber,
      sex: p.sex,
      birthDate: p.birthDate,
      phone: o.phone ?? '13912345678',
      permitNumber: '3100000000012345',
      region: '310106',
      residenceAddress: '上海市静安区临汾路380弄5号602室',
      moveInDate: '2023-03-01',
      reason: '01',
      employer: '上海示例信息科技有限公司',
      socialInsurance: true,
    },
    materials: o.materials ?? [
      { materialId: 'permit', kind: 'scan', pdf: fakePdf(o.pdfBytes ?? 9000), pages: 1 },
      { materialId: 'housing', kind: 'scan', pdf: fakePdf(o.pdfBytes ?? 9000), pages: 3 },
      { materialId: 'employment', kind: 'deferred' },
    ],
    commitment: { version: 'CN-JZZ-2026.1', signedAt: new Date().toISOString(), signaturePng: fakeSignature() },
  };
}

/** 敬老卡申领 (sh-kiosk-113) for a persona (only `elderly` is old enough), the 户口簿 given as an authorised e-licence. */
export function seniorCardDraft(personaId: string, household: MaterialChoice): ApplicationDraft {
  const p = persona(personaId);
  return {
    matterId: 'sh-kiosk-113',
    formVersion: '2026.2',
    applicant: { name: p.name, idNumber: p.idNumber },
    values: {
      name: p.name,
      idNumber: p.idNumber,
      sex: p.sex,
      birthDate: p.birthDate,
      address: p.address,
      phone: '13800001111',
      region: '310101',
      bank: '01',
      bankAccount: '6222021234567890123',
    },
    materials: [household, { materialId: 'photo', kind: 'deferred' }],
    commitment: { version: 'CN-JLK-2025.4', signedAt: new Date().toISOString(), signaturePng: fakeSignature() },
  };
}

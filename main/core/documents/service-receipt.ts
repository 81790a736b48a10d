import type { ReceiptDocument } from '../../../devices/printer/index.js';
import { formatDateTime } from '../time/format.js';

export interface ServiceReceiptData {
  /** 办理凭条 for a proof, 进度凭条 for a progress query. */
  kind: 'service' | 'progress';
  caseId: string;
  matterName: string;
  verificationCode: string | null;
  /** Where the QR leads (from the platform's reply); no QR without one. */
  verifyUrl: string | null;
  /** Extra lines (state, next step) as label/value pairs. */
  lines?: { label: string; value: string }[];
  at: Date;
  timeZone: string;
  terminalId: string;
  hotline: string;
}

const titles = { service: '办理凭条', progress: '办件进度凭条' } as const;

/** The thermal slip a resident takes away: case number, matter, verification code and QR. No name, no ID number. */
export function serviceReceipt(d: ServiceReceiptData): ReceiptDocument {
  return {
    blocks: [
      { kind: 'text', text: titles[d.kind], align: 'center', size: 2 },
      { kind: 'text', text: `办件编号：${d.caseId}` },
      { kind: 'text', text: `事项：${d.matterName}` },
      ...(d.verificationCode ? [{ kind: 'text' as const, text: `验证码：${d.verificationCode}` }] : []),
      ...(d.lines ?? []).map((l) => ({ kind: 'text' as const, text: `${l.label}：${l.value}` })),
      { kind: 'text', text: `时间：${formatDateTime(d.at, d.timeZone)}` },
      { kind: 'text', text: `终端：${d.terminalId}` },
      ...(d.verifyUrl ? [{ kind: 'qr' as const, data: d.verifyUrl, align: 'center' as const }] : []),
      { kind: 'text', text: `咨询电话 ${d.hotline}`, align: 'center' },
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}

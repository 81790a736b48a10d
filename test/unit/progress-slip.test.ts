import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { A4, mm } from '../../main/core/documents/pdf-kit.js';
import { composeProgressSlip, progressSlipReceipt } from '../../main/core/documents/progress-slip.js';
import { CaseSchema, type PlatformCase } from '../../main/core/platform/cases-schemas.js';
import { inkInBand } from '../support/pdf-ink.js';
import { pdfText } from '../support/pdf-text.js';

/** A case needing 补正, as the platform replies (validated by the client's schema). */
const supplementCase = (over: Partial<PlatformCase> = {}): PlatformCase =>
  CaseSchema.parse({
    caseNumber: '51160220261124139595',
    matter: { id: 'sc-511602-0617', name: '残疾人证新办' },
    agency: '区残联',
    holderName: '王**',
    submittedAt: '2026-11-24T07:00:00Z',
    channel: 'online',
    state: 'needsSupplement',
    promisedBy: null,
    timeline: [
      { at: '2026-11-24T07:00:00Z', state: 'accepted', title: '网上申请，受理', note: null },
      { at: '2026-11-25T02:30:00Z', state: 'reviewing', title: '区残联审核', note: null },
      { at: '2026-11-28T03:20:00Z', state: 'needsSupplement', title: '需补正材料', note: '逾期视为撤回申请' },
    ],
    result: null,
    nextStep: {
      kind: 'supplement',
      materials: [
        { name: '近期免冠一寸照片', reason: '原照片背景不是白色' },
        { name: '二级以上医院出具的残疾评定表', reason: null },
      ],
      deadline: '2026-12-05T09:00:00Z',
      where: '广安区政务服务中心（中山路238号 2 楼）',
    },
    queryUrl: 'https://progress.platform.test/c/f5d53a3c01b99912a8ba',
    ...over,
  });

const postedCase = supplementCase({
  state: 'completed',
  timeline: [
    { at: '2026-11-18T02:20:00Z', state: 'accepted', title: '窗口受理', note: null },
    { at: '2026-11-25T08:30:00Z', state: 'completed', title: '证件已邮寄', note: null },
  ],
  result: {
    outcome: 'granted',
    name: '普通护照',
    note: null,
    delivery: { method: 'post', status: 'sent', carrier: '中国邮政 EMS', trackingNumber: '1190476523814' },
  },
  nextStep: null,
});

const shanghai = { timeZone: 'Asia/Shanghai', terminalId: 'KIOSK-0001', hotline: '12345', at: new Date('2026-11-30T06:40:51Z') };
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Page 1 rendered by poppler as 8-bit grey pixels. */
function render(pdf: Uint8Array, dpi: number): { w: number; h: number; px: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'slip-'));
  writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  execFileSync('pdftoppm', [
    '-gray',
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    path.join(dir, 'doc.pdf'),
    path.join(dir, 'p'),
  ]);
  const pgm = readFileSync(path.join(dir, 'p.pgm'));
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  return { w: Number(header[1]), h: Number(header[2]), px: pgm.subarray(header[0].length) };
}

describe('progress slip (A4)', () => {
  it('carries the case, matter, masked holder, state, the timeline in the terminal time zone, the materials to supply and where', async () => {
    const text = squeeze(pdfText(await composeProgressSlip(supplementCase(), shanghai)));
    for (const s of [
      '政务服务办件进度单',
      '51160220261124139595',
      '残疾人证新办',
      '区残联',
      '王**',
      '待补正',
      '2026年11月24日15:00（网上办事大厅）',
      '2026年11月25日10:30区残联审核',
      '2026年11月28日11:20需补正材料：逾期视为撤回申请',
      '1.近期免冠一寸照片（原照片背景不是白色）',
      '2.二级以上医院出具的残疾评定表',
      '补正期限：2026年12月5日17:00前',
      '广安区政务服务中心（中山路238号2楼）',
      '咨询电话12345',
      '打印时间2026年11月30日14:40·终端KIOSK-0001',
      '第1页/共1页',
    ])
      expect(text).toContain(s);
    expect(text).not.toMatch(/T\d\d:\d\d|Z\b/); // no ISO times
  });

  it("writes times in the terminal's zone, not the machine's", async () => {
    const text = squeeze(pdfText(await composeProgressSlip(supplementCase(), { ...shanghai, timeZone: 'Asia/Urumqi' })));
    expect(text).toContain('2026年11月28日09:20需补正材料');
  });

  it('says the result and how it is delivered (post with its tracking number)', async () => {
    const text = squeeze(pdfText(await composeProgressSlip(postedCase, shanghai)));
    for (const s of ['已办结', '准予·普通护照', '邮寄（已寄出）：中国邮政EMS运单号1190476523814']) expect(text).toContain(s);
    expect(text).not.toContain('补正');
  });

  it('prints a QR code that encodes the address the platform gave for the case', async () => {
    const pdf = await composeProgressSlip(supplementCase(), shanghai);
    const dpi = 200;
    const { w, px } = render(pdf, dpi);
    const qr = QRCode.create(supplementCase().queryUrl, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const size = mm(32);
    const [x0, top] = [A4.width - mm(22) - size, A4.height - mm(18) - size];
    const scale = dpi / 72;
    let wrong = 0;
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        const x = Math.round((x0 + ((c + 0.5) * size) / n) * scale);
        const y = Math.round((top + ((r + 0.5) * size) / n) * scale);
        if (px[y * w + x]! < 128 !== Boolean(qr.modules.get(r, c))) wrong++;
      }
    expect(wrong).toBe(0);
  });

  it('renders its Chinese glyphs (ink in the title and the case table)', async () => {
    const pdf = await composeProgressSlip(supplementCase(), shanghai);
    expect(inkInBand(pdf, 0.05, 0.1)).toBeGreaterThan(0.02);
    expect(inkInBand(pdf, 0.12, 0.3)).toBeGreaterThan(0.02);
  });

  it('a long timeline continues on a second page, numbered, with the QR code at the end', async () => {
    const events = Array.from({ length: 30 }, (_, i) => ({
      at: new Date(Date.parse('2026-10-01T01:00:00Z') + i * 86_400_000).toISOString(),
      state: 'reviewing' as const,
      title: `第${i + 1}次审查`,
      note: null,
    }));
    const pdf = await composeProgressSlip({ ...postedCase, timeline: events }, shanghai);
    const page2 = squeeze(pdfText(pdf, { page: 2 }));
    expect(page2).toContain('第30次审查');
    expect(page2).toContain('第2页/共2页');
    expect(page2).toContain('扫码查看最新办理进度');
  });
});

describe('progress slip (thermal receipt)', () => {
  it('has the case, its state, the latest step, what to do next and the QR code of the platform address; no name', () => {
    const doc = progressSlipReceipt(supplementCase(), shanghai);
    const lines = doc.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    for (const s of [
      '办件编号：51160220261124139595',
      '事项：残疾人证新办',
      '当前状态：待补正',
      '最新进展：2026年11月28日 11:20 需补正材料',
      '请补正材料：近期免冠一寸照片、二级以上医院出具的残疾评定表',
      '补正期限：2026年12月5日 17:00 前',
    ])
      expect(lines).toContain(s);
    expect(doc.blocks).toContainEqual(
      expect.objectContaining({ kind: 'qr', data: 'https://progress.platform.test/c/f5d53a3c01b99912a8ba' }),
    );
    expect(lines.join('\n')).not.toContain('王');
    expect(doc.blocks.at(-1)).toEqual({ kind: 'cut' });
  });

  it('for a result ready in the pick-up cabinet says where and until when', () => {
    const ready = supplementCase({
      state: 'completed',
      result: {
        outcome: 'granted',
        name: '社会保障卡',
        note: null,
        delivery: { method: 'selfService', status: 'ready', place: '24小时自助服务区 智能取件柜', hours: '24小时' },
      },
      nextStep: { kind: 'collect', where: '24小时自助服务区 智能取件柜', until: '2026-12-14T15:59:00Z' },
    });
    const lines = progressSlipReceipt(ready, shanghai).blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    expect(lines).toContain('送达方式：自助取件（可取件）：24小时自助服务区 智能取件柜');
    expect(lines).toContain('请领取：24小时自助服务区 智能取件柜');
    expect(lines).toContain('领取期限：2026年12月14日 23:59 前');
  });
});

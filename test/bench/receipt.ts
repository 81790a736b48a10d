import { PDFDocument } from 'pdf-lib';
import { composeAcceptanceReceipt, type AcceptanceReceipt } from '../../main/core/documents/acceptance-receipt.js';

export const sampleReceipt = (i = 0): AcceptanceReceipt => ({
  caseId: `KIOSK-0001-20261122-${String(i).padStart(4, '0')}`,
  matterName: '城乡居民最低生活保障家庭证明出具',
  agency: '广安区民政局',
  applicant: '张**',
  terminalId: 'KIOSK-0001',
  outlet: '示例街道便民服务中心自助区',
  acceptedAt: new Date('2026-11-22T10:00:00+08:00'),
  timeZone: 'Asia/Shanghai',
  promisedDays: 5,
  materials: ['居民身份证（本机已读取）', '居民户口簿（电子证照，免提交）', '申请表（本机填写）'],
  progressUrl: 'https://zwfw.example.gov.cn/progress/KIOSK-0001-20261122-0001',
  hotline: '12345',
});

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/**
 * Composing the acceptance receipt (受理回执) PDF, warm, against a baseline measured in the same run: pdf-lib
 * writing one empty A4 page (the floor any PDF costs here). Target ≤ 100 ms median/p95 and ≤ 150 KB.
 */
export async function benchReceipt(rounds = 60): Promise<void> {
  // warm: fonts read and parsed once, the JIT settled
  for (let i = 0; i < 8; i++) await composeAcceptanceReceipt(sampleReceipt(i));
  const base: number[] = [];
  const ours: number[] = [];
  let size = 0;
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    const d = await PDFDocument.create();
    d.addPage();
    await d.save();
    base.push(performance.now() - t);
    t = performance.now();
    size = (await composeAcceptanceReceipt(sampleReceipt(i))).length;
    ours.push(performance.now() - t);
  }
  const p50 = percentile(ours, 50);
  const p95 = percentile(ours, 95);
  console.log(
    `acceptance receipt PDF (${rounds} rounds, warm): median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${(size / 1024).toFixed(1)} KB`,
  );
  console.log(
    `  baseline (empty pdf-lib page): median ${percentile(base, 50).toFixed(2)} ms → ratio ${(p50 / percentile(base, 50)).toFixed(1)}×`,
  );
  console.log(`  targets ≤ 100 ms and ≤ 150 KB: ${p95 <= 100 && size <= 150 * 1024 ? 'met' : 'MISSED'}`);
}

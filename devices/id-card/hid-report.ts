import type { HidReportFraming } from '../core/transports/hid.js';

/**
 * How USB-HID ID card readers commonly carry the GA 467 byte stream: 64-byte reports, report id 0,
 * second byte the payload length, then up to 62 payload bytes. Vendors differ: a reader with another
 * wrapping gets its own small module here; the framing and codec stay the same.
 */
export const REPORT_SIZE = 64;
const PAYLOAD = REPORT_SIZE - 2;

export const ga467HidFraming: HidReportFraming = {
  toReports(data) {
    const reports: Uint8Array[] = [];
    for (let at = 0; at < data.length; at += PAYLOAD) {
      const part = data.subarray(at, at + PAYLOAD);
      const r = new Uint8Array(REPORT_SIZE);
      r[0] = 0x00;
      r[1] = part.length;
      r.set(part, 2);
      reports.push(r);
    }
    return reports;
  },
  fromReport(report) {
    // input reports arrive without the report id byte
    const len = Math.min(report[0] ?? 0, report.length - 1);
    return report.slice(1, 1 + len);
  },
};

import type { HidReportFraming } from '../core/transports/hid.js';
import { err, ok, type Result } from '../core/result.js';

/**
 * USB HID POS scanners (usage page 0x8C, Bar Code Scanner; HID Point of Sale Usage Tables 1.02) deliver each
 * code in Scanned Data Reports, as the common models lay them out in 64 bytes:
 *
 * | byte  | field                                                           |
 * |-------|-----------------------------------------------------------------|
 * | 0     | report id 0x02 (Scanned Data Report)                            |
 * | 1     | number of decoded-data bytes in this report (0–56)              |
 * | 2–4   | symbology identifier (AIM, e.g. `]Q1` QR Code, `]C0` Code 128) |
 * | 5–60  | decoded data                                                    |
 * | 61–62 | reserved                                                        |
 * | 63    | bit 0: Decoded Data Continued (more reports of this code follow) |
 *
 * A code longer than 56 bytes spans several reports. The framing below turns them into the same byte stream a
 * serial scanner sends (the code then CR), so one framer and one codec serve both transports. Keyboard-wedge HID
 * (usage page 0x07) is never used: it would type into whatever field has focus.
 */
export const HID_POS_USAGE_PAGE = 0x8c;
export const SCANNED_DATA_REPORT_ID = 0x02;
export const HID_POS_REPORT_SIZE = 64;
export const HID_POS_DATA_BYTES = 56;

export interface ScannedDataReport {
  symbology: string;
  data: Uint8Array;
  /** More reports of the same code follow. */
  continued: boolean;
}

export type HidPosDecodeError = { code: 'shortReport' | 'notScannedData' | 'badLength'; detail: string };

export function parseScannedDataReport(report: Uint8Array): Result<ScannedDataReport, HidPosDecodeError> {
  if (report.length < HID_POS_REPORT_SIZE) return err({ code: 'shortReport', detail: `${report.length} of ${HID_POS_REPORT_SIZE} bytes` });
  if (report[0] !== SCANNED_DATA_REPORT_ID) return err({ code: 'notScannedData', detail: `report id 0x${report[0]!.toString(16)}` });
  const length = report[1]!;
  if (length > HID_POS_DATA_BYTES) return err({ code: 'badLength', detail: `${length} data bytes in one report` });
  return ok({
    symbology: String.fromCharCode(report[2]!, report[3]!, report[4]!).replace(/\0/g, ''),
    data: report.slice(5, 5 + length),
    continued: (report[63]! & 0x01) !== 0,
  });
}

/** Builds the reports a scanner sends for one code (used by tests and by the HID framing's self-check). */
export function encodeScannedData(data: Uint8Array, symbology = ']Q1'): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < data.length; at += HID_POS_DATA_BYTES) {
    const part = data.subarray(at, at + HID_POS_DATA_BYTES);
    const r = new Uint8Array(HID_POS_REPORT_SIZE);
    r[0] = SCANNED_DATA_REPORT_ID;
    r[1] = part.length;
    for (let i = 0; i < 3; i++) r[2 + i] = symbology.charCodeAt(i) || 0;
    r.set(part, 5);
    r[63] = at + HID_POS_DATA_BYTES < data.length ? 0x01 : 0x00;
    reports.push(r);
  }
  return reports;
}

/**
 * Scanned Data Reports as a byte stream: each report's data, and CR after the last report of a code. Other
 * reports (attributes, status) and malformed ones add nothing. Output (trigger) reports are not sent: HID POS
 * scanners here run in presentation mode and the driver enables reading in software.
 */
export const hidPosFraming: HidReportFraming = {
  toReports: () => [],
  fromReport(report) {
    const r = parseScannedDataReport(report);
    if (!r.ok) return new Uint8Array(0);
    if (r.value.continued) return r.value.data;
    const out = new Uint8Array(r.value.data.length + 1);
    out.set(r.value.data);
    out[r.value.data.length] = 0x0d;
    return out;
  },
};

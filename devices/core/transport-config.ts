import { z } from 'zod';

/**
 * Where a device is attached, as a config file names it. Shared by every family; each driver module says which
 * of these types it can use.
 */
export const TransportConfigSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('serial'), path: z.string().min(1), baudRate: z.number().int().positive().default(115200) }),
  z.strictObject({ type: z.literal('tcp'), host: z.string().default('127.0.0.1'), port: z.number().int().min(1).max(65535) }),
  z.strictObject({
    type: z.literal('hid'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
  }),
  z.strictObject({ type: z.literal('pcsc'), reader: z.string().min(1) }),
  z.strictObject({ type: z.literal('http'), url: z.url() }),
  /** An IPP printer, e.g. ipp://192.168.1.20/ipp/print (IPP Everywhere) or ipp://localhost:631/printers/NAME (CUPS). */
  z.strictObject({ type: z.literal('ipp'), uri: z.string().regex(/^ipps?:\/\/.+/, 'an ipp:// or ipps:// address') }),
  /** A scanner reached through a SANE backend: its device name as `scanimage -L` lists it (e.g. `test`). */
  z.strictObject({ type: z.literal('sane'), device: z.string().min(1) }),
  /** The address comes from the emulator named in the device's `emulator` once it reports READY. */
  z.strictObject({ type: z.literal('emulator') }),
]);

export type TransportConfig = z.output<typeof TransportConfigSchema>;
export type TransportType = TransportConfig['type'];

/** One line a technician reads in maintenance: where this device is attached. */
export function describeTransport(t: TransportConfig, emulator: string | undefined, emulatorAddress: string | undefined): string {
  switch (t.type) {
    case 'serial':
      return `serial ${t.path} @${t.baudRate}`;
    case 'tcp':
      return `tcp ${t.host}:${t.port}`;
    case 'hid':
      return `hid ${t.vendorId.toString(16).padStart(4, '0')}:${t.productId.toString(16).padStart(4, '0')}`;
    case 'pcsc':
      return `pcsc "${t.reader}"`;
    case 'http':
      return t.url;
    case 'ipp':
      return t.uri;
    case 'sane':
      return `sane ${t.device}`;
    case 'emulator':
      return `emulator ${emulator ?? '?'} ${emulatorAddress ?? '(not running)'}`;
  }
}

import { deviceError, type DeviceError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { ByteTransportBase } from '../transport.js';

/**
 * How a vendor wraps a byte stream in fixed-size HID reports. Kept apart from the transport so each
 * device family supplies its own small, pure wrapping module.
 */
export interface HidReportFraming {
  /** Splits bytes into output reports (each including the report id byte). */
  toReports(data: Uint8Array): Uint8Array[];
  /** Extracts the payload bytes from one input report. */
  fromReport(report: Uint8Array): Uint8Array;
}

export interface HidOptions {
  vendorId: number;
  productId: number;
  framing: HidReportFraming;
}

interface HidHandle {
  write(data: number[]): number;
  on(event: 'data', cb: (data: Buffer) => void): void;
  on(event: 'error', cb: (e: Error) => void): void;
  close(): void;
}

/** USB HID transport over node-hid (loaded lazily so machines without libusb still start). */
export class HidTransport extends ByteTransportBase {
  private handle: HidHandle | null = null;
  private closing = false;

  constructor(private readonly options: HidOptions) {
    super();
  }

  get description(): string {
    const hex = (n: number) => n.toString(16).padStart(4, '0');
    return `hid ${hex(this.options.vendorId)}:${hex(this.options.productId)}`;
  }

  get isOpen(): boolean {
    return this.handle !== null;
  }

  async open(signal?: AbortSignal): Promise<Result<void, DeviceError>> {
    if (signal?.aborted) return err(deviceError('canceled', 'hid open canceled'));
    this.closing = false;
    try {
      const hid = (await import('node-hid')) as unknown as {
        HID: new (vid: number, pid: number) => HidHandle;
      };
      const handle = new hid.HID(this.options.vendorId, this.options.productId);
      handle.on('data', (report) => this.emitData(this.options.framing.fromReport(new Uint8Array(report))));
      handle.on('error', (e) => {
        this.handle = null;
        if (!this.closing) this.emitDisconnect(`${this.description}: ${e.message}`);
      });
      this.handle = handle;
      return ok(undefined);
    } catch (e) {
      return err(deviceError('disconnected', `cannot open ${this.description}: ${(e as Error).message}`));
    }
  }

  async write(data: Uint8Array, signal?: AbortSignal): Promise<Result<void, DeviceError>> {
    if (!this.handle) return err(deviceError('disconnected', `${this.description} is not open`));
    if (signal?.aborted) return err(deviceError('canceled', 'hid write canceled'));
    try {
      for (const report of this.options.framing.toReports(data)) this.handle.write([...report]);
      return ok(undefined);
    } catch (e) {
      return err(deviceError('disconnected', `write to ${this.description}: ${(e as Error).message}`));
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    const handle = this.handle;
    this.handle = null;
    handle?.close();
  }
}

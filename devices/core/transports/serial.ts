import { SerialPort } from 'serialport';
import { deviceError, type DeviceError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { ByteTransportBase } from '../transport.js';

export interface SerialOptions {
  path: string;
  baudRate: number;
}

/**
 * Serial transport over node-serialport. Modem lines (DTR/RTS) are never required: pseudo-terminals
 * and many USB-serial bridges refuse them.
 */
export class SerialTransport extends ByteTransportBase {
  private port: SerialPort | null = null;
  private closing = false;

  constructor(private readonly options: SerialOptions) {
    super();
  }

  get description(): string {
    return `serial ${this.options.path} @${this.options.baudRate}`;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  open(signal?: AbortSignal): Promise<Result<void, DeviceError>> {
    if (signal?.aborted) return Promise.resolve(err(deviceError('canceled', 'serial open canceled')));
    this.closing = false;
    return new Promise((resolve) => {
      const port = new SerialPort({
        path: this.options.path,
        baudRate: this.options.baudRate,
        dataBits: 8,
        stopBits: 1,
        parity: 'none',
        hupcl: false,
        autoOpen: false,
      });
      port.open((e) => {
        if (e) {
          resolve(err(deviceError('disconnected', `cannot open ${this.options.path}: ${e.message}`)));
          return;
        }
        this.port = port;
        port.on('data', (chunk: Buffer) => this.emitData(new Uint8Array(chunk)));
        port.on('close', () => {
          this.port = null;
          if (!this.closing) this.emitDisconnect(`${this.options.path} closed`);
        });
        port.on('error', () => {
          /* 'close' follows and carries the disconnect */
        });
        resolve(ok(undefined));
      });
    });
  }

  write(data: Uint8Array, signal?: AbortSignal): Promise<Result<void, DeviceError>> {
    const port = this.port;
    if (!port) return Promise.resolve(err(deviceError('disconnected', `${this.options.path} is not open`)));
    if (signal?.aborted) return Promise.resolve(err(deviceError('canceled', 'serial write canceled')));
    return new Promise((resolve) => {
      port.write(Buffer.from(data), (e) => {
        if (e) resolve(err(deviceError('disconnected', `write to ${this.options.path} failed: ${e.message}`)));
        else resolve(ok(undefined));
      });
    });
  }

  close(): Promise<void> {
    const port = this.port;
    this.closing = true;
    this.port = null;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }
}

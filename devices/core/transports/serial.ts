import { stat } from 'node:fs';
import { SerialPort } from 'serialport';
import { deviceError, type DeviceError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { ByteTransportBase } from '../transport.js';

export interface SerialOptions {
  path: string;
  baudRate: number;
  /** How often to check that the device node still exists (USB-serial unplug, pty hang-up). */
  presenceCheckMs?: number;
}

/**
 * Serial transport over node-serialport. Modem lines (DTR/RTS) are never required: pseudo-terminals
 * and many USB-serial bridges refuse them.
 */
export class SerialTransport extends ByteTransportBase {
  private port: SerialPort | null = null;
  private closing = false;
  private presenceTimer: ReturnType<typeof setInterval> | null = null;

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
        // a view, not a copy: a driver that zeroes what it received (card bytes) zeroes the port's buffer itself
        port.on('data', (chunk: Buffer) => this.emitData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
        port.on('close', () => this.lost(port, `${this.options.path} closed`));
        port.on('error', () => {
          /* 'close' follows and carries the disconnect */
        });
        // serialport only notices a hang-up when a pending read fails, which a pty (EIO after POLLHUP) does not
        // reliably do; an unplugged USB-serial adapter removes its device node, so watch the path as well.
        this.presenceTimer = setInterval(() => {
          stat(this.options.path, (e) => e && this.lost(port, `${this.options.path} disappeared`));
        }, this.options.presenceCheckMs ?? 1000);
        this.presenceTimer.unref();
        resolve(ok(undefined));
      });
    });
  }

  private lost(port: SerialPort, detail: string): void {
    if (this.port !== port) return;
    this.port = null;
    this.stopPresenceCheck();
    if (port.isOpen) port.close(() => undefined);
    if (!this.closing) this.emitDisconnect(detail);
  }

  private stopPresenceCheck(): void {
    if (this.presenceTimer) clearInterval(this.presenceTimer);
    this.presenceTimer = null;
  }

  write(data: Uint8Array, signal?: AbortSignal): Promise<Result<void, DeviceError>> {
    const port = this.port;
    if (!port) return Promise.resolve(err(deviceError('disconnected', `${this.options.path} is not open`)));
    if (signal?.aborted) return Promise.resolve(err(deviceError('canceled', 'serial write canceled')));
    return new Promise((resolve) => {
      port.write(Buffer.from(data), (e) => {
        if (e) {
          this.lost(port, `write to ${this.options.path} failed: ${e.message}`);
          resolve(err(deviceError('disconnected', `write to ${this.options.path} failed: ${e.message}`)));
        } else resolve(ok(undefined));
      });
    });
  }

  close(): Promise<void> {
    const port = this.port;
    this.closing = true;
    this.port = null;
    this.stopPresenceCheck();
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }
}

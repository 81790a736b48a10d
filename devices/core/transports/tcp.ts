import net from 'node:net';
import { deviceError, type DeviceError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { ByteTransportBase } from '../transport.js';

export interface TcpOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
}

/** Raw TCP byte stream (ESC/POS port 9100, emulated serial devices). */
export class TcpTransport extends ByteTransportBase {
  private socket: net.Socket | null = null;
  private closing = false;

  constructor(private readonly options: TcpOptions) {
    super();
  }

  get description(): string {
    return `tcp ${this.options.host}:${this.options.port}`;
  }

  get isOpen(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  open(signal?: AbortSignal): Promise<Result<void, DeviceError>> {
    if (signal?.aborted) return Promise.resolve(err(deviceError('canceled', 'tcp connect canceled')));
    this.closing = false;
    return new Promise((resolve) => {
      const socket = net.connect({ host: this.options.host, port: this.options.port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(err(deviceError('timeout', `connect to ${this.description} timed out`)));
      }, this.options.connectTimeoutMs ?? 3000);
      const onAbort = () => {
        clearTimeout(timer);
        socket.destroy();
        resolve(err(deviceError('canceled', 'tcp connect canceled')));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('connect', () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.socket = socket;
        // a view, not a copy: a driver that zeroes what it received (card bytes) zeroes the socket's buffer itself
        socket.on('data', (chunk: Buffer) => this.emitData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
        socket.on('close', () => {
          this.socket = null;
          if (!this.closing) this.emitDisconnect(`${this.description} closed by peer`);
        });
        resolve(ok(undefined));
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (this.socket !== socket) resolve(err(deviceError('disconnected', `connect to ${this.description}: ${e.message}`)));
      });
    });
  }

  write(data: Uint8Array, signal?: AbortSignal): Promise<Result<void, DeviceError>> {
    const socket = this.socket;
    if (!socket) return Promise.resolve(err(deviceError('disconnected', `${this.description} is not connected`)));
    if (signal?.aborted) return Promise.resolve(err(deviceError('canceled', 'tcp write canceled')));
    return new Promise((resolve) => {
      socket.write(data, (e) => {
        if (e) resolve(err(deviceError('disconnected', `write to ${this.description}: ${e.message}`)));
        else resolve(ok(undefined));
      });
    });
  }

  close(): Promise<void> {
    this.closing = true;
    const socket = this.socket;
    this.socket = null;
    if (!socket) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      socket.destroySoon();
    });
  }
}

import type { DeviceError } from './errors.js';
import type { Result } from './result.js';

/**
 * A byte-stream transport (serial, TCP, HID). Error semantics, kept apart on purpose:
 * - `canceled`: the caller aborted; the link is still usable.
 * - `disconnected`: the link is gone (unplugged, peer closed); the driver goes offline and reconnects.
 */
export interface ByteTransport {
  readonly description: string;
  readonly isOpen: boolean;
  open(signal?: AbortSignal): Promise<Result<void, DeviceError>>;
  write(data: Uint8Array, signal?: AbortSignal): Promise<Result<void, DeviceError>>;
  /** Bytes as they arrive, in order. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Fires once when an open link is lost (not when `close()` is called). */
  onDisconnect(listener: (detail: string) => void): () => void;
  close(): Promise<void>;
}

/** Shared listener bookkeeping for byte transports. */
export abstract class ByteTransportBase implements ByteTransport {
  abstract readonly description: string;
  abstract readonly isOpen: boolean;
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly disconnectListeners = new Set<(detail: string) => void>();

  abstract open(signal?: AbortSignal): Promise<Result<void, DeviceError>>;
  abstract write(data: Uint8Array, signal?: AbortSignal): Promise<Result<void, DeviceError>>;
  abstract close(): Promise<void>;

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onDisconnect(listener: (detail: string) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  protected emitData(chunk: Uint8Array): void {
    for (const l of this.dataListeners) l(chunk);
  }

  protected emitDisconnect(detail: string): void {
    for (const l of this.disconnectListeners) l(detail);
  }
}

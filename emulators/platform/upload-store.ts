import { createHash, randomBytes } from 'node:crypto';

/**
 * Chunked, resumable uploads of application materials (openapi.yaml, tag applications): a terminal creates an upload
 * with the size, SHA-256 and its own idempotency key (the same key answers the same upload, so a terminal that
 * restarted finds it again), PUTs chunks by number in any order and any number of times, asks which chunks arrived,
 * and completes it once every chunk is there and the SHA-256 over all bytes matches.
 */
export interface Upload {
  uploadId: string;
  terminal: string;
  idempotencyKey: string;
  size: number;
  sha256: string;
  contentType: string;
  chunkSize: number;
  chunks: Map<number, Buffer>;
  complete: boolean;
  /** The `uploadCut` fault cuts one chunk of each upload: done for this one. */
  cut: boolean;
}

export const maxUploadBytes = 32 * 1024 * 1024;

export type CreateOutcome = { upload: Upload } | { error: 'conflict' | 'tooLarge' };
export type ChunkOutcome = { upload: Upload } | { error: 'notFound' | 'badChunk' };
export type CompleteOutcome = { upload: Upload } | { error: 'notFound' | 'incomplete' | 'hashMismatch'; missing?: number[] };

export class UploadStore {
  private readonly byId = new Map<string, Upload>();
  private readonly byKey = new Map<string, Upload>();

  constructor(readonly chunkSize = 256 * 1024) {}

  create(r: { terminal: string; idempotencyKey: string; size: number; sha256: string; contentType: string }): CreateOutcome {
    if (r.size > maxUploadBytes) return { error: 'tooLarge' };
    const key = `${r.terminal}\n${r.idempotencyKey}`;
    const seen = this.byKey.get(key);
    if (seen) return seen.size === r.size && seen.sha256 === r.sha256 ? { upload: seen } : { error: 'conflict' };
    const upload: Upload = {
      ...r,
      uploadId: `UP${randomBytes(8).toString('hex').toUpperCase()}`,
      chunkSize: this.chunkSize,
      chunks: new Map(),
      complete: false,
      cut: false,
    };
    this.byId.set(upload.uploadId, upload);
    this.byKey.set(key, upload);
    return { upload };
  }

  get(uploadId: string, terminal: string): Upload | null {
    const u = this.byId.get(uploadId);
    return u && u.terminal === terminal ? u : null;
  }

  chunkCount(u: Upload): number {
    return Math.max(1, Math.ceil(u.size / u.chunkSize));
  }

  putChunk(uploadId: string, terminal: string, n: number, bytes: Buffer): ChunkOutcome {
    const u = this.get(uploadId, terminal);
    if (!u) return { error: 'notFound' };
    if (u.complete) return { upload: u };
    const count = this.chunkCount(u);
    const expected = n === count - 1 ? u.size - n * u.chunkSize : u.chunkSize;
    if (!Number.isInteger(n) || n < 0 || n >= count || bytes.length !== expected) return { error: 'badChunk' };
    u.chunks.set(n, Buffer.from(bytes));
    return { upload: u };
  }

  complete(uploadId: string, terminal: string): CompleteOutcome {
    const u = this.get(uploadId, terminal);
    if (!u) return { error: 'notFound' };
    if (u.complete) return { upload: u };
    const missing = Array.from({ length: this.chunkCount(u) }, (_, i) => i).filter((i) => !u.chunks.has(i));
    if (missing.length > 0) return { error: 'incomplete', missing };
    const hash = createHash('sha256');
    for (let i = 0; i < this.chunkCount(u); i++) hash.update(u.chunks.get(i)!);
    if (hash.digest('hex') !== u.sha256) {
      // a chunk was damaged on the way: start again from nothing
      u.chunks.clear();
      return { error: 'hashMismatch' };
    }
    u.complete = true;
    return { upload: u };
  }

  /** The upload as the API describes it. */
  reply(u: Upload): Record<string, unknown> {
    return {
      uploadId: u.uploadId,
      size: u.size,
      sha256: u.sha256,
      chunkSize: u.chunkSize,
      chunkCount: this.chunkCount(u),
      received: [...u.chunks.keys()].sort((a, b) => a - b),
      complete: u.complete,
    };
  }
}

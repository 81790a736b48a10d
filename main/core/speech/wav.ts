/** What a WAV file's RIFF header says: format, rate, channels and length. */
export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  durationSeconds: number;
}

/**
 * Reads the header of a PCM WAV. espeak-ng writing to a pipe cannot seek back, so its RIFF and data sizes are
 * 0x7fffffff (or 0): the data length is then whatever follows the data chunk header.
 */
export function wavInfo(bytes: Buffer): WavInfo | null {
  if (bytes.length < 44 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') return null;
  let offset = 12;
  let fmt: { channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (bytes.readUInt16LE(body) !== 1) return null;
      fmt = {
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        bitsPerSample: bytes.readUInt16LE(body + 14),
      };
    } else if (id === 'data' && fmt) {
      const available = bytes.length - body;
      const length = size === 0 || size > available ? available : size;
      const bytesPerSecond = fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8);
      return { ...fmt, durationSeconds: length / bytesPerSecond };
    }
    offset = body + size + (size % 2);
  }
  return null;
}

/** The same WAV with its RIFF and data sizes written in (players that trust the header then play all of it). */
export function fixWavSizes(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  if (out.length < 44 || out.toString('ascii', 0, 4) !== 'RIFF') return out;
  out.writeUInt32LE(out.length - 8, 4);
  let offset = 12;
  while (offset + 8 <= out.length) {
    const id = out.toString('ascii', offset, offset + 4);
    if (id === 'data') {
      out.writeUInt32LE(out.length - offset - 8, offset + 4);
      break;
    }
    offset += 8 + out.readUInt32LE(offset + 4);
  }
  return out;
}

/** Where a PCM WAV's samples start and its format bytes ("fmt " chunk body), or null when it is not one. */
function pcmParts(bytes: Buffer): { fmt: Buffer; data: Buffer } | null {
  if (bytes.length < 44 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') return null;
  let offset = 12;
  let fmt: Buffer | null = null;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') fmt = bytes.subarray(body, body + size);
    else if (id === 'data' && fmt) {
      const end = size === 0 || size > bytes.length - body ? bytes.length : body + size;
      return { fmt, data: bytes.subarray(body, end) };
    }
    offset = body + size + (size % 2);
  }
  return null;
}

/**
 * One WAV of several spoken one after the other (a sentence read in two voices), or null when their formats differ
 * (a vendor engine with another sample rate per voice): the caller then cannot join them.
 */
export function concatWavs(wavs: Buffer[]): Buffer | null {
  if (wavs.length === 1) return wavs[0]!;
  const parts = wavs.map(pcmParts);
  const first = parts[0];
  if (!first || parts.some((p) => !p || !p.fmt.equals(first.fmt))) return null;
  const data = Buffer.concat(parts.map((p) => p!.data));
  const header = Buffer.alloc(20);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(4 + 8 + first.fmt.length + 8 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(first.fmt.length, 16);
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'ascii');
  dataHeader.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, first.fmt, dataHeader, data]);
}

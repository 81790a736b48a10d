import { randomBytes } from 'node:crypto';
import net from 'node:net';

/**
 * A WebSocket client written by hand over a TCP socket, so tests can send frames no well-behaved library
 * would (unmasked, reserved bits, bad opcodes, lying length headers).
 */
export interface RawBridge {
  socket: net.Socket;
  /** Resolves with the status code of the server's close frame, or null if the socket ended without one. */
  closed: Promise<number | null>;
}

export async function openRawBridge(origin: string, path: string, headers: Record<string, string> = {}): Promise<RawBridge> {
  const { hostname, port } = new URL(origin);
  const socket = net.connect(Number(port), hostname);
  socket.on('error', () => undefined); // the server may drop us mid-write: that is what is being tested
  await new Promise((resolve) => socket.once('connect', resolve));
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    `Origin: ${origin}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.write(lines.join('\r\n') + '\r\n\r\n');
  let buffered = Buffer.alloc(0);
  let upgraded = false;
  let settleClose: (code: number | null) => void = () => undefined;
  const closed = new Promise<number | null>((resolve) => (settleClose = resolve));
  await new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (!upgraded) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const status = buffered.subarray(0, buffered.indexOf('\r\n')).toString();
        if (!status.includes(' 101 ')) return reject(new Error(`upgrade refused: ${status}`));
        upgraded = true;
        buffered = buffered.subarray(end + 4);
        resolve();
      }
      const code = findCloseCode(buffered);
      if (code !== undefined) settleClose(code);
    });
    socket.once('close', () => (upgraded ? settleClose(null) : reject(new Error('closed before the upgrade'))));
  });
  return { socket, closed };
}

/** Walks the server's (unmasked) frames; returns the close code once a whole close frame has arrived. */
function findCloseCode(buf: Buffer): number | null | undefined {
  let at = 0;
  while (at + 2 <= buf.length) {
    const opcode = buf[at]! & 0x0f;
    let len = buf[at + 1]! & 0x7f;
    let head = 2;
    if (len === 126) {
      if (at + 4 > buf.length) return undefined;
      len = buf.readUInt16BE(at + 2);
      head = 4;
    } else if (len === 127) {
      if (at + 10 > buf.length) return undefined;
      len = Number(buf.readBigUInt64BE(at + 2));
      head = 10;
    }
    if (at + head + len > buf.length) return undefined;
    if (opcode === 0x8) return len >= 2 ? buf.readUInt16BE(at + head) : null;
    at += head + len;
  }
  return undefined;
}

/** One client frame: `first` is FIN/RSV/opcode; masked unless told otherwise; `declaredLength` may lie. */
export function frame(first: number, payload: Buffer, opts: { masked?: boolean; declaredLength?: bigint } = {}): Buffer {
  const masked = opts.masked ?? true;
  const length = opts.declaredLength ?? BigInt(payload.length);
  let header: Buffer;
  if (length < 126n) header = Buffer.from([first, (masked ? 0x80 : 0) | Number(length)]);
  else if (length < 65536n) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 126;
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(length, 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = body[i]! ^ key[i % 4]!;
  return Buffer.concat([header, key, body]);
}

/**
 * IPP messages as the printer sees them (RFC 8010 §3): written from the RFC for the emulator, sharing nothing with
 * the kiosk's client codec. A request is read into groups of named attributes; a response is written value by value.
 */

export const Tag = {
  operation: 0x01,
  job: 0x02,
  end: 0x03,
  printer: 0x04,
  unsupported: 0x05,
  // out-of-band values
  unsupportedValue: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  text: 0x41,
  name: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
} as const;

/** A value as read from a request: integers and enums as numbers, booleans, strings, or raw bytes. */
export type WireValue = { tag: number; value: number | boolean | string | Buffer | WireAttr[] };
export interface WireAttr {
  name: string;
  values: WireValue[];
}
export interface WireGroup {
  tag: number;
  attrs: WireAttr[];
}
export interface WireRequest {
  major: number;
  minor: number;
  operation: number;
  requestId: number;
  groups: WireGroup[];
  document: Buffer;
}

export class WireError extends Error {}

/** Reads a request; throws WireError on anything malformed (the server answers client-error-bad-request). */
export function readRequest(buf: Buffer): WireRequest {
  if (buf.length < 9) throw new WireError('message shorter than its header');
  const req: WireRequest = {
    major: buf[0]!,
    minor: buf[1]!,
    operation: buf.readUInt16BE(2),
    requestId: buf.readInt32BE(4),
    groups: [],
    document: Buffer.alloc(0),
  };
  let pos = 8;
  let group: WireGroup | null = null;
  let last: WireAttr | null = null;
  const stack: { attrs: WireAttr[]; last: WireAttr | null }[] = [];
  const need = (n: number) => {
    if (pos + n > buf.length) throw new WireError(`message truncated at byte ${pos}`);
  };
  for (;;) {
    need(1);
    const tag = buf[pos]!;
    if (tag === Tag.end) {
      pos++;
      break;
    }
    if (tag <= 0x0f) {
      if (stack.length) throw new WireError('group delimiter inside a collection');
      group = { tag, attrs: [] };
      req.groups.push(group);
      last = null;
      pos++;
      continue;
    }
    if (!group) throw new WireError('attribute before any group');
    need(3);
    const nameLen = buf.readUInt16BE(pos + 1);
    need(3 + nameLen + 2);
    const name = buf.toString('utf8', pos + 3, pos + 3 + nameLen);
    const valueLen = buf.readUInt16BE(pos + 3 + nameLen);
    const start = pos + 5 + nameLen;
    need(5 + nameLen + valueLen);
    const raw = buf.subarray(start, start + valueLen);
    pos = start + valueLen;

    const target = stack.length ? stack[stack.length - 1]! : { attrs: group.attrs, last };
    if (tag === Tag.endCollection) {
      const done = stack.pop();
      if (!done) throw new WireError('end of a collection that was not begun');
      continue;
    }
    if (tag === Tag.memberAttrName) {
      const member = { name: raw.toString('utf8'), values: [] };
      target.attrs.push(member);
      target.last = member;
      continue;
    }
    let attr: WireAttr;
    if (nameLen > 0) {
      attr = { name, values: [] };
      if (stack.length) throw new WireError('named attribute inside a collection');
      group.attrs.push(attr);
      last = attr;
    } else {
      const prev = stack.length ? stack[stack.length - 1]!.last : last;
      if (!prev) throw new WireError('additional value without an attribute');
      attr = prev;
    }
    if (tag === Tag.begCollection) {
      const members: WireAttr[] = [];
      attr.values.push({ tag, value: members });
      stack.push({ attrs: members, last: null });
      continue;
    }
    attr.values.push({ tag, value: valueOf(tag, raw) });
  }
  if (stack.length) throw new WireError('collection not ended');
  req.document = buf.subarray(pos);
  return req;
}

function valueOf(tag: number, raw: Buffer): WireValue['value'] {
  if (tag === Tag.integer || tag === Tag.enum) {
    if (raw.length !== 4) throw new WireError('integer value must be 4 bytes');
    return raw.readInt32BE(0);
  }
  if (tag === Tag.boolean) {
    if (raw.length !== 1) throw new WireError('boolean value must be 1 byte');
    return raw[0] !== 0;
  }
  if (tag >= 0x40 && tag <= 0x5f && tag !== Tag.textWithLanguage && tag !== Tag.nameWithLanguage) return raw.toString('utf8');
  return Buffer.from(raw);
}

/** Builds a response: header, then groups of attributes, then the end tag. */
export class ResponseWriter {
  private readonly parts: Buffer[] = [];

  constructor(status: number, requestId: number, version: [number, number] = [1, 1]) {
    const h = Buffer.alloc(8);
    h[0] = version[0];
    h[1] = version[1];
    h.writeUInt16BE(status, 2);
    h.writeInt32BE(requestId, 4);
    this.parts.push(h);
  }

  group(tag: number): this {
    this.parts.push(Buffer.from([tag]));
    return this;
  }

  /** One attribute with one or more values (additional values get an empty name, §3.1.5). */
  attr(tag: number, name: string, ...values: Val[]): this {
    values.forEach((v, i) => this.value(tag, i === 0 ? name : '', v));
    return this;
  }

  private value(tag: number, name: string, v: Val): void {
    if (tag === Tag.begCollection) {
      this.raw(tag, name, Buffer.alloc(0));
      for (const [member, [mtag, ...mvals]] of Object.entries(v as Record<string, [number, ...Val[]]>)) {
        this.raw(Tag.memberAttrName, '', Buffer.from(member));
        mvals.forEach((mv) => this.value(mtag, '', mv));
      }
      this.raw(Tag.endCollection, '', Buffer.alloc(0));
      return;
    }
    this.raw(tag, name, encodeValue(tag, v));
  }

  private raw(tag: number, name: string, value: Buffer): void {
    const n = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(3);
    head[0] = tag;
    head.writeUInt16BE(n.length, 1);
    const len = Buffer.alloc(2);
    len.writeUInt16BE(value.length, 0);
    this.parts.push(head, n, len, value);
  }

  finish(): Buffer {
    return Buffer.concat([...this.parts, Buffer.from([Tag.end])]);
  }
}

export type Val =
  | number
  | boolean
  | string
  | Date
  | { x: number; y: number; units: number }
  | { lower: number; upper: number }
  | Record<string, unknown>
  | null;

function encodeValue(tag: number, v: Val): Buffer {
  switch (tag) {
    case Tag.integer:
    case Tag.enum: {
      const b = Buffer.alloc(4);
      b.writeInt32BE(v as number, 0);
      return b;
    }
    case Tag.boolean:
      return Buffer.from([v ? 1 : 0]);
    case Tag.rangeOfInteger: {
      const r = v as { lower: number; upper: number };
      const b = Buffer.alloc(8);
      b.writeInt32BE(r.lower, 0);
      b.writeInt32BE(r.upper, 4);
      return b;
    }
    case Tag.resolution: {
      const r = v as { x: number; y: number; units: number };
      const b = Buffer.alloc(9);
      b.writeInt32BE(r.x, 0);
      b.writeInt32BE(r.y, 4);
      b[8] = r.units;
      return b;
    }
    case Tag.dateTime: {
      // RFC 2579 DateAndTime in UTC
      const d = v as Date;
      const b = Buffer.alloc(11);
      b.writeUInt16BE(d.getUTCFullYear(), 0);
      b[2] = d.getUTCMonth() + 1;
      b[3] = d.getUTCDate();
      b[4] = d.getUTCHours();
      b[5] = d.getUTCMinutes();
      b[6] = d.getUTCSeconds();
      b[7] = Math.floor(d.getUTCMilliseconds() / 100);
      b[8] = '+'.charCodeAt(0);
      return b;
    }
    case Tag.unknown:
    case Tag.noValue:
    case Tag.unsupportedValue:
      return Buffer.alloc(0);
    case Tag.octetString:
      return Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8');
    default:
      return Buffer.from(String(v), 'utf8');
  }
}

export const first = (g: WireGroup | undefined, name: string): WireValue | undefined => g?.attrs.find((a) => a.name === name)?.values[0];

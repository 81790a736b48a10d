import { err, ok, type Result } from '../core/result.js';

/**
 * IPP/1.1–2.0 message encoding (RFC 8010 §3), pure: bytes in, bytes out, no I/O. Attribute values keep their
 * syntax so a reply can be checked against what RFC 8011 says it must be.
 */

export const GroupTag = { operation: 0x01, job: 0x02, end: 0x03, printer: 0x04, unsupported: 0x05 } as const;

export const ValueTag = {
  unsupported: 0x10,
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

export type IppValue =
  | { kind: 'int'; tag: 0x21 | 0x23; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'string'; tag: number; value: string }
  | { kind: 'bytes'; tag: number; value: Uint8Array }
  | { kind: 'range'; lower: number; upper: number }
  | { kind: 'resolution'; x: number; y: number; units: number }
  | { kind: 'collection'; members: IppAttribute[] }
  | { kind: 'outOfBand'; tag: number };

export interface IppAttribute {
  name: string;
  values: IppValue[];
}
export interface IppGroup {
  tag: number;
  attributes: IppAttribute[];
}
export interface IppMessage {
  /** e.g. 0x0200 for IPP/2.0 */
  version: number;
  /** operation-id in requests, status-code in responses */
  code: number;
  requestId: number;
  groups: IppGroup[];
  /** the document following the end-of-attributes tag */
  data: Uint8Array;
}

export type IppDecodeError = { code: 'truncated' | 'badStructure' | 'badValue'; detail: string };

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: false });
const isStringTag = (t: number) => t >= 0x40 && t <= 0x5f && t !== ValueTag.textWithLanguage && t !== ValueTag.nameWithLanguage;

export function encodeIpp(m: IppMessage): Uint8Array {
  const out: number[] = [];
  const u16 = (n: number) => out.push((n >> 8) & 0xff, n & 0xff);
  const i32 = (n: number) => out.push((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  const bytes = (b: Uint8Array) => {
    for (const x of b) out.push(x);
  };
  const field = (tag: number, name: string, value: Uint8Array) => {
    const n = utf8.encode(name);
    out.push(tag);
    u16(n.length);
    bytes(n);
    u16(value.length);
    bytes(value);
  };
  const value = (name: string, v: IppValue) => {
    switch (v.kind) {
      case 'int': {
        const b = new Uint8Array(4);
        new DataView(b.buffer).setInt32(0, v.value);
        return field(v.tag, name, b);
      }
      case 'bool':
        return field(ValueTag.boolean, name, Uint8Array.of(v.value ? 1 : 0));
      case 'string':
        return field(v.tag, name, utf8.encode(v.value));
      case 'bytes':
        return field(v.tag, name, v.value);
      case 'outOfBand':
        return field(v.tag, name, new Uint8Array(0));
      case 'range': {
        const b = new Uint8Array(8);
        const d = new DataView(b.buffer);
        d.setInt32(0, v.lower);
        d.setInt32(4, v.upper);
        return field(ValueTag.rangeOfInteger, name, b);
      }
      case 'resolution': {
        const b = new Uint8Array(9);
        const d = new DataView(b.buffer);
        d.setInt32(0, v.x);
        d.setInt32(4, v.y);
        b[8] = v.units;
        return field(ValueTag.resolution, name, b);
      }
      case 'collection':
        field(ValueTag.begCollection, name, new Uint8Array(0));
        for (const member of v.members) {
          field(ValueTag.memberAttrName, '', utf8.encode(member.name));
          for (const mv of member.values) value('', mv);
        }
        return field(ValueTag.endCollection, '', new Uint8Array(0));
    }
  };
  u16(m.version);
  u16(m.code);
  i32(m.requestId);
  for (const g of m.groups) {
    out.push(g.tag);
    for (const a of g.attributes) a.values.forEach((v, i) => value(i === 0 ? a.name : '', v));
  }
  out.push(GroupTag.end);
  const head = Uint8Array.from(out);
  const all = new Uint8Array(head.length + m.data.length);
  all.set(head);
  all.set(m.data, head.length);
  return all;
}

export function decodeIpp(b: Uint8Array): Result<IppMessage, IppDecodeError> {
  const d = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 9) return err({ code: 'truncated', detail: `${b.length} bytes is shorter than an IPP header` });
  const m: IppMessage = { version: d.getUint16(0), code: d.getUint16(2), requestId: d.getInt32(4), groups: [], data: new Uint8Array(0) };
  let p = 8;
  let group: IppGroup | null = null;
  let current: IppAttribute | null = null;
  // open collections: where their members go, and the member that additional values extend
  const open: { members: IppAttribute[]; member: IppAttribute | null }[] = [];
  for (;;) {
    if (p >= b.length) return err({ code: 'truncated', detail: 'no end-of-attributes tag' });
    const tag = b[p]!;
    if (tag === GroupTag.end) {
      p++;
      break;
    }
    if (tag < 0x10) {
      if (open.length) return err({ code: 'badStructure', detail: `group tag 0x${tag.toString(16)} inside a collection` });
      group = { tag, attributes: [] };
      m.groups.push(group);
      current = null;
      p++;
      continue;
    }
    if (p + 3 > b.length) return err({ code: 'truncated', detail: `attribute header at byte ${p}` });
    const nameLen = d.getUint16(p + 1);
    if (p + 3 + nameLen + 2 > b.length) return err({ code: 'truncated', detail: `attribute name at byte ${p}` });
    const name = fromUtf8.decode(b.subarray(p + 3, p + 3 + nameLen));
    const valueLen = d.getUint16(p + 3 + nameLen);
    const start = p + 5 + nameLen;
    if (start + valueLen > b.length) return err({ code: 'truncated', detail: `value of "${name || current?.name}" at byte ${start}` });
    const raw = b.subarray(start, start + valueLen);
    p = start + valueLen;
    if (!group) return err({ code: 'badStructure', detail: 'attribute before the first group tag' });

    const top = open[open.length - 1];
    if (tag === ValueTag.endCollection) {
      if (!top) return err({ code: 'badStructure', detail: 'endCollection without begCollection' });
      open.pop();
      continue;
    }
    if (tag === ValueTag.memberAttrName) {
      if (!top) return err({ code: 'badStructure', detail: 'memberAttrName outside a collection' });
      top.member = { name: fromUtf8.decode(raw), values: [] };
      top.members.push(top.member);
      continue;
    }
    let attr: IppAttribute;
    if (top) {
      if (nameLen > 0 || !top.member) return err({ code: 'badStructure', detail: 'collection member value without memberAttrName' });
      attr = top.member;
    } else if (nameLen > 0) {
      attr = { name, values: [] };
      group.attributes.push(attr);
      current = attr;
    } else {
      if (!current) return err({ code: 'badStructure', detail: 'additional value without an attribute' });
      attr = current;
    }
    if (tag === ValueTag.begCollection) {
      const members: IppAttribute[] = [];
      attr.values.push({ kind: 'collection', members });
      open.push({ members, member: null });
      continue;
    }
    const v = decodeValue(tag, raw);
    if (!v.ok) return err({ code: 'badValue', detail: `"${attr.name}": ${v.error}` });
    attr.values.push(v.value);
  }
  if (open.length) return err({ code: 'badStructure', detail: 'collection not closed' });
  m.data = b.slice(p);
  return ok(m);
}

function decodeValue(tag: number, raw: Uint8Array): Result<IppValue, string> {
  const d = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (tag === ValueTag.unsupported || tag === ValueTag.unknown || tag === ValueTag.noValue || (tag > 0x10 && tag < 0x20))
    return ok({ kind: 'outOfBand', tag });
  switch (tag) {
    case ValueTag.integer:
    case ValueTag.enum:
      return raw.length === 4 ? ok({ kind: 'int', tag, value: d.getInt32(0) }) : err(`integer of ${raw.length} bytes`);
    case ValueTag.boolean:
      return raw.length === 1 ? ok({ kind: 'bool', value: raw[0] !== 0 }) : err(`boolean of ${raw.length} bytes`);
    case ValueTag.rangeOfInteger:
      return raw.length === 8 ? ok({ kind: 'range', lower: d.getInt32(0), upper: d.getInt32(4) }) : err(`range of ${raw.length} bytes`);
    case ValueTag.resolution:
      return raw.length === 9
        ? ok({ kind: 'resolution', x: d.getInt32(0), y: d.getInt32(4), units: raw[8]! })
        : err(`resolution of ${raw.length} bytes`);
    case ValueTag.dateTime:
      return raw.length === 11 ? ok({ kind: 'bytes', tag, value: raw.slice() }) : err(`dateTime of ${raw.length} bytes`);
  }
  if (isStringTag(tag)) return ok({ kind: 'string', tag, value: fromUtf8.decode(raw) });
  return ok({ kind: 'bytes', tag, value: raw.slice() });
}

/** Builders for request attributes. */
export const ipp = {
  str: (tag: number, name: string, ...values: string[]): IppAttribute => ({
    name,
    values: values.map((value) => ({ kind: 'string', tag, value })),
  }),
  int: (name: string, ...values: number[]): IppAttribute => ({
    name,
    values: values.map((value) => ({ kind: 'int', tag: ValueTag.integer, value })),
  }),
  bool: (name: string, value: boolean): IppAttribute => ({ name, values: [{ kind: 'bool', value }] }),
};

/** Reading replies: the first value of an attribute, as what RFC 8011 says its syntax is. */
export function findAttr(m: IppMessage, group: number, name: string): IppAttribute | undefined {
  for (const g of m.groups) if (g.tag === group) for (const a of g.attributes) if (a.name === name) return a;
  return undefined;
}
export const asInts = (a: IppAttribute | undefined): number[] => a?.values.flatMap((v) => (v.kind === 'int' ? [v.value] : [])) ?? [];
export const asStrings = (a: IppAttribute | undefined): string[] =>
  a?.values.flatMap((v) =>
    v.kind === 'string' ? [v.value] : v.kind === 'bytes' && v.tag === ValueTag.octetString ? [fromUtf8.decode(v.value)] : [],
  ) ?? [];
export const asBool = (a: IppAttribute | undefined): boolean | undefined => (a?.values[0]?.kind === 'bool' ? a.values[0].value : undefined);

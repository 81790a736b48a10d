import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeIpp,
  encodeIpp,
  GroupTag,
  ipp,
  ValueTag,
  type IppAttribute,
  type IppMessage,
  type IppValue,
} from '../../devices/printer/ipp-codec.js';
import { deviceStatusOf, snapshotFromAttributes, stripSeverity } from '../../devices/printer/ipp-status.js';
import { refusalOf } from '../../devices/printer/ipp-printer.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('IPP codec (RFC 8010)', () => {
  it('encodes a Get-Printer-Attributes request byte for byte as §3 lays it out', () => {
    const bytes = encodeIpp({
      version: 0x0200,
      code: 0x000b,
      requestId: 1,
      groups: [
        {
          tag: GroupTag.operation,
          attributes: [
            ipp.str(ValueTag.charset, 'attributes-charset', 'utf-8'),
            ipp.str(ValueTag.keyword, 'requested-attributes', 'printer-state', 'media-ready'),
          ],
        },
      ],
      data: new Uint8Array(0),
    });
    const expected =
      '0200' +
      '000b' +
      '00000001' +
      '01' +
      '47' +
      '0012' +
      Buffer.from('attributes-charset').toString('hex') +
      '0005' +
      Buffer.from('utf-8').toString('hex') +
      '44' +
      '0014' +
      Buffer.from('requested-attributes').toString('hex') +
      '000d' +
      Buffer.from('printer-state').toString('hex') +
      // an additional value: value tag, name-length 0, value
      '44' +
      '0000' +
      '000b' +
      Buffer.from('media-ready').toString('hex') +
      '03';
    expect(hex(bytes)).toBe(expected);
  });

  it('decodes a collection (media-col) and a document after the end tag', () => {
    const msg: IppMessage = {
      version: 0x0101,
      code: 0,
      requestId: 7,
      groups: [
        {
          tag: GroupTag.printer,
          attributes: [
            {
              name: 'media-col-default',
              values: [
                {
                  kind: 'collection',
                  members: [
                    {
                      name: 'media-size',
                      values: [
                        { kind: 'collection', members: [{ name: 'x-dimension', values: [{ kind: 'int', tag: 0x21, value: 21000 }] }] },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
      data: Uint8Array.of(0x25, 0x50, 0x44, 0x46),
    };
    const back = decodeIpp(encodeIpp(msg));
    expect(back).toEqual({ ok: true, value: msg });
  });

  it('any message survives encode → decode unchanged', () => {
    const str = fc.string({ maxLength: 20 });
    const value: fc.Arbitrary<IppValue> = fc.oneof(
      fc.record({
        kind: fc.constant('int' as const),
        tag: fc.constantFrom(0x21 as const, 0x23 as const),
        value: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      }),
      fc.record({ kind: fc.constant('bool' as const), value: fc.boolean() }),
      fc.record({ kind: fc.constant('string' as const), tag: fc.constantFrom(0x41, 0x42, 0x44, 0x45, 0x47, 0x48, 0x49), value: str }),
      fc.record({
        kind: fc.constant('range' as const),
        lower: fc.integer({ min: -1000, max: 1000 }),
        upper: fc.integer({ min: -1000, max: 1000 }),
      }),
      fc.record({ kind: fc.constant('resolution' as const), x: fc.nat(10_000), y: fc.nat(10_000), units: fc.constantFrom(3, 4) }),
      fc.record({ kind: fc.constant('outOfBand' as const), tag: fc.constantFrom(0x10, 0x12, 0x13) }),
      fc.record({ kind: fc.constant('bytes' as const), tag: fc.constant(0x30), value: fc.uint8Array({ maxLength: 16 }) }),
    );
    const attr: fc.Arbitrary<IppAttribute> = fc.record({
      name: fc.string({ minLength: 1, maxLength: 30 }),
      values: fc.array(value, { minLength: 1, maxLength: 4 }),
    });
    const message = fc.record({
      version: fc.constantFrom(0x0101, 0x0200),
      code: fc.integer({ min: 0, max: 0xffff }),
      requestId: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      groups: fc.array(fc.record({ tag: fc.constantFrom(1, 2, 4, 5), attributes: fc.array(attr, { maxLength: 5 }) }), { maxLength: 4 }),
      data: fc.uint8Array({ maxLength: 64 }),
    });
    fc.assert(
      fc.property(message, (m) => {
        expect(decodeIpp(encodeIpp(m))).toEqual({ ok: true, value: m });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on damaged bytes: it returns a typed error or a message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = decodeIpp(bytes);
        if (!r.ok) expect(['truncated', 'badStructure', 'badValue']).toContain(r.error.code);
      }),
      { numRuns: 2000 },
    );
    expect(decodeIpp(Uint8Array.of(2, 0, 0, 0, 0, 0, 0, 1, 1, 0x21, 0, 1))).toMatchObject({ ok: false, error: { code: 'truncated' } });
  });
});

/** A Get-Printer-Attributes reply with the given printer attributes. */
function reply(attrs: IppAttribute[]): IppMessage {
  return { version: 0x0200, code: 0, requestId: 1, groups: [{ tag: GroupTag.printer, attributes: attrs }], data: new Uint8Array(0) };
}
const state = (n: number): IppAttribute => ({ name: 'printer-state', values: [{ kind: 'int', tag: 0x23, value: n }] });
const reasons = (...r: string[]) => ipp.str(ValueTag.keyword, 'printer-state-reasons', ...r);
const accepting = ipp.bool('printer-is-accepting-jobs', true);

describe('printer status from IPP attributes', () => {
  it('strips -report/-warning/-error and drops "none"', () => {
    expect(['media-empty-error', 'toner-low-warning', 'other-report'].map(stripSeverity)).toEqual(['media-empty', 'toner-low', 'other']);
    expect(snapshotFromAttributes(reply([state(3), reasons('none'), accepting])).reasons).toEqual([]);
  });

  it.each([
    [['media-empty-error'], 'userError', ['paperOut'], 'noMedia'],
    [['media-needed'], 'userError', ['paperOut'], 'noMedia'],
    [['media-jam-error'], 'userError', ['paperJam'], 'mediaJam'],
    [['cover-open-error'], 'userError', ['coverOpen'], 'userError'],
    [['door-open-error'], 'userError', ['coverOpen'], 'userError'],
    [['toner-empty-error'], 'hardwareError', [], 'hardwareError'],
    [['offline-report'], 'offline', [], 'deviceNotReady'],
    [['spool-area-full'], 'busy', [], 'deviceNotReady'],
    [['toner-low-warning'], 'online', ['tonerLow'], null],
    [['media-low-warning'], 'online', ['paperLow'], null],
  ])('%j → %s %j, printing refused with %s', (r, deviceState, media, refusal) => {
    const snap = snapshotFromAttributes(reply([state(3), reasons(...(r as string[])), accepting]));
    expect(deviceStatusOf(snap)).toMatchObject({ state: deviceState, media });
    expect(refusalOf(snap)?.code ?? null).toBe(refusal);
  });

  it('does not trust printer-state alone: "idle" with an empty tray cannot print', () => {
    const snap = snapshotFromAttributes(reply([state(3), reasons('media-empty-error'), accepting]));
    expect(snap.state).toBe('idle');
    expect(refusalOf(snap)?.code).toBe('noMedia');
  });

  it('reads marker-levels with the RFC 3805 special values, and printer-supply strings', () => {
    const markers = snapshotFromAttributes(
      reply([ipp.str(ValueTag.name, 'marker-names', 'Black', 'Cyan', 'Magenta', 'Yellow'), ipp.int('marker-levels', 40, -1, -2, -3)]),
    );
    expect(markers.supplies).toEqual([
      { name: 'Black', level: 40, someRemaining: false },
      { name: 'Cyan', level: null, someRemaining: false },
      { name: 'Magenta', level: null, someRemaining: false },
      { name: 'Yellow', level: null, someRemaining: true },
    ]);
    const supply = snapshotFromAttributes(
      reply([
        {
          name: 'printer-supply',
          values: [
            'index=1;class=receptacleThatIsFilled;type=wasteToner;level=25;',
            'index=2;class=supplyThatIsConsumed;type=toner;unit=percent;maxcapacity=100;level=75;',
          ].map((v) => ({ kind: 'bytes' as const, tag: 0x30, value: new TextEncoder().encode(v) })),
        },
        ipp.str(ValueTag.text, 'printer-supply-description', 'Toner Waste Tank', 'Black Toner'),
      ]),
    );
    expect(supply.supplies).toEqual([{ name: 'Black Toner', level: 75, someRemaining: false }]);
  });
});

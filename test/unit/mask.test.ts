import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../main/core/log/logger.js';
import { maskIdNumber, maskName, maskPersonalData, maskPhone, maskText } from '../../main/core/log/mask.js';

describe('masking personal data', () => {
  it('masks an 18-digit ID number to its first and last four', () => {
    expect(maskIdNumber('410105199001011234')).toBe('4101**********1234');
    expect(maskText('card 11010519491231002X read')).toBe('card 1101**********002X read');
  });

  it('masks names to the first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('*');
  });

  it('masks mobile numbers inside text and by key', () => {
    expect(maskText('call 13812345678 now')).toBe('call 138****5678 now');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
  });

  it('masks by key, deeply, and drops photos and addresses', () => {
    const out = maskPersonalData({
      person: {
        name: '王小明',
        idNumber: '110105194912310021',
        phone: '13900001111',
        address: '北京市东城区某街1号',
        photo: new Uint8Array(1024),
      },
      list: [{ name: '赵六' }],
      device: 'idcard',
    });
    expect(out).toEqual({
      person: { name: '王**', idNumber: '1101**********0021', phone: '139****1111', address: '[redacted]', photo: '[redacted]' },
      list: [{ name: '赵*' }],
      device: 'idcard',
    });
  });

  it('leaves numbers that are not personal (ports, counts) alone', () => {
    expect(maskText('port 35963, 12 pages, 2026-11-21')).toBe('port 35963, 12 pages, 2026-11-21');
  });
});

describe('logger', () => {
  it('applies masking to objects and messages at the logger, whatever the call site passes', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const log = createLogger({ destination: sink });
    log.info({ name: '张三', idNumber: '11010519491231002X' }, 'read card of 11010519491231002X, tel 13812345678');
    expect(out).not.toContain('11010519491231002X');
    expect(out).not.toContain('张三');
    expect(out).not.toContain('13812345678');
    expect(out).toContain('1101**********002X');
    expect(out).toContain('张*');
  });
});

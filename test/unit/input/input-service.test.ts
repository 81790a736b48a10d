import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inputHandlers } from '../../../main/bridge/handlers/input.js';
import { BridgeFailure } from '../../../main/bridge/dispatcher.js';
import type { Kiosk } from '../../../main/core/kiosk.js';
import { InputError } from '../../../main/core/input/errors.js';
import { InputService } from '../../../main/core/input/input-service.js';
import { createLogger } from '../../../main/core/log/logger.js';

function dictionaryFile(lines: string[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ime-')), 'dict.tsv.gz');
  writeFileSync(file, gzipSync(lines.join('\n') + '\n'));
  return file;
}

const file = dictionaryFile([
  '是\tshi\t900',
  '时\tshi\t800',
  '事\tshi\t700',
  '市\tshi\t600',
  '实\tshi\t500',
  '识\tshi\t400',
  '事项\tshi xiang\t50',
  '实象\tshi xiang\t60',
]);

describe('input service', () => {
  it('pages the candidates and says when there are more', async () => {
    const service = new InputService({ log: createLogger({ level: 'silent' }), dictionaryFile: file });
    const first = await service.candidates({ letters: 'shi', page: 0, pageSize: 4 });
    expect(first.candidates.map((c) => c.text)).toEqual(['是', '时', '事', '市']);
    expect(first.more).toBe(true);
    const second = await service.candidates({ letters: 'shi', page: 1, pageSize: 4 });
    expect(second.candidates.map((c) => c.text)).toEqual(['实', '识']);
    expect(second.more).toBe(false);
  });

  it('rebuilds the catalog vocabulary when the catalog changes', async () => {
    let version = 1;
    let texts = ['其他'];
    const service = new InputService({
      log: createLogger({ level: 'silent' }),
      dictionaryFile: file,
      vocabulary: { version: () => version, texts: () => texts },
    });
    expect((await service.candidates({ letters: 'sx', page: 0, pageSize: 2 })).candidates[0]?.text).toBe('实象');
    version = 2;
    texts = ['事项是实事'];
    expect((await service.candidates({ letters: 'sx', page: 0, pageSize: 2 })).candidates[0]?.text).toBe('事项');
  });
});

describe('input bridge handlers', () => {
  it('turns a missing recognizer into an "unavailable" reply with its message key', async () => {
    const kiosk = {
      input: {
        recognize: () => Promise.reject(new InputError('recognizerMissing', 'catalog.keyboard.handwritingUnavailable', 'zinnia not found')),
      },
    } as unknown as Kiosk;
    const reply = inputHandlers(kiosk)['handwriting.recognize']({ width: 300, height: 300, strokes: [[[1, 1]]], limit: 5 });
    await expect(reply).rejects.toBeInstanceOf(BridgeFailure);
    await expect(reply).rejects.toMatchObject({ error: { code: 'unavailable', messageKey: 'catalog.keyboard.handwritingUnavailable' } });
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../main/core/log/logger.js';
import { espeakEngine, espeakVoices } from '../../main/core/speech/espeak-engine.js';
import { SpeechService } from '../../main/core/speech/speech-service.js';
import { wavInfo } from '../../main/core/speech/wav.js';

beforeAll(() => {
  const r = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
  if (r.error) throw new Error('espeak-ng is missing: apt-get install -y --no-install-recommends espeak-ng');
});

const seconds = async (service: SpeechService, text: string, language: 'zh-CN' | 'en' | 'ug') =>
  wavInfo((await service.say(text, language, false)).wav)!.durationSeconds;

describe('espeak-ng voices for the three languages', () => {
  it('Debian’s espeak-ng has a Uyghur voice, the one the kiosk names', () => {
    expect(espeakVoices.ug).toBe('ug');
    expect(execFileSync('espeak-ng', ['--voices=ug'], { encoding: 'utf8' })).toMatch(/^\s*\d+\s+ug\s.*trk\/ug/m);
    // it reads Uyghur letters as Uyghur sounds (not "Arabic letter …")
    expect(execFileSync('espeak-ng', ['-v', 'ug', '-x', '-q', 'سالام'], { encoding: 'utf8' }).trim()).toBe("s'AlAm");
  });

  it('an English sentence naming a Chinese matter is one WAV: the English part, then the Chinese read in Chinese', async () => {
    const service = new SpeechService(espeakEngine(), createLogger({ level: 'silent' }));
    const both = await seconds(service, 'Proof: 户籍证明', 'en');
    const parts = (await seconds(service, 'Proof:', 'en')) + (await seconds(service, '户籍证明', 'zh-CN'));
    expect(both).toBeCloseTo(parts, 2);
    // the Chinese part alone asked in English is still the Chinese voice's reading
    expect(await seconds(service, '户籍证明', 'en')).toBeCloseTo(await seconds(service, '户籍证明', 'zh-CN'), 3);
  });
});

import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/core/log/logger.js';
import { SpeechError, type SpeechEngine, type SpeechLanguage } from '../../../main/core/speech/engine.js';
import { espeakVoices } from '../../../main/core/speech/espeak-engine.js';
import { SpeechService } from '../../../main/core/speech/speech-service.js';
import { speechRuns } from '../../../main/core/speech/voice-choice.js';
import { wavInfo } from '../../../main/core/speech/wav.js';

/** A WAV of `ms` milliseconds of silence at 22,050 Hz mono, as espeak-ng writes it. */
function silence(ms: number): Buffer {
  const data = Buffer.alloc(Math.round((22050 * ms) / 1000) * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(22050, 24);
  h.writeUInt32LE(44100, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

/** An engine that records which voice read what; `voices` as an engine (espeak-ng's, or a vendor's without Uyghur). */
function recordingEngine(voices: Partial<Record<SpeechLanguage, string>>) {
  const said: [string, string][] = [];
  const engine: SpeechEngine = {
    id: 'fake',
    voiceFor: (l) => voices[l] ?? null,
    synthesize: async (text, language) => {
      said.push([voices[language]!, text]);
      return silence(100);
    },
  };
  return { said, service: new SpeechService(engine, createLogger({ level: 'silent' })) };
}

describe('which voice reads what', () => {
  it('Chinese characters are read by the Chinese voice whatever the session language; Uyghur script by the Uyghur voice', () => {
    expect(speechRuns('户籍证明开具', 'en')).toEqual([{ language: 'zh-CN', text: '户籍证明开具' }]);
    expect(speechRuns('نوپۇس ئىسپاتى', 'zh-CN')).toEqual([{ language: 'ug', text: 'نوپۇس ئىسپاتى' }]);
    expect(speechRuns('Proof: 户籍证明', 'en')).toEqual([
      { language: 'en', text: 'Proof:' },
      { language: 'zh-CN', text: '户籍证明' },
    ]);
    expect(speechRuns('Household registration certificate', 'en')).toEqual([
      { language: 'en', text: 'Household registration certificate' },
    ]);
    // codes in a Chinese sentence stay with it (cmn-latn-pinyin spells them); digits follow their neighbours
    expect(speechRuns('请拨打12345或输入ABC', 'zh-CN')).toEqual([{ language: 'zh-CN', text: '请拨打12345或输入ABC' }]);
  });

  it('with espeak-ng: English with en-us, Chinese with cmn-latn-pinyin (never en-us), Uyghur with ug', async () => {
    const { said, service } = recordingEngine(espeakVoices);
    await service.say('This guide is in Chinese only.', 'en', false);
    await service.say('户籍证明开具', 'en', false);
    await service.say('نوپۇس ئىسپاتى ئېچىش', 'ug', false);
    expect(said).toEqual([
      ['en-us', 'This guide is in Chinese only.'],
      ['cmn-latn-pinyin', '户籍证明开具'],
      ['ug', 'نوپۇس ئىسپاتى ئېچىش'],
    ]);
  });

  it('a mixed sentence is one WAV of both voices, each reading its own part', async () => {
    const { said, service } = recordingEngine(espeakVoices);
    const u = await service.say('Proof: 户籍证明', 'en', false);
    expect(said).toEqual([
      ['en-us', 'Proof:'],
      ['cmn-latn-pinyin', '户籍证明'],
    ]);
    expect(wavInfo(u.wav)?.durationSeconds).toBeCloseTo(0.2, 2);
  });

  it('an engine without a Uyghur voice reads nothing of a Uyghur text, and says which voice is missing', async () => {
    const { said, service } = recordingEngine({ 'zh-CN': 'xiaoyan', en: 'en-us' });
    const failure = await service.say('نوپۇس ئىسپاتى ئېچىش', 'ug', false).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SpeechError);
    expect(failure).toMatchObject({ code: 'unsupportedLanguage', messageKey: 'speech.error.noVoice.ug' });
    // nor a mixed one: half a sentence would be worse than the message
    await expect(service.say('户籍证明 نوپۇس', 'ug', false)).rejects.toMatchObject({ messageKey: 'speech.error.noVoice.ug' });
    expect(said).toEqual([]);
  });
});

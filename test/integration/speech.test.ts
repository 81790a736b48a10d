import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../main/core/log/logger.js';
import { SpeechError } from '../../main/core/speech/engine.js';
import { espeakEngine, espeakVoices } from '../../main/core/speech/espeak-engine.js';
import { SpeechService } from '../../main/core/speech/speech-service.js';
import { wavInfo } from '../../main/core/speech/wav.js';
import { root } from '../support/kiosk-process.js';

const log = createLogger({ level: 'silent' });

beforeAll(() => {
  const r = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
  if (r.error) throw new Error('espeak-ng is missing: apt-get install -y --no-install-recommends espeak-ng');
});

/** espeak-ng's phonemes for a text in a voice (`-x -q`: no audio). */
const phonemes = (voice: string, text: string) => execFileSync('espeak-ng', ['-v', voice, '-x', '-q', text], { encoding: 'utf8' });

describe('the Chinese voice reads Chinese, not tone numbers in English', () => {
  it('cmn switches to English for tone numbers; cmn-latn-pinyin, the one the kiosk uses, keeps Mandarin tones', () => {
    expect(phonemes('cmn', '今天')).toContain('(en)');
    const chosen = phonemes(espeakVoices['zh-CN'], '请将身份证放在感应区');
    expect(chosen).not.toContain('(en)');
    expect(chosen).toMatch(/55|35|51|214/); // Mandarin tone contours
  });
});

describe('speech service with espeak-ng', () => {
  it('speaks a prompt as a complete WAV, and the second time serves it from the cache', async () => {
    let calls = 0;
    const engine = espeakEngine();
    const counting = {
      ...engine,
      id: engine.id,
      voiceFor: engine.voiceFor.bind(engine),
      synthesize: (...a: Parameters<typeof engine.synthesize>) => (calls++, engine.synthesize(...a)),
    };
    const speech = new SpeechService(counting, log);
    const first = await speech.prompt('step.identify', 'zh-CN', false);
    const info = wavInfo(first.wav)!;
    expect(info.sampleRate).toBe(22050);
    expect(info.durationSeconds).toBeGreaterThan(1);
    // the header states the real sizes (espeak-ng on a pipe writes 0x7fff…)
    expect(first.wav.readUInt32LE(4)).toBe(first.wav.length - 8);
    await speech.prompt('step.identify', 'zh-CN', false);
    expect(calls).toBe(1);
    // 长辈模式 is slower: the same prompt lasts longer
    const slow = await speech.prompt('step.identify', 'zh-CN', true);
    expect(wavInfo(slow.wav)!.durationSeconds).toBeGreaterThan(info.durationSeconds);
  });

  it('says dynamic text normalised (amounts in words, masked digits left out), in English and Uyghur too', async () => {
    const speech = new SpeechService(espeakEngine(), log);
    const zh = await speech.say('应缴¥12.50，证件号码1101**********0033', 'zh-CN', false);
    expect(zh.spoken).toBe('应缴十二元五角，证件号码幺幺零幺，后几位隐去，零零三三');
    expect(wavInfo(zh.wav)!.durationSeconds).toBeGreaterThan(2);
    expect(wavInfo((await speech.say('Please take your document', 'en', false)).wav)!.durationSeconds).toBeGreaterThan(0.5);
    expect(wavInfo((await speech.say('ھۆججىتىڭىزنى ئېلىڭ', 'ug', false)).wav)!.durationSeconds).toBeGreaterThan(0.5);
  });

  it('stops synthesising when the session ends', async () => {
    const speech = new SpeechService(espeakEngine(), log);
    const long = speech.say('请核对证明内容。'.repeat(60), 'zh-CN', false);
    speech.endSession();
    await expect(long).rejects.toSatisfy((e) => e instanceof SpeechError && e.code === 'canceled');
  });

  it('a missing engine is a typed error naming the package to install', async () => {
    const speech = new SpeechService(espeakEngine('/nonexistent/espeak-ng'), log);
    await expect(speech.say('你好', 'zh-CN', false)).rejects.toSatisfy(
      (e) => e instanceof SpeechError && e.code === 'engineMissing' && e.message.includes('apt-get install'),
    );
  });
});

describe('npm run diag -- speak', () => {
  it('writes a WAV whose RIFF header says 22 kHz mono PCM of a plausible length', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'speak-')), 'out.wav');
    const r = spawnSync(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      [path.join(root, 'main/diag/cli.ts'), 'speak', '办件编号TEST-0001', '--out', out],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { voice: string; spoken: string };
    expect(report.voice).toBe('cmn-latn-pinyin');
    expect(report.spoken).toBe('办件编号T E S T，零零零幺');
    const info = wavInfo(readFileSync(out))!;
    expect(info).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16 });
    expect(info.durationSeconds).toBeGreaterThan(1);
  });
});

import type { Logger } from '../log/logger.js';
import { catalogVocabulary } from './catalog-vocabulary.js';
import { HandwritingRecognizer } from './handwriting-recognizer.js';
import { PinyinDictionary, defaultDictionaryFile } from './pinyin-dictionary.js';
import { PinyinEngine, type Candidate } from './pinyin-engine.js';
import type { Drawing } from './strokes.js';
import type { VocabularySource } from './vocabulary-source.js';
import { ZinniaProcess, type ZinniaOptions } from './zinnia-process.js';

export interface InputServiceOptions {
  log: Logger;
  vocabulary?: VocabularySource;
  dictionaryFile?: string;
  zinnia?: ZinniaOptions;
}

export interface CandidatePage {
  candidates: Candidate[];
  page: number;
  more: boolean;
}

/**
 * Chinese input for every text field: pinyin candidates from the dictionary (loaded in the background at start)
 * boosted by the catalog's words, and handwriting through a long-lived zinnia process. Holds no history: what
 * one resident typed never shapes what the next one sees.
 */
export class InputService {
  private engine: PinyinEngine | null = null;
  private loading: Promise<PinyinEngine> | null = null;
  private vocabularyVersion: string | number | null = null;
  private readonly zinnia: ZinniaProcess;
  private readonly handwriting: HandwritingRecognizer;

  constructor(private readonly options: InputServiceOptions) {
    this.zinnia = new ZinniaProcess(options.zinnia);
    this.handwriting = new HandwritingRecognizer(this.zinnia, () => this.engine?.dictionary ?? null);
  }

  /** Starts loading the dictionary without blocking (the first request waits for it if it comes sooner). */
  preload(): void {
    void this.ready().catch(() => undefined);
  }

  ready(): Promise<PinyinEngine> {
    this.loading ??= (async () => {
      const started = performance.now();
      const dictionary = await PinyinDictionary.loadInSlices(this.options.dictionaryFile ?? defaultDictionaryFile);
      this.engine = new PinyinEngine(dictionary);
      this.options.log.info({ entries: dictionary.size, ms: Math.round(performance.now() - started) }, 'pinyin dictionary loaded');
      return this.engine;
    })();
    this.loading.catch((e: Error) => {
      this.options.log.error({ err: e.message }, 'pinyin dictionary failed to load');
      this.loading = null;
    });
    return this.loading;
  }

  async candidates(q: { letters: string; context?: string; page: number; pageSize: number }): Promise<CandidatePage> {
    const engine = await this.ready();
    this.refreshVocabulary(engine);
    const all = engine.candidates({ letters: q.letters, context: q.context, limit: (q.page + 1) * q.pageSize + 1 });
    const candidates = all.slice(q.page * q.pageSize, (q.page + 1) * q.pageSize);
    return { candidates, page: q.page, more: all.length > (q.page + 1) * q.pageSize };
  }

  async recognize(drawing: Drawing, options: { context?: string; limit: number }): Promise<string[]> {
    await this.ready().catch(() => undefined); // re-ranking needs the dictionary; recognition works without it
    return this.handwriting.recognize(drawing, options);
  }

  stop(): void {
    this.zinnia.stop();
  }

  private refreshVocabulary(engine: PinyinEngine): void {
    const source = this.options.vocabulary;
    if (!source) return;
    const version = source.version();
    if (version === this.vocabularyVersion) return;
    this.vocabularyVersion = version;
    const started = performance.now();
    engine.setVocabulary(catalogVocabulary(source.texts(), engine.dictionary));
    this.options.log.info({ words: engine.vocabularySize, ms: Math.round(performance.now() - started) }, 'catalog vocabulary indexed');
  }
}

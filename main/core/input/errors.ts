export type InputErrorCode = 'recognizerMissing' | 'recognizerFailed' | 'recognizerTimeout' | 'dictionaryMissing';

/** A failure of the input method; the keyboard shows `messageKey` and keeps the pinyin mode working. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly messageKey: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'InputError';
  }
}

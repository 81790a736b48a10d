/**
 * Plays the core's WAV audio with Web Audio (decoded in memory: no media element, so the page's CSP needs no
 * media-src). One utterance at a time: a new one, or stop(), cuts the current one off.
 */
export class VoicePlayer {
  private context: AudioContext | null = null;
  private gain: GainNode | null = null;
  private source: AudioBufferSourceNode | null = null;
  private generation = 0;
  private volume = 0.8;

  setVolume(volume: number): void {
    this.volume = volume;
    if (this.gain) this.gain.gain.value = volume;
  }

  /** Resolves when the utterance has finished or was cut off. */
  async play(base64: string): Promise<void> {
    const mine = ++this.generation;
    this.stopSource();
    const context = this.ensureContext();
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const buffer = await context.decodeAudioData(bytes.buffer);
    if (mine !== this.generation) return;
    if (context.state === 'suspended') await context.resume().catch(() => undefined);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.gain!);
    this.source = source;
    await new Promise<void>((resolve) => {
      source.onended = () => resolve();
      source.start();
    });
    if (this.source === source) this.source = null;
  }

  stop(): void {
    this.generation++;
    this.stopSource();
  }

  private stopSource() {
    try {
      this.source?.stop();
    } catch {
      // already ended
    }
    this.source = null;
  }

  private ensureContext(): AudioContext {
    if (!this.context) {
      this.context = new AudioContext();
      this.gain = this.context.createGain();
      this.gain.gain.value = this.volume;
      this.gain.connect(this.context.destination);
    }
    return this.context;
  }
}

import type { KioskConfig } from '../config/schema.js';
import { CommandEngine } from './command-engine.js';
import type { SpeechEngine } from './engine.js';
import { espeakEngine } from './espeak-engine.js';

/** The engine the configuration names: espeak-ng by default, or the deployer's vendor command. */
export function createSpeechEngine(config: KioskConfig['speech']): SpeechEngine {
  if (config.engine === 'command' && config.command)
    return new CommandEngine('command', config.command.path, config.command.args, config.command.voices);
  return espeakEngine();
}

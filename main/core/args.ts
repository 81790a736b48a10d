/** Command-line flags shared by the launcher and both runtimes. */
export interface KioskArgs {
  config?: string;
  dataDir?: string;
  headless: boolean;
  dev: boolean;
  noEmulators: boolean;
}

export function parseKioskArgs(argv: string[]): KioskArgs {
  const args: KioskArgs = { headless: false, dev: false, noEmulators: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--headless') args.headless = true;
    else if (a === '--dev') args.dev = true;
    else if (a === '--no-emulators') args.noEmulators = true;
    else if (a === '--config') args.config = argv[++i];
    else if (a?.startsWith('--config=')) args.config = a.slice(9);
    else if (a === '--data-dir') args.dataDir = argv[++i];
    else if (a?.startsWith('--data-dir=')) args.dataDir = a.slice(11);
  }
  return args;
}

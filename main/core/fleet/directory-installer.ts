import { execFile } from 'node:child_process';
import { mkdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Installer } from './updater.js';

const run = promisify(execFile);

/**
 * Side-by-side installs in one directory: `versions/<v>/` holds each unpacked release (a .tar.gz), `current`
 * is a symlink the launcher starts from, switched atomically (new link + rename), `previous` names the one
 * before. The old version stays installed until the next update replaces it, so a rollback is one rename.
 */
export class DirectoryInstaller implements Installer {
  constructor(
    private readonly root: string,
    private readonly running: string,
  ) {}

  current(): string {
    return this.running;
  }

  async previous(): Promise<string | null> {
    try {
      return (await readFile(path.join(this.root, 'previous'), 'utf8')).trim() || null;
    } catch {
      return null;
    }
  }

  async activeVersion(): Promise<string | null> {
    try {
      return path.basename(await readlink(path.join(this.root, 'current')));
    } catch {
      return null;
    }
  }

  async install(version: string, packageFile: string): Promise<void> {
    if (!/^[\w.-]+$/.test(version)) throw new Error(`bad version name ${version}`);
    const dir = path.join(this.root, 'versions', version);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await run('tar', ['-xzf', packageFile, '-C', dir]);
  }

  async activate(version: string): Promise<void> {
    const active = (await this.activeVersion()) ?? this.running;
    const tmp = path.join(this.root, `current.${process.pid}.tmp`);
    await rm(tmp, { force: true });
    await symlink(path.join('versions', version), tmp);
    await rename(tmp, path.join(this.root, 'current'));
    if (active !== version) await writeFile(path.join(this.root, 'previous'), active);
  }
}

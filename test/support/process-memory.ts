import { closeSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';

/**
 * Counts byte patterns in another process's memory through /proc/<pid>/maps and /proc/<pid>/mem (Linux; needs
 * ptrace rights over the process: root, or the same user with ptrace_scope 0). Every readable mapping is read,
 * heap, stacks and the file-backed ones alike; a region the kernel refuses is skipped.
 */
export function countInMemory(
  pid: number,
  needles: Record<string, Buffer>,
  /** Told where each match is (mapping line and address), to say what is left and where. */
  onMatch: (name: string, mapping: string, address: bigint) => void = () => undefined,
): Record<string, number> {
  const counts = Object.fromEntries(Object.keys(needles).map((k) => [k, 0])) as Record<string, number>;
  const longest = Math.max(...Object.values(needles).map((b) => b.length));
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  const chunkSize = 8 * 1024 * 1024;
  const chunk = Buffer.alloc(chunkSize + longest);
  try {
    for (const line of readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n')) {
      const m = /^([0-9a-f]+)-([0-9a-f]+) (r)\S* \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (!m || m[4] === '[vvar]' || m[4] === '[vsyscall]' || m[4] === '[vvar_vclock]') continue;
      const start = BigInt(`0x${m[1]}`);
      const end = BigInt(`0x${m[2]}`);
      let carry = 0;
      for (let at = start; at < end; at += BigInt(chunkSize)) {
        const want = Number(end - at < BigInt(chunkSize) ? end - at : BigInt(chunkSize));
        let got: number;
        try {
          got = readSync(fd, chunk, carry, want, at as unknown as number);
        } catch {
          break;
        }
        const view = chunk.subarray(0, carry + got);
        for (const [name, needle] of Object.entries(needles)) {
          // a match across the chunk boundary is counted once: matches starting in the carried tail were counted before
          for (let i = view.indexOf(needle); i !== -1; i = view.indexOf(needle, i + 1))
            if (i + needle.length > carry) {
              counts[name]!++;
              onMatch(name, line, at - BigInt(carry) + BigInt(i));
            }
        }
        carry = Math.min(longest - 1, view.length);
        view.copy(chunk, 0, view.length - carry);
      }
    }
  } finally {
    closeSync(fd);
  }
  return counts;
}

/** Every descendant pid of a process, from /proc/<pid>/task/<tid>/children. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const t of tasks) {
      let kids: string[] = [];
      try {
        kids = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      } catch {
        continue;
      }
      for (const k of kids) {
        out.push(Number(k));
        visit(Number(k));
      }
    }
  };
  visit(pid);
  return out;
}

export const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};

import type { z } from 'zod';

export interface ConfigProblem {
  field: string;
  message: string;
}

/** Levenshtein distance, small strings only (config keys). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** "unknown field — did you mean "timeouts"?" for a near miss (case or a letter or two), else the fields allowed here. */
export function unknownFieldMessage(key: string, known: readonly string[], where = ''): string {
  const near = known
    .map((k) => ({ k, d: k.toLowerCase() === key.toLowerCase() ? 0 : distance(k, key) }))
    .filter((x) => x.d <= Math.max(1, Math.min(2, Math.floor(key.length / 4))))
    .sort((x, y) => x.d - y.d)[0];
  if (near) return `unknown field${where} — did you mean "${near.k}"?`;
  return `unknown field${where}; allowed here: ${known.join(', ') || 'none'}`;
}

const shapeKeys = (inst: unknown): string[] => Object.keys((inst as { shape?: object } | undefined)?.shape ?? {});

/**
 * Error map for every config parse: an unknown key becomes one line per key (joined by newlines, split again by
 * `describeIssue`) that says which known field was probably meant.
 */
export function configErrorMap(extraKnown: readonly string[] = [], where = ''): z.core.$ZodErrorMap {
  return (iss) => {
    if (iss.code !== 'unrecognized_keys') return undefined;
    const known = [...extraKnown, ...shapeKeys(iss.inst)];
    return iss.keys.map((k) => unknownFieldMessage(k, known, where)).join('\n');
  };
}

const fieldOf = (path: readonly PropertyKey[]): string =>
  path.length
    ? path
        .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
        .join('.')
        .replace(/\.\[/g, '[')
    : '(top level)';

/** One problem per field, named the way the config file spells it (`devices[0].transport.type`). */
export function describeIssue(issue: z.core.$ZodIssue): ConfigProblem[] {
  if (issue.code === 'unrecognized_keys') {
    const lines = issue.message.split('\n');
    return issue.keys.map((k, i) => ({ field: fieldOf([...issue.path, k]), message: lines[i] ?? 'unknown field' }));
  }
  return [{ field: fieldOf(issue.path), message: issue.message }];
}

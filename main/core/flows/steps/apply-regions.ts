import { createRequire } from 'node:module';

/**
 * GB/T 2260 regions (province → city → district) from the china-area-data package: parent code → { code: name },
 * with "86" holding the provinces. Used to check a region field's code and to write its name on the review.
 */
type Tree = Record<string, Record<string, string>>;
let tree: Tree | null = null;
const load = (): Tree => (tree ??= createRequire(import.meta.url)('china-area-data/data.json') as Tree);

const parentsOf = (code: string): string[] => [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`];

/** The region's full name (上海市 静安区), or null for a code that is not a district (or city without districts). */
export function regionName(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return null;
  const t = load();
  // a code with districts under it is not chosen yet (towns' 9-digit codes, as under 东莞市, are not GB/T 2260)
  if (Object.keys(t[code] ?? {}).some((c) => c.length === 6)) return null;
  const [province, city] = parentsOf(code) as [string, string];
  const provinceName = t['86']?.[province];
  if (!provinceName) return null;
  const leaf = t[city]?.[code] ?? t[province]?.[code];
  if (!leaf) return null;
  const cityName = t[province]?.[city];
  const middle = cityName && cityName !== '市辖区' && cityName !== '县' && city !== code ? cityName : null;
  return [provinceName, middle, leaf].filter(Boolean).join(' ');
}

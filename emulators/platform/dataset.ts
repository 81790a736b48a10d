import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { regionData, toPlatformMatter, type PlatformMatter, type RealRecord } from './generate.js';
import { districts } from './rules.js';
import { loadTranslations, withTranslations } from './translations.js';

const dataFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'matters-real.json');

/** The real records, with the Shanghai terminal's duplicate entries (same name listed twice) merged. */
export function loadRealRecords(file = dataFile): RealRecord[] {
  const records = JSON.parse(readFileSync(file, 'utf8')) as RealRecord[];
  const seen = new Set<string>();
  return records.filter((r) => {
    if (!r.id.startsWith('sh-')) return true;
    if (seen.has(r.name)) return false;
    seen.add(r.name);
    return true;
  });
}

/**
 * The emulator's catalog: every real record as a platform matter, and with `scale` > 1 each matter implemented
 * again by `scale - 1` further districts (new id, agency, region and implementation code; same name), as real
 * city catalogs list one matter per implementing agency.
 */
export function buildCatalog(scale = 1, records = loadRealRecords()): PlatformMatter[] {
  const translations = loadTranslations();
  const base = records.map((r) => withTranslations(toPlatformMatter(r), translations));
  if (scale <= 1) return base;
  const out: PlatformMatter[] = [...base];
  for (let k = 1; k < scale; k++) {
    const district = districts[k % districts.length]!;
    for (const m of base) {
      out.push({
        ...m,
        id: `${m.id}~${k}`,
        agency: `${district}${String(m.agency).replace(/^区|^市/, '')}`,
        region: district,
        regionCode: regionData.scaledDistricts[district] ?? null,
        implementationCode: m.implementationCode ? `${m.implementationCode}~${k}` : null,
        popularity: Math.max(0, m.popularity - (k % 7)),
        synthetic: [...(m.synthetic as string[]), 'scaled'],
        // another district's agency: the publisher's translation (naming the first agency) does not apply
        translations: undefined,
      });
    }
  }
  return out;
}

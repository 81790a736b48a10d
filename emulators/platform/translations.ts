import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlatformMatter } from './generate.js';

type Texts = Record<string, string>;
interface TranslationData {
  agencies: Record<string, Texts>;
  phrases: Record<string, Texts>;
  matters: Record<string, Record<string, { name: string; resultName?: string }>>;
}

const dataFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'translations.json');

export function loadTranslations(file = dataFile): TranslationData {
  return JSON.parse(readFileSync(file, 'utf8')) as TranslationData;
}

interface GuideTexts {
  agency: string;
  conditions: string[];
  materials: { name: string; notes: string | null }[];
  process: string[];
  timeLimit: { note: string | null };
  result: { name: string | null };
}

/**
 * The matter with `translations` (OpenAPI `Matter.translations`) for each language `data/translations.json` gives
 * its name in, as a publisher provides them. A language is left out when any condition, material, material note or
 * process step has no phrase in it (or there is a time limit note): a guide is translated whole or not at all.
 */
export function withTranslations(matter: PlatformMatter, data: TranslationData): PlatformMatter {
  const byLanguage = data.matters[matter.id];
  if (!byLanguage) return matter;
  const g = matter as unknown as GuideTexts;
  const translations: Record<string, unknown> = {};
  for (const [lang, own] of Object.entries(byLanguage)) {
    const phrase = (zh: string) => data.phrases[zh]?.[lang];
    const conditions = g.conditions.map(phrase);
    const materials = g.materials.map((m) => phrase(m.name));
    const materialNotes = g.materials.map((m) => (m.notes === null ? null : phrase(m.notes)));
    const process = g.process.map(phrase);
    if ([...conditions, ...materials, ...materialNotes, ...process].some((t) => t === undefined) || g.timeLimit.note !== null) continue;
    translations[lang] = {
      name: own.name,
      agency: data.agencies[g.agency]?.[lang] ?? null,
      conditions,
      materials,
      materialNotes,
      process,
      timeLimitNote: null,
      resultName: g.result.name !== null ? (own.resultName ?? null) : null,
    };
  }
  return Object.keys(translations).length > 0 ? { ...matter, translations } : matter;
}

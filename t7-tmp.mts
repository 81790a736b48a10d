import { readFileSync } from 'node:fs';
import { buildCatalog } from './emulators/platform/dataset.js';
import { SearchIndex } from './main/core/catalog/search/search-index.js';
const all = buildCatalog(1);
const idx = new SearchIndex(all.map((m: any) => ({ id: m.id, name: m.name, aliases: m.aliases, popularity: m.popularity, terminal: !!m.channels.terminal })));
const f = JSON.parse(readFileSync('test/fixtures/search-queries.json', 'utf8'));
let hit = 0;
for (const q of f.queries) { const r = idx.search(q.query, 3); if (r.some((h) => h.name === q.expected)) hit++; else console.log('MISS', q.kind, q.query, '→', r.map((h) => `${h.name}[${h.kind}]`).join(' | ')); }
console.log(hit, '/', f.queries.length);

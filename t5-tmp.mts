import { readFileSync } from 'node:fs';
import { buildCatalog } from './emulators/platform/dataset.js';
import { SearchIndex } from './main/core/catalog/search/search-index.js';
const all = buildCatalog(8);
const idx: any = new SearchIndex(all.map((m: any) => ({ id: m.id, name: m.name, aliases: m.aliases, popularity: m.popularity, terminal: !!m.channels.terminal })));
const f = JSON.parse(readFileSync('test/fixtures/search-queries.json', 'utf8'));
const ks: string[] = f.queries.flatMap((q: any) => [...q.query].map((_: any, i: number) => [...q.query].slice(0, i + 1).join('')));
for (let r = 0; r < 5; r++) for (const q of ks) idx.search(q);
const times: number[] = [];
for (let r = 0; r < 5; r++) for (const q of ks) { const t = performance.now(); idx.search(q); times.push(performance.now() - t); }
times.sort((a, b) => a - b);
console.log('p50', times[Math.floor(times.length*0.5)].toFixed(3), 'p95', times[Math.floor(times.length*0.95)].toFixed(3), 'max', times[times.length-1].toFixed(2));
idx.previous = null;
const single = (q: string) => { idx.previous = null; const t = performance.now(); for (let i=0;i<200;i++) { idx.previous=null; idx.search(q);} return (performance.now()-t)/200; };
for (const q of ['j','h','s','jia','shi','huji','个人独资企业设立','canjirenzh']) console.log(q, single(q).toFixed(3));

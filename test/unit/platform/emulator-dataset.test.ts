import { describe, expect, it } from 'vitest';
import { buildCatalog, loadRealRecords } from '../../../emulators/platform/dataset.js';
import { MatterSchema } from '../../../main/core/platform/schemas.js';

describe('platform emulator dataset', () => {
  const real = loadRealRecords();
  const catalog = buildCatalog(1);

  it('every generated matter is valid per the API schema', () => {
    const bad = catalog.map((m) => MatterSchema.safeParse(m)).filter((r) => !r.success);
    expect(bad.map((r) => r.error!.issues[0])).toEqual([]);
  });

  it('keeps the real names, departments and codes, and marks what it generated', () => {
    expect(catalog).toHaveLength(real.length);
    for (const [i, r] of real.entries()) {
      const m = catalog[i]!;
      expect(m.name).toBe(r.name.trim());
      expect(m.department).toBe(r.department);
      if (r.code) expect([m.basicCode, m.implementationCode, m.localCode]).toContain(r.code);
      if (!r.materials) expect(m.synthetic).toContain('materials');
      if (!r.timeLimit) expect(m.synthetic).toContain('timeLimit');
    }
    // a record with a real guide keeps its materials
    const jinan = catalog.find((m) => m.id === 'sd-jn-huaiyin-1544')!;
    expect((jinan.materials as { name: string }[]).map((x) => x.name)).toEqual(['身份证原件、复印件', '户口本原件、复印件']);
    expect(jinan.synthetic).not.toContain('materials');
  });

  it('only matters seen on a real terminal are offered at this terminal', () => {
    for (const [i, r] of real.entries())
      expect(catalog[i]!.channels).toMatchObject({ terminal: r.selfServiceKiosk ? expect.anything() : null });
  });

  it('is the same on every run (seeded), and scales by implementing agencies', () => {
    expect(JSON.stringify(buildCatalog(1))).toBe(JSON.stringify(catalog));
    const scaled = buildCatalog(3);
    expect(scaled).toHaveLength(catalog.length * 3);
    expect(new Set(scaled.map((m) => m.id)).size).toBe(scaled.length);
    expect(new Set(scaled.map((m) => m.name)).size).toBe(new Set(catalog.map((m) => m.name)).size);
  });
});

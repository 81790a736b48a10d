/**
 * Regions are GB/T 2260 administrative division codes: 6 digits (`310106` 上海市静安区) or the 12-digit
 * statistical form (`511602000000`), whose first 6 digits are the same code. `31` is the province, `3101` the
 * city, `310106` the district; a level not used is `00` (`310000` is 上海市 itself).
 */
export function regionCode6(code: string | null | undefined): string | null {
  if (!code || !/^\d{6}(\d{6})?$/.test(code)) return null;
  return code.slice(0, 6);
}

/**
 * Does a matter implemented in `matterRegion` serve a terminal in `terminalRegion`? Yes when the matter's region
 * contains the terminal (a city-level matter serves every district of the city) or lies in the same city (another
 * district's hall is still the resident's city); a matter with no known region is not ruled out; a terminal with no
 * region configured treats every matter as local.
 */
export function isLocal(matterRegion: string | null | undefined, terminalRegion: string | null | undefined): boolean {
  const t = regionCode6(terminalRegion);
  const m = regionCode6(matterRegion);
  if (!t || !m) return true;
  const prefix = m.endsWith('0000') ? m.slice(0, 2) : m.endsWith('00') ? m.slice(0, 4) : m;
  if (t.startsWith(prefix)) return true;
  return m.slice(0, 4) === t.slice(0, 4);
}

/**
 * GB/T 2260 administrative divisions: provinces, prefectures (city level) and counties, 6-digit codes
 * with their Chinese names. The table (tables/gb2260.json, see tables/README.md) is the NBS
 * 统计用区划代码 of 2023-06-30 plus 台湾省, 香港 and 澳门 added by hand. The level follows from the
 * code: xx0000 is a province, xxxx00 a city, anything else a county.
 *
 * It is the statistical table, so municipalities have city rows named 市辖区 (110100) or 县 (500200),
 * provinces have a 省直辖县级行政区划 row (429000) for the county-level cities they govern directly,
 * and the 7x county codes (320571 苏州工业园区) are development zones. regionFullName leaves the
 * placeholder names out.
 */
import table from './tables/gb2260.json' with { type: 'json' };

export type RegionLevel = 'province' | 'city' | 'county';

export type RegionCheck = { ok: true; code: string } | { ok: false; reason: string };

/** The date of the NBS table. */
export const REGIONS_AS_OF: string = table.asOf;

const NAMES = new Map<string, string>();
for (const [code, name] of [...table.regions, ...table.addedByHand.regions] as [string, string][]) {
  NAMES.set(code, name);
}
const CODES: readonly string[] = [...NAMES.keys()].sort();

/** City-level rows that stand for no city of their own. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function levelOf(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** True for a 6-digit code in the table. */
export function isRegionCode(code: string): boolean {
  return NAMES.has(code);
}

/** The name as the table has it ("滨湖区", and "市辖区" for 110100); undefined for an unknown code. */
export function regionName(code: string): string | undefined {
  return NAMES.get(code);
}

export function regionLevel(code: string): RegionLevel | undefined {
  return NAMES.has(code) ? levelOf(code) : undefined;
}

/**
 * The codes above a region, province first: [province, city] for a county, [province] for a city,
 * [] for a province or an unknown code.
 */
export function parentRegions(code: string): string[] {
  const level = regionLevel(code);
  if (level === undefined || level === 'province') return [];
  const parents = [code.slice(0, 2) + '0000'];
  if (level === 'county') parents.push(code.slice(0, 4) + '00');
  return parents.filter((p) => NAMES.has(p));
}

/** The number of leading digits that regions within `code` share with it. */
function scopeDigits(level: RegionLevel): number {
  return level === 'province' ? 2 : level === 'city' ? 4 : 6;
}

/**
 * The region itself and every region within it, in code order: for 320200 无锡市, 320200 and its
 * counties 320205 … 320282. A county gives just itself, an unknown code [].
 */
export function regionsUnder(code: string): string[] {
  const level = regionLevel(code);
  if (level === undefined) return [];
  const prefix = code.slice(0, scopeDigits(level));
  return CODES.filter((c) => c.startsWith(prefix));
}

/** True when `code` is `scope` or lies within it (a reviewer bound to `scope` may see it). */
export function isWithinRegion(code: string, scope: string): boolean {
  const level = regionLevel(scope);
  if (level === undefined || !NAMES.has(code)) return false;
  const n = scopeDigits(level);
  return code.slice(0, n) === scope.slice(0, n);
}

/**
 * The name with its province and city, for display: 江苏省无锡市滨湖区, 北京市东城区, 河南省济源市.
 * Placeholder city rows (市辖区, 县, 省直辖县级行政区划) are left out.
 */
export function regionFullName(code: string): string | undefined {
  const name = NAMES.get(code);
  if (name === undefined) return undefined;
  const parts: string[] = [];
  for (const p of parentRegions(code)) {
    const n = NAMES.get(p)!;
    if (!PLACEHOLDERS.has(n)) parts.push(n);
  }
  if (!PLACEHOLDERS.has(name) && name !== parts[parts.length - 1]) parts.push(name);
  return parts.join('');
}

/** Checks a code as written (spaces trimmed; a number from a spreadsheet cell is accepted). */
export function checkRegionCode(raw: string | number): RegionCheck {
  const code = String(raw).trim();
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: `must be 6 digits, not "${code}"` };
  if (!NAMES.has(code)) return { ok: false, reason: `${code} is not a GB/T 2260 code (table of ${REGIONS_AS_OF})` };
  return { ok: true, code };
}

/** The whole country, for a national-level reviewer. */
export const NATIONAL = '000000';

/**
 * The leading digits every code within `scope` shares ("3202" for 无锡市), for prefix queries;
 * "" for the whole country; undefined for a code not in the table.
 */
export function regionPrefix(scope: string): string | undefined {
  if (scope === NATIONAL) return '';
  const level = regionLevel(scope);
  return level === undefined ? undefined : scope.slice(0, scopeDigits(level));
}

/**
 * Longest-prefix matching of codes ("C3562", "320211") against a table's keys ("C", "35", "591").
 * A digit key also matches the digits after a section letter, and counts one longer than it is,
 * so "3562" beats "C". Matchers are built once per table; results are cached per code, since a
 * region's firms share few distinct codes.
 */

const CACHE_LIMIT = 50_000;

const isDigit = (ch: number) => ch >= 48 && ch <= 57;
const isLetter = (ch: number) => ch >= 65 && ch <= 90;

export function prefixMatcher<T>(table: Readonly<Record<string, T>>): (code: string) => T | undefined {
  const entries = Object.entries(table)
    .map(([key, value]) => ({
      key,
      value,
      digits: isDigit(key.charCodeAt(0)),
      rank: key.length + (isDigit(key.charCodeAt(0)) ? 1 : 0),
    }))
    .sort((a, b) => b.rank - a.rank);
  const cache = new Map<string, T | undefined>();
  const scan = (code: string): T | undefined => {
    const lettered = isLetter(code.charCodeAt(0));
    for (const e of entries) {
      if (code.startsWith(e.key) || (e.digits && lettered && code.startsWith(e.key, 1))) return e.value;
    }
    return undefined;
  };
  return (code) => {
    if (cache.has(code)) return cache.get(code);
    const v = scan(code);
    if (cache.size < CACHE_LIMIT) cache.set(code, v);
    return v;
  };
}

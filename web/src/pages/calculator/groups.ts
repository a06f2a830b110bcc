/**
 * The calculator's questions: which group a fact path belongs to, which facts of a profile are
 * answered, and the order they are asked in (the catalog's order, latest year first).
 */
import type { FactCatalog, Profile } from '../../components/evaluation/index.ts';

export const GROUPS = ['basic', 'yearly', 'ip', 'honors', 'compliance'] as const;
export type Group = (typeof GROUPS)[number];

/** The lists asked in each list group. */
export const LIST_GROUPS: Record<'ip' | 'honors', string[]> = {
  ip: ['ip'],
  honors: ['honors', 'awards', 'rdInstitutions', 'standards', 'equityFinancing'],
};

export function groupOf(path: string): Group {
  if (path.startsWith('years.')) return 'yearly';
  if (path.startsWith('compliance.')) return 'compliance';
  const list = /^(\w+)\[\d+\]/.exec(path)?.[1];
  if (list) return LIST_GROUPS.ip.includes(list) ? 'ip' : 'honors';
  return 'basic';
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Paths of the scalar and yearly facts a profile answers (lists and flags are handled apart). */
export function answeredPaths(profile: Profile, catalog: FactCatalog): string[] {
  const out: string[] = [];
  for (const k of Object.keys(catalog.scalars)) if (present(profile[k])) out.push(k);
  for (const [y, row] of Object.entries(profile.years ?? {}))
    for (const k of Object.keys(row)) if (present(row[k]) && catalog.yearly[k]) out.push(`years.${y}.${k}`);
  return out;
}

/** Sort key in the catalog's order: scalars as listed, years latest first, then the field. */
export function pathOrder(catalog: FactCatalog) {
  const scalars = Object.keys(catalog.scalars);
  const yearly = Object.keys(catalog.yearly);
  return (path: string): [number, number] => {
    const y = /^years\.(\d{4})\.(\w+)$/.exec(path);
    if (y) return [-Number(y[1]), yearly.indexOf(y[2]!)];
    const i = scalars.indexOf(path);
    return [0, i < 0 ? 999 : i];
  };
}

export function sortPaths(paths: Iterable<string>, catalog: FactCatalog): string[] {
  const key = pathOrder(catalog);
  return [...new Set(paths)].sort((a, b) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return a1 - b1 || a2 - b2;
  });
}

/** What the calculator keeps across a reload (sessionStorage): the answers and where the user is. */
export interface Saved {
  policies: string[];
  profile: Profile;
  asOf: string | null;
  step: number;
}

const KEY = 'huiqi.calculator.v1';

export function loadSaved(): Saved {
  const empty: Saved = { policies: [], profile: {}, asOf: null, step: 0 };
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return empty;
    const v = JSON.parse(raw) as Partial<Saved>;
    return {
      policies: Array.isArray(v.policies) ? v.policies.filter((p): p is string => typeof p === 'string') : [],
      profile: v.profile && typeof v.profile === 'object' ? v.profile : {},
      asOf: typeof v.asOf === 'string' ? v.asOf : null,
      step: typeof v.step === 'number' ? v.step : 0,
    };
  } catch {
    return empty;
  }
}

export function save(s: Saved): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage full or disabled: the answers live only in this page.
  }
}

export function clearSaved(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}

/**
 * Which facts a decision may take from which sources. A policy that moves money or grants a title
 * names the least trusted tier it accepts, for all facts and per fact; the facts below it are
 * withheld, so the engine sees them as not known and says what waits for a reviewer.
 */
import { catalog } from './catalog.ts';
import type { Profile } from './profile.ts';
import { sourceRank, trustOf, trustRank, type FactSource, type Trust } from './sources.ts';

/** The source of each fact path that stands in a profile (`years.2025.revenue`, `honors`, `compliance.x`). */
export type FactSources = Readonly<Record<string, FactSource>>;

/** Whether a fact stands on more than the firm's own word: what may grant a title or pay. */
export function onRecord(sources: FactSources, path: string): boolean {
  const source = sources[path];
  return source !== undefined && trustOf(source) !== 'declared';
}

export interface TrustRule {
  /** The least trusted tier taken for any fact. */
  default: Trust;
  /** By fact name: a scalar (`regionCode`), a yearly fact (`revenue`), a list (`honors`) or `compliance`. */
  facts: Readonly<Record<string, Trust>>;
  /** The facts the decision reads, by name: no other can change it, so none other is withheld (null: all). */
  reads?: ReadonlySet<string> | null;
}

/** Everything counts, whoever said it: classifications, scores, the firm's own calculator. */
export const TAKE_ALL: TrustRule = { default: 'declared', facts: {} };

export interface Withheld {
  /** The profile with the facts below the rule left out. */
  profile: Profile;
  /** The fact paths left out, sorted. */
  withheld: string[];
}

/**
 * The profile a rule lets a decision see. A fact of unknown source counts as the firm's own word;
 * a fact the decision does not read, or a flag saying what its absence says, is never withheld.
 * Screening runs this for every firm, so it builds a new profile only when something is withheld.
 */
export function withhold(profile: Profile, sources: FactSources, rule: TrustRule): Withheld {
  if (rule.default === 'declared' && Object.keys(rule.facts).length === 0) return { profile, withheld: [] };
  const withheld = withheldPaths(profile, sources, rule);
  if (withheld.length === 0) return { profile, withheld };
  const dropped = new Set(withheld);
  return { profile: keepFacts(profile, (path) => !dropped.has(path)), withheld };
}

function withheldPaths(profile: Profile, sources: FactSources, rule: TrustRule): string[] {
  const out: string[] = [];
  const read = (name: string) => !rule.reads || rule.reads.has(name);
  const check = (name: string, path: string) => {
    const source = sources[path];
    if ((source === undefined ? 0 : sourceRank(source)) < trustRank(rule.facts[name] ?? rule.default)) out.push(path);
  };
  for (const key in profile) {
    const value = profile[key];
    if (value === undefined || value === null || key === 'uscc') continue;
    if (key === 'years') {
      const years = value as Record<string, Record<string, unknown>>;
      for (const y in years)
        for (const fact in years[y]) {
          const v = years[y]![fact];
          if (v !== undefined && v !== null && read(fact)) check(fact, `years.${y}.${fact}`);
        }
    } else if (key === 'compliance') {
      if (!read('compliance')) continue;
      const flags = value as Record<string, unknown>;
      for (const flag in flags) {
        const v = flags[flag];
        if (v !== undefined && v !== null && v !== catalog.compliance[flag]?.absentAs)
          check('compliance', `compliance.${flag}`);
      }
    } else if (read(key)) check(key, key);
  }
  return out.sort();
}

/** The profile without one fact. */
export const without = (profile: Profile, path: string): Profile => keepFacts(profile, (p) => p !== path);

/** The facts of a profile a test lets through, by fact path. */
function keepFacts(profile: Profile, keep: (path: string) => boolean): Profile {
  /** The facts of one record (a year's, the compliance flags) let through; undefined if none. */
  const pick = (record: Record<string, unknown>, pathOf: (fact: string) => string) => {
    const kept = Object.entries(record).filter(([f, v]) => v !== undefined && v !== null && keep(pathOf(f)));
    return kept.length ? Object.fromEntries(kept) : undefined;
  };
  const out: Profile = {};
  for (const [key, value] of Object.entries(profile)) {
    if (value === undefined || value === null) continue;
    if (key === 'uscc') out.uscc = value as string;
    else if (key === 'years') {
      const years = Object.entries(value as Record<string, Record<string, unknown>>).flatMap(([y, record]) => {
        const kept = pick(record, (f) => `years.${y}.${f}`);
        return kept ? [[y, kept] as const] : [];
      });
      if (years.length) out.years = Object.fromEntries(years) as Profile['years'];
    } else if (key === 'compliance') {
      const kept = pick(value as Record<string, unknown>, (f) => `compliance.${f}`);
      if (kept) out.compliance = kept as Profile['compliance'];
    } else if (keep(key)) out[key] = value;
  }
  return out;
}

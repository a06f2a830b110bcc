/**
 * Which facts a decision may take from which sources. A policy that moves money or grants a title
 * names the least trusted tier it accepts, for all facts and per fact; the facts below it are
 * withheld, so the engine sees them as not known and says what waits for a reviewer.
 */
import { catalog } from './catalog.ts';
import type { Profile } from './profile.ts';
import { sourceRank, trustRank, type FactSource, type Trust } from './sources.ts';

/** The source of each fact path that stands in a profile (`years.2025.revenue`, `honors`, `compliance.x`). */
export type FactSources = Readonly<Record<string, FactSource>>;

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

/** The name a rule speaks of for a fact path. */
export function factName(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'years' && parts.length === 3) return parts[2]!;
  if (parts[0] === 'compliance') return 'compliance';
  return parts[0]!;
}

export interface Withheld {
  /** The profile with the facts below the rule left out. */
  profile: Profile;
  /** The fact paths left out, sorted. */
  withheld: string[];
}

/**
 * The profile a rule lets a decision see. A fact of unknown source counts as the firm's own word;
 * a fact the decision does not read, or a flag saying what its absence says, is never withheld.
 */
export function withhold(profile: Profile, sources: FactSources, rule: TrustRule): Withheld {
  if (rule.default === 'declared' && Object.keys(rule.facts).length === 0) return { profile, withheld: [] };
  const withheld: string[] = [];
  const kept = keepFacts(profile, (path, value) => {
    const name = factName(path);
    if ((rule.reads && !rule.reads.has(name)) || value === absentValue(path)) return true;
    const needed = trustRank(rule.facts[name] ?? rule.default);
    const source = sources[path];
    const short = (source === undefined ? 0 : sourceRank(source)) < needed;
    if (short) withheld.push(path);
    return !short;
  });
  return { profile: kept, withheld: withheld.sort() };
}

/** The profile without one fact. */
export const without = (profile: Profile, path: string): Profile => keepFacts(profile, (p) => p !== path);

/** What a compliance flag's absence means (none declared), so declaring it says nothing more. */
const absentValue = (path: string) =>
  path.startsWith('compliance.') ? catalog.compliance[path.slice('compliance.'.length)]?.absentAs : undefined;

/** The facts of a profile a test lets through, by fact path. */
function keepFacts(profile: Profile, keep: (path: string, value: unknown) => boolean): Profile {
  /** The facts of one record (a year's, the compliance flags) let through; undefined if none. */
  const pick = (record: Record<string, unknown>, pathOf: (fact: string) => string) => {
    const kept = Object.entries(record).filter(([f, v]) => v !== undefined && v !== null && keep(pathOf(f), v));
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
    } else if (keep(key, value)) out[key] = value;
  }
  return out;
}

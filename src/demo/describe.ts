/**
 * What a demo population looks like to the policies: per policy, how many firms are qualified, not
 * qualified (and how many of those are near misses) or undetermined, and the outcomes (size classes,
 * levels). Used by the tests to keep the mix demo-worthy, and printed by the platform.
 */
import type { PolicySet } from '../rules/engine.ts';
import type { CriterionResult, Verdict } from '../rules/types.ts';
import type { Profile } from '../facts/profile.ts';

/**
 * A not-qualified firm is a near miss when a single unmet condition stands between it and
 * qualifying, and that condition is a threshold its value misses by at most this much (relative
 * to the larger of the two, as the engine measures gap effort): R&D at 2.4% against 3%, a score
 * of 55 against 60, three class-I IP items against four.
 */
export const NEAR_MISS = 0.25;

export interface PolicyMix {
  policy: string;
  title: string;
  edition: string;
  qualified: number;
  not_qualified: number;
  undetermined: number;
  /** Not qualified, one threshold away (see NEAR_MISS). */
  nearMiss: number;
  /** Firms per outcome (size class, level), for policies that have one; undecided outcomes as "?". */
  outcomes: Record<string, number>;
}

export interface DemoMix {
  asOf: string;
  total: number;
  policies: PolicyMix[];
}

/** How far an unmet threshold test is from its bound (0.1 = 10%), or null if it is no threshold. */
function shortfall(c: CriterionResult): number | null {
  const req = c.required;
  if (c.kind !== 'test' || c.status !== 'not_met' || !req) return null;
  if (typeof c.actual !== 'number' || typeof req.value !== 'number' || !['>=', '>', '<=', '<'].includes(req.op))
    return null;
  // A rank or a level one step off is no "small gap" (size rank 4 against at most 3 is a large firm).
  if (c.unit === 'rank' || c.unit === 'level') return null;
  const scale = Math.max(Math.abs(c.actual), Math.abs(req.value));
  return scale === 0 ? null : Math.abs(req.value - c.actual) / scale;
}

/**
 * The unmet tests on the cheapest way to qualify: all of an `all` group's, and those of the `any`
 * group's child that needs the fewest. Criteria come in pre-order with their depth.
 */
function unmetOnCheapestRoute(criteria: readonly CriterionResult[]): CriterionResult[] {
  let i = 0;
  const node = (): CriterionResult[] => {
    const c = criteria[i++]!;
    if (c.kind === 'test') return c.status === 'not_met' ? [c] : [];
    const kids: CriterionResult[][] = [];
    while (i < criteria.length && criteria[i]!.depth > c.depth) kids.push(node());
    if (c.kind === 'all') return kids.flat();
    return kids.reduce((best, k) => (k.length < best.length ? k : best), kids[0] ?? []);
  };
  const out: CriterionResult[] = [];
  while (i < criteria.length) out.push(...node());
  return out;
}

function isNearMiss(criteria: readonly CriterionResult[]): boolean {
  const unmet = unmetOnCheapestRoute(criteria);
  if (unmet.length !== 1) return false;
  const d = shortfall(unmet[0]!);
  return d !== null && d <= NEAR_MISS;
}

/** Evaluates every firm under every policy of the set (or those named) on `asOf`. */
export function describeDemo(
  enterprises: readonly { profile: Profile }[],
  set: PolicySet,
  asOf: string,
  opts: { policies?: readonly string[] } = {},
): DemoMix {
  const ids = opts.policies ?? set.ids();
  const policies = ids.map((id): PolicyMix => {
    const screener = set.screener(id, asOf);
    const counts: Record<Verdict, number> = { qualified: 0, not_qualified: 0, undetermined: 0 };
    const outcomes: Record<string, number> = {};
    let nearMiss = 0;
    const hasOutcome = screener.edition.outcome !== null;
    for (const { profile } of enterprises) {
      const q = screener.quick(profile);
      counts[q.verdict]++;
      if (hasOutcome) {
        const key = q.outcome === null ? '?' : String(q.outcome);
        outcomes[key] = (outcomes[key] ?? 0) + 1;
      }
      if (q.verdict === 'not_qualified' && isNearMiss(screener.explain(profile, { gaps: false }).criteria)) nearMiss++;
    }
    return {
      policy: id,
      title: set.loaded(id).doc.title.zh,
      edition: screener.edition.edition,
      ...counts,
      nearMiss,
      outcomes,
    };
  });
  return { asOf, total: enterprises.length, policies };
}

const pct = (n: number, total: number) => (total === 0 ? '0.0' : ((100 * n) / total).toFixed(1));

/** The mix as a plain-text table, one line per policy. */
export function formatDemoMix(mix: DemoMix): string {
  const head = `${mix.total} firms as of ${mix.asOf}`;
  const rows = mix.policies.map((p) => {
    const cell = (n: number) => `${String(n).padStart(5)} ${pct(n, mix.total).padStart(5)}%`;
    const outcomes = Object.entries(p.outcomes)
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    return (
      `${p.policy.padEnd(26)} qualified ${cell(p.qualified)}  not ${cell(p.not_qualified)}` +
      ` (near miss ${cell(p.nearMiss)})  undetermined ${cell(p.undetermined)}` +
      (outcomes ? `  [${outcomes}]` : '')
    );
  });
  return [head, ...rows].join('\n');
}

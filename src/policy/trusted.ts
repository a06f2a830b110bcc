/**
 * A decision that pays money or grants a title, taken on the facts its policy accepts. The firm's
 * own word may close a door on itself, but never open one: when the verdict it would reach on
 * everything differs from the one on the accepted facts alone, it waits for a reviewer (待核实),
 * naming the facts to verify.
 */
import { withhold, without, type FactSources, type TrustRule } from '../facts/trust.ts';
import type { Profile } from '../facts/profile.ts';
import type { PolicySet } from '../rules/engine.ts';
import type { Evaluation, ProfileInput, Verdict } from '../rules/types.ts';

interface Result {
  verdict: Verdict;
  outcome: string | number | null;
  missing?: string[];
}

export type Judged<R> = R & {
  /** Facts the verdict would rest on that are not from a source the policy accepts: they wait for a reviewer. */
  unverified: string[];
};

export function judge<R extends Result>(
  run: (profile: ProfileInput) => R,
  profile: Profile,
  sources: FactSources,
  rule: TrustRule,
): Judged<R> {
  const { profile: accepted, withheld } = withhold(profile, sources, rule);
  if (withheld.length === 0) return { ...run(profile), unverified: [] };
  const all = run(profile);
  const strict = run(accepted);
  // Its own word may close a door on the firm: that verdict stands, explained as it was reached.
  if (all.verdict === 'not_qualified' && strict.verdict !== 'not_qualified') return { ...all, unverified: [] };
  if (all.verdict !== 'qualified' || (strict.verdict === 'qualified' && strict.outcome === all.outcome))
    return { ...strict, unverified: [] };
  const decisive = decisiveFacts(run, profile, withheld, all);
  const unverified = decisive.length ? decisive : withheld;
  return {
    ...strict,
    verdict: 'undetermined',
    ...(strict.missing ? { missing: strict.missing.filter((m) => !unverified.includes(m)) } : {}),
    unverified,
  };
}

/** Of the facts named, those without which the result (verdict and outcome) no longer comes out the same. */
export function decisiveFacts<R extends Result>(
  run: (profile: ProfileInput) => R,
  profile: Profile,
  paths: readonly string[],
  result: R = run(profile),
): string[] {
  return paths.filter((path) => {
    const r = run(without(profile, path));
    return r.verdict !== result.verdict || r.outcome !== result.outcome;
  });
}

/** The full explanation of one firm against one policy, on the facts the policy accepts. */
export function judgeFirm(
  policies: PolicySet,
  policyId: string,
  asOf: string,
  profile: Profile,
  sources: FactSources,
  opts: { gaps?: boolean } = {},
): Judged<Evaluation> {
  const screener = policies.screener(policyId, asOf);
  return judge((f) => screener.explain(f, opts), profile, sources, screener.edition.trust);
}

/**
 * A decision that pays money or grants a title, taken on the facts its policy accepts. The firm's
 * own word may close a door on itself, but never open one: when the verdict it would reach on
 * everything differs from the one on the accepted facts alone, it waits for a reviewer (待核实),
 * naming the facts to verify.
 */
import { withhold, type FactSources, type TrustRule } from '../facts/trust.ts';
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
  if (all.verdict !== 'qualified') return { ...all, unverified: [] };
  const strict = run(accepted);
  if (strict.verdict === 'qualified' && strict.outcome === all.outcome) return { ...strict, unverified: [] };
  const missing = strict.missing ?? [];
  const decisive = withheld.filter((path) => missing.includes(path));
  const unverified = decisive.length ? decisive : withheld;
  return {
    ...strict,
    verdict: 'undetermined',
    ...(strict.missing ? { missing: missing.filter((m) => !unverified.includes(m)) } : {}),
    unverified,
  };
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

/**
 * The explain path: the same compiled nodes as the verdict path, read out criterion by criterion,
 * plus the facts still missing and, for a near miss, the gaps.
 */
import type { Ctx, Val } from './context.ts';
import type { CompiledCriterion, CompiledEdition } from './edition.ts';
import { findGaps } from './gaps.ts';
import type { CriterionResult, Evaluation, ProfileInput, ScoreResult, Status, Verdict } from './types.ts';

const status = (v: Val): Status => (v === true ? 'met' : v === false ? 'not_met' : 'unknown');
const plain = (v: Val): number | string | boolean | null => (v === undefined ? null : v);

export function criteriaResults(criteria: readonly CompiledCriterion[], ctx: Ctx): CriterionResult[] {
  const out: CriterionResult[] = [];
  const walk = (c: CompiledCriterion, depth: number) => {
    const lhs = c.actual ?? c.cmp?.lhs ?? null;
    out.push({
      id: c.id,
      title: c.title,
      kind: c.kind,
      depth,
      status: status(c.node.ev(ctx)),
      actual: lhs ? plain(lhs.ev(ctx)) : null,
      required: c.cmp ? { op: c.cmp.op, value: plain(c.cmp.rhs.ev(ctx)) } : null,
      unit: lhs?.unit ?? null,
      source: c.source,
      note: c.note,
    });
    for (const k of c.kids) walk(k, depth + 1);
  };
  for (const c of criteria) walk(c, 0);
  return out;
}

function scoreResult(e: CompiledEdition, ctx: Ctx): ScoreResult | null {
  const s = e.score;
  if (!s) return null;
  const num = (v: Val) => (typeof v === 'number' ? v : null);
  return {
    total: num(s.total.ev(ctx)),
    max: s.max,
    categories: s.categories.map((c) => ({ id: c.id, title: c.title, points: num(c.node.ev(ctx)), max: c.max })),
    items: s.items.map((i) => ({
      id: i.id,
      title: i.title,
      category: i.category,
      points: num(i.node.ev(ctx)),
      max: i.max,
      source: i.source,
    })),
  };
}

export function explain(
  e: CompiledEdition,
  profile: ProfileInput,
  asOf: string,
  ctx: Ctx,
  opts: { gaps: boolean },
): Evaluation {
  ctx.reset(profile, asOf);
  const v = e.checked.ev(ctx);
  const verdict: Verdict = v === true ? 'qualified' : v === false ? 'not_qualified' : 'undetermined';
  const o = e.outcome?.node.ev(ctx);
  const outcome = o === undefined || o === '' ? null : (o as string | number);
  const missing = new Set<string>();
  if (v === undefined) e.checked.miss(ctx, missing);
  if (e.outcome && outcome === null) e.outcome.node.miss(ctx, missing);
  const result: Evaluation = {
    policy: e.policyId,
    title: e.title,
    edition: e.edition,
    asOf,
    verdict,
    outcome,
    outcomeLabel: outcome === null ? null : (e.outcome?.labels[String(outcome)] ?? null),
    score: scoreResult(e, ctx),
    criteria: criteriaResults(e.criteria, ctx),
    missing: [...missing].sort(),
    unknownParameters: e.unknownParameters,
    gaps: [],
    policyHash: e.hash,
  };
  if (opts.gaps && verdict === 'not_qualified') result.gaps = findGaps(e, profile, asOf, ctx);
  return result;
}

/**
 * 政策沙盘: a reviewer changes parameters of a reward policy (a threshold, an amount, a cap) and
 * sees, over the region's real firms, how many become eligible or ineligible and how the total
 * changes, with the firms that move — before anything is published. Nothing is stored.
 */
import { and, asc, like, sql } from 'drizzle-orm';
import { enterprises } from '../enterprises/schema.ts';
import type { Profile } from '../facts/profile.ts';
import type { FactSources } from '../facts/trust.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { invalid } from '../platform/errors.ts';
import { withParameters } from '../policy/library.ts';
import { judge } from '../policy/trusted.ts';
import type { Quick } from '../rules/engine.ts';
import type { ParameterDoc } from '../rules/schema.ts';
import type { Verdict } from '../rules/types.ts';
import { deliveryScope, rewardEdition } from './rewards.ts';

/** Firms listed among those that move; the counts cover them all. */
export const MOVERS_SHOWN = 200;
const BATCH = 5000;

export interface SandboxInput {
  policyId: string;
  asOf?: string | undefined;
  region?: string | undefined;
  parameters: Record<string, number>;
}

interface Side {
  counts: Record<Verdict, number>;
  amount: number;
}

const emptySide = (): Side => ({ counts: { qualified: 0, not_qualified: 0, undetermined: 0 }, amount: 0 });
const paid = (q: Quick) => (q.verdict === 'qualified' && typeof q.outcome === 'number' ? q.outcome : 0);

export async function compareSandbox(p: Platform, actor: Actor, input: SandboxInput) {
  const asOf = input.asOf ?? p.today();
  const { edition, reward } = rewardEdition(p, input.policyId, asOf);
  const prefix = deliveryScope(actor, reward, input.region);
  const doc = p.policies.loaded(input.policyId).doc.editions.find((e) => e.edition === edition.edition)!;
  const overrides = new Map<string, ParameterDoc>();
  const changed: { name: string; ref: string; unit: string | null; from: number; to: number }[] = [];
  const errors: { field: string; message: string }[] = [];
  for (const [name, to] of Object.entries(input.parameters)) {
    const param = doc.parameters?.[name];
    const field = `parameters.${name}`;
    if (!param) errors.push({ field, message: `edition ${edition.edition} has no parameter ${name}` });
    else if (!('value' in param) || typeof param.value !== 'number')
      errors.push({ field, message: `${name} is not a single number; only numbers can be changed here` });
    else if (!Number.isFinite(to)) errors.push({ field, message: 'must be a number' });
    else {
      overrides.set(name, { ...param, value: to });
      changed.push({ name, ref: param.ref, unit: param.unit ?? null, from: param.value, to });
    }
  }
  if (errors.length) throw invalid(errors);
  const before = p.policies.screener(input.policyId, asOf);
  const after = withParameters(p.policies, input.policyId, overrides).screener(input.policyId, asOf);

  const sides = { before: emptySide(), after: emptySide() };
  const flows = new Map<string, number>();
  const movers: { uscc: string; name: string | null; before: Quick; after: Quick }[] = [];
  let moved = 0;
  let firms = 0;
  let cursor: string | null = null;
  for (;;) {
    const rows: { uscc: string; name: string | null; profile: unknown; sources: unknown }[] = await p.db
      .select({
        uscc: enterprises.uscc,
        name: enterprises.name,
        profile: enterprises.profile,
        sources: enterprises.sources,
      })
      .from(enterprises)
      .where(
        and(
          prefix ? like(enterprises.regionCode, `${prefix}%`) : undefined,
          cursor ? sql`${enterprises.uscc} > ${cursor}` : undefined,
        ),
      )
      .orderBy(asc(enterprises.uscc))
      .limit(BATCH);
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.uscc;
    for (const r of rows) {
      const profile = r.profile as Profile;
      const sources = r.sources as FactSources;
      // Counted as a screening counts them: on the facts the policy accepts.
      const b = judge(before.quick, profile, sources, before.edition.trust);
      const a = judge(after.quick, profile, sources, after.edition.trust);
      firms++;
      sides.before.counts[b.verdict]++;
      sides.after.counts[a.verdict]++;
      sides.before.amount += paid(b);
      sides.after.amount += paid(a);
      if (b.verdict !== a.verdict || paid(b) !== paid(a)) {
        moved++;
        const key = `${b.verdict}→${a.verdict}`;
        flows.set(key, (flows.get(key) ?? 0) + 1);
        if (movers.length < MOVERS_SHOWN) movers.push({ uscc: r.uscc, name: r.name, before: b, after: a });
      }
    }
  }
  await recordAudit(p.db, actor, {
    action: 'delivery.sandbox',
    regionCode: prefix.padEnd(6, '0'),
    detail: { policyId: input.policyId, asOf, parameters: input.parameters, firms, moved },
  });
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    policyId: input.policyId,
    edition: edition.edition,
    asOf,
    region: prefix.padEnd(6, '0'),
    firms,
    budget: reward.budget.value,
    parameters: changed,
    before: { ...sides.before, amount: round(sides.before.amount) },
    after: { ...sides.after, amount: round(sides.after.amount) },
    flows: [...flows].map(([k, n]) => {
      const [from, to] = k.split('→') as [Verdict, Verdict];
      return { from, to, firms: n };
    }),
    moved,
    movers: movers.map((m) => ({
      uscc: m.uscc,
      name: m.name,
      before: { verdict: m.before.verdict, amount: paid(m.before) },
      after: { verdict: m.after.verdict, amount: paid(m.after) },
    })),
  };
}

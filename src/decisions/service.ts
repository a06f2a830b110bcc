/**
 * Decision records: store an evaluation the platform acts on, read it back (the firm, reviewers of
 * its region, administrators), and replay it — the same input, as-of date and policy version —
 * to show the result is reproduced.
 */
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { parseProfile } from '../facts/profile.ts';
import { isOwnFirm, mayReadFirm, requireRole, type Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import { canonical } from '../platform/canonical.ts';
import type { Platform } from '../platform/context.ts';
import type { Db } from '../platform/database.ts';
import { notFound, visibleTo } from '../platform/errors.ts';
import { evaluationJson, type EvaluationJson } from '../policy/evaluation.ts';
import { withVersion } from '../policy/library.ts';
import { judgeFirm } from '../policy/trusted.ts';
import type { FactSources } from '../facts/trust.ts';
import type { PolicySet } from '../rules/engine.ts';
import { parsePolicy } from '../rules/load.ts';
import type { ProfileInput } from '../rules/types.ts';
import { decisions, policySources } from './schema.ts';

export interface NewDecision {
  uscc: string | null;
  regionCode: string | null;
  asOf: string;
  input: ProfileInput;
  /** Where each fact of the input came from, for a policy that takes facts by source. */
  sources?: FactSources;
  result: EvaluationJson;
  purpose: string;
  actor: string;
}

/** Policy versions already stored, per database, so each is written once. */
const stored = new WeakMap<Db, Set<string>>();

/** Stores the text of the policy version in force (once per version), so what used it can be replayed. */
export async function keepSource(db: Db, policies: PolicySet, policyId: string, hash: string): Promise<void> {
  const seen = stored.get(db) ?? new Set<string>();
  stored.set(db, seen);
  if (seen.has(hash)) return;
  const loaded = policies.loaded(policyId);
  await db.insert(policySources).values({ hash, policyId, source: loaded.source }).onConflictDoNothing();
  seen.add(hash);
}

export async function recordDecision(p: Platform, d: NewDecision): Promise<number> {
  await keepSource(p.db, p.policies, d.result.policy, d.result.policyHash);
  const [row] = await p.db
    .insert(decisions)
    .values({
      uscc: d.uscc,
      regionCode: d.regionCode,
      policyId: d.result.policy,
      policyHash: d.result.policyHash,
      edition: d.result.edition,
      asOf: d.asOf,
      input: d.input,
      sources: d.sources ?? null,
      result: d.result,
      verdict: d.result.verdict,
      purpose: d.purpose,
      actor: d.actor,
    })
    .returning({ id: decisions.id });
  return row!.id;
}

export type DecisionRecord = typeof decisions.$inferSelect;

/** Whoever may read the firm; a record about no firm (an anonymous calculation) is the administrators'. */
const mayReadDecision = (actor: Actor, d: DecisionRecord): boolean =>
  d.uscc ? mayReadFirm(actor, { uscc: d.uscc, regionCode: d.regionCode }) : actor.role === 'admin';

export async function getDecision(p: Platform, actor: Actor, id: number): Promise<DecisionRecord> {
  requireRole(actor, 'enterprise', 'reviewer', 'admin');
  const [row] = await p.db.select().from(decisions).where(eq(decisions.id, id));
  const d = visibleTo(row, (r) => mayReadDecision(actor, r), { zh: `决策记录 ${id}`, en: `Decision ${id}` });
  const firm = d.uscc ? { uscc: d.uscc, regionCode: d.regionCode } : null;
  if (!firm || !isOwnFirm(actor, firm.uscc))
    await recordAudit(p.db, actor, {
      action: 'decision.read',
      subjectType: 'enterprise',
      subjectId: d.uscc ?? undefined,
      regionCode: d.regionCode,
      detail: { decision: id },
    });
  return d;
}

/** Decision records by id, for a module that has already checked who may read them. */
export async function decisionsById(db: Db, ids: number[]): Promise<Map<number, DecisionRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(decisions).where(inArray(decisions.id, ids));
  return new Map(rows.map((d) => [d.id, d]));
}

export interface DecisionPage {
  page: number;
  pageSize: number;
  /** Only the records of this policy. */
  policy?: string | undefined;
}

/**
 * One firm's decision records, newest first, without their input and full result (read one for
 * those). The caller has already checked that the actor may read the firm.
 */
export async function decisionsOfFirm(db: Db, uscc: string, q: DecisionPage) {
  const where = and(eq(decisions.uscc, uscc), q.policy ? eq(decisions.policyId, q.policy) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: decisions.id,
        policyId: decisions.policyId,
        edition: decisions.edition,
        asOf: decisions.asOf,
        verdict: decisions.verdict,
        outcome: sql<string | number | null>`${decisions.result}->'outcome'`,
        score: sql<number | null>`${decisions.result}->'score'->'total'`,
        purpose: decisions.purpose,
        actor: decisions.actor,
        createdAt: decisions.createdAt,
      })
      .from(decisions)
      .where(where)
      .orderBy(desc(decisions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(decisions).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total: total!.n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The policy set holding a version of a policy: the loaded one, or the stored source. */
export async function policyVersion(p: Platform, policyId: string, hash: string): Promise<PolicySet> {
  if (p.policies.has(policyId) && p.policies.loaded(policyId).hash === hash) return p.policies;
  const [src] = await p.db.select().from(policySources).where(eq(policySources.hash, hash));
  if (!src) throw notFound({ zh: `策略版本 ${hash}`, en: `Policy version ${hash}` });
  return withVersion(p.policies, parsePolicy(src.source, `${policyId}@${hash.slice(7, 19)}`));
}

export async function replayDecision(p: Platform, actor: Actor, id: number) {
  const d = await getDecision(p, actor, id);
  const set = await policyVersion(p, d.policyId, d.policyHash);
  const input = parseProfile(d.input);
  if (!input.ok) throw new Error(`decision ${id}: the stored input no longer validates`);
  const replayed = evaluationJson(
    d.sources
      ? judgeFirm(set, d.policyId, d.asOf, input.profile, d.sources as FactSources)
      : set.evaluate(d.policyId, input.profile, d.asOf),
  );
  return { decision: d, replayed, identical: canonical(replayed) === canonical(d.result) };
}

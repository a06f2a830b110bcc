/**
 * 免申即享 screening: a reward policy run over every firm of a region as a background job, one
 * decision record per firm. The job works in batches; each batch locks the screening row, reads
 * the firms after the stored cursor, evaluates them and stores their results and the new cursor
 * in one transaction — so a job killed at any point resumes where it stopped, and two runners of
 * the same screening can neither skip nor repeat a firm.
 */
import { and, asc, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { keepSource, policyVersion } from '../decisions/service.ts';
import { enterprises } from '../enterprises/schema.ts';
import { profileAt } from '../enterprises/ledger.ts';
import { parseProfile, type Profile } from '../facts/profile.ts';
import type { FactSources } from '../facts/trust.ts';
import { reviewerCovers, reviewerPrefix, type Actor } from '../platform/actor.ts';
import { recordAudit, recordListRead } from '../platform/audit.ts';
import { canonical } from '../platform/canonical.ts';
import type { Platform } from '../platform/context.ts';
import type { Db } from '../platform/database.ts';
import { letRequestsIn } from '../platform/jobs.ts';
import { AppError, forbidden, invalid, notFound, visibleTo } from '../platform/errors.ts';
import { evaluationJson } from '../policy/evaluation.ts';
import { judge, judgeFirm, type Judged } from '../policy/trusted.ts';
import type { Screened, Screener } from '../rules/engine.ts';
import { deliveryScope, rewardEdition } from './rewards.ts';
import { screeningResults, screenings, SCREENED } from './schema.ts';

export const SCREENING_QUEUE = 'delivery-screening';
/** Firms per transaction: large enough to amortise the round trips, small enough to lose little on a kill. */
export const SCREENING_BATCH = 5000;

export type Screening = typeof screenings.$inferSelect;
type Verdict = (typeof SCREENED)[number];

const screeningNotFound = (id: number) => notFound({ zh: `筛查 ${id}`, en: `Screening ${id}` });

export async function loadScreening(p: Platform, id: number): Promise<Screening> {
  const [s] = await p.db.select().from(screenings).where(eq(screenings.id, id));
  if (!s) throw screeningNotFound(id);
  return s;
}

/** Reviewers see screenings of their region (or within it); administrators all. */
export function mayReadScreening(actor: Actor, s: Screening): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'reviewer' && reviewerCovers(actor, s.regionCode.padEnd(6, '0'));
}

const requireScreeningReader = (actor: Actor) => {
  if (actor.role !== 'reviewer' && actor.role !== 'admin')
    throw forbidden({ zh: '只有审核人员可以查看筛查', en: 'Only reviewers see screenings' });
};

/** A screening the caller may read; one outside the region answers as one that does not exist. */
export async function readableScreening(p: Platform, actor: Actor, id: number): Promise<Screening> {
  requireScreeningReader(actor);
  const [s] = await p.db.select().from(screenings).where(eq(screenings.id, id));
  return visibleTo(s, (found) => mayReadScreening(actor, found), { zh: `筛查 ${id}`, en: `Screening ${id}` });
}

const inScope = (prefix: string) => (prefix ? like(enterprises.regionCode, `${prefix}%`) : undefined);

/** Starts screening a reward policy over a region (the reviewer's, or one within it): queued as a job. */
export async function startScreening(
  p: Platform,
  actor: Actor,
  input: { policyId: string; asOf?: string | undefined; region?: string | undefined },
): Promise<Screening> {
  const asOf = input.asOf ?? p.today();
  if (asOf > p.today())
    throw invalid([
      { field: 'asOf', message: `a screening cannot be dated after today (${p.today()}): its data is not in yet` },
    ]);
  const { edition, reward } = rewardEdition(p, input.policyId, asOf);
  const prefix = deliveryScope(actor, reward, input.region);
  const [running] = await p.db
    .select({ id: screenings.id })
    .from(screenings)
    .where(
      and(
        eq(screenings.policyId, input.policyId),
        eq(screenings.regionCode, prefix),
        inArray(screenings.status, ['queued', 'running']),
      ),
    );
  if (running)
    throw new AppError(409, 'screening_running', {
      zh: `该政策在此辖区的筛查（${running.id}）尚未完成`,
      en: `Screening ${running.id} of this policy over this region is still running`,
    });
  await keepSource(p.db, p.policies, input.policyId, edition.hash);
  const [total] = await p.db.select({ n: count() }).from(enterprises).where(inScope(prefix));
  const [s] = await p.db
    .insert(screenings)
    .values({
      policyId: input.policyId,
      policyHash: edition.hash,
      edition: edition.edition,
      asOf,
      regionCode: prefix,
      total: total!.n,
      startedBy: actor.userId,
    })
    .returning();
  await recordAudit(p.db, actor, {
    action: 'delivery.screening.start',
    subjectType: 'screening',
    subjectId: String(s!.id),
    regionCode: prefix.padEnd(6, '0'),
    detail: { policyId: input.policyId, asOf, firms: total!.n },
  });
  await p.jobs.send(SCREENING_QUEUE, { id: s!.id });
  return s!;
}

interface Row {
  uscc: string;
  verdict: Verdict;
  amount: number | null;
  failed: string;
  missing: string;
  unverified: string;
  mark: number;
}

/** A firm screened on the facts the policy accepts from their sources. */
export const screenFirm = (screener: Screener, profile: Profile, sources: FactSources): Judged<Screened> =>
  judge(screener.screen, profile, sources, screener.edition.trust);

/** One firm's screened result as a row (lists joined by commas: criteria ids and fact paths have none). */
function toRow(uscc: string, mark: number, r: Judged<Screened>): Row {
  const amount = typeof r.outcome === 'number' ? Math.round(r.outcome * 100) / 100 : null;
  return {
    uscc,
    // Qualified with the amount still unknown cannot be paid: it waits for the facts, like undetermined.
    verdict: r.verdict === 'qualified' && amount === null ? 'undetermined' : r.verdict,
    amount,
    failed: r.failed.join(','),
    missing: r.missing.join(','),
    unverified: r.unverified.join(','),
    mark,
  };
}

async function storeResults(db: Db, id: number, rows: Row[]): Promise<void> {
  const col = <K extends keyof Row>(k: K) => sql.param(rows.map((r) => r[k]));
  await db.execute(sql`
    insert into screening_results (screening_id, uscc, verdict, amount, failed, missing, unverified, ledger_mark)
    select ${id}, t.u, t.v, t.a, string_to_array(nullif(t.f, ''), ','), string_to_array(nullif(t.m, ''), ','),
      string_to_array(nullif(t.w, ''), ','), t.k
    from unnest(${col('uscc')}::text[], ${col('verdict')}::text[], ${col('amount')}::numeric[],
                ${col('failed')}::text[], ${col('missing')}::text[], ${col('unverified')}::text[],
                ${col('mark')}::bigint[]) as t(u, v, a, f, m, w, k)
    on conflict do nothing`);
}

export interface RunOptions {
  batchSize?: number;
  /** Called inside each batch's transaction just before it commits (a test kills the job here). */
  beforeCommit?: (batch: number) => void;
}

/** The job: screens the firms after the cursor, batch by batch, until none are left. */
export async function runScreening(p: Platform, id: number, opts: RunOptions = {}): Promise<void> {
  const batchSize = opts.batchSize ?? SCREENING_BATCH;
  let batch = 0;
  const s = await loadScreening(p, id);
  if (s.status === 'done' || s.status === 'failed') return;
  if (!p.policies.has(s.policyId) || p.policies.loaded(s.policyId).hash !== s.policyHash) {
    await failScreening(p, id, 'the policy file changed while the screening waited; start a new screening');
    return;
  }
  const screener = p.policies.screener(s.policyId, s.asOf);
  await p.db
    .update(screenings)
    .set({ status: 'running' })
    .where(and(eq(screenings.id, id), unfinished));
  const read = (after: string | null) =>
    p.db
      .select({
        uscc: enterprises.uscc,
        profile: enterprises.profile,
        sources: enterprises.sources,
        mark: enterprises.ledgerMark,
      })
      .from(enterprises)
      .where(and(inScope(s.regionCode), after ? sql`${enterprises.uscc} > ${after}` : undefined))
      .orderBy(asc(enterprises.uscc))
      .limit(batchSize);
  // The next batch is read while this one is evaluated and written; it is used only if the
  // cursor, checked under the lock, is still where it was read from.
  const [start] = await p.db.select({ cursor: screenings.cursor }).from(screenings).where(eq(screenings.id, id));
  let from = start?.cursor ?? null;
  let next = read(from);
  for (;;) {
    const firms = await next;
    const last = firms.length ? firms[firms.length - 1]!.uscc : from;
    next = read(last);
    const rows = firms.map((f) =>
      toRow(f.uscc, f.mark, screenFirm(screener, f.profile as Profile, f.sources as FactSources)),
    );
    const stored = p.db.transaction(async (tx) => {
      const [now] = await tx
        .select({ cursor: screenings.cursor, status: screenings.status })
        .from(screenings)
        .where(eq(screenings.id, id))
        .for('update');
      if (!now || now.status !== 'running') return 'stop' as const;
      if (now.cursor !== from) return { moved: now.cursor }; // another runner got here first
      if (firms.length === 0) {
        await tx
          .update(screenings)
          .set({ status: 'done', finishedAt: new Date() })
          .where(and(eq(screenings.id, id), unfinished));
        return 'stop' as const;
      }
      await storeResults(tx, id, rows);
      await tx
        .update(screenings)
        .set({ cursor: last, processed: sql`${screenings.processed} + ${firms.length}` })
        .where(eq(screenings.id, id));
      opts.beforeCommit?.(++batch);
      return 'stored' as const;
    });
    const outcome = await stored.catch(async (e: unknown) => {
      await next.catch(() => undefined); // no read left running behind a failed job
      throw e;
    });
    if (outcome === 'stop') {
      await next.catch(() => undefined);
      return;
    }
    if (outcome === 'stored') from = last;
    else {
      await next.catch(() => undefined);
      from = outcome.moved;
      next = read(from);
    }
    await letRequestsIn(); // on the embedded database, requests waiting since the batch began go first
  }
}

const unfinished = inArray(screenings.status, ['queued', 'running']);

/** Ends a screening that cannot go on, saying why (only one still queued or running). */
async function failScreening(p: Platform, id: number, why: string): Promise<void> {
  await p.db
    .update(screenings)
    .set({ status: 'failed', failure: why, finishedAt: new Date() })
    .where(and(eq(screenings.id, id), unfinished));
}

/**
 * The queue's handler: a screening whose job fails is marked failed with the reason, so the list
 * says so and a new screening of the same policy and region can start.
 */
export async function runScreeningJob(p: Platform, id: number): Promise<void> {
  try {
    await runScreening(p, id);
  } catch (e) {
    await failScreening(p, id, e instanceof Error ? e.message : String(e));
  }
}

/** Screenings left queued or running by a stopped process, sent to the queue again on start. */
export async function resumeScreenings(p: Platform): Promise<number[]> {
  const left = await p.db
    .select({ id: screenings.id })
    .from(screenings)
    .where(inArray(screenings.status, ['queued', 'running']));
  for (const { id } of left) await p.jobs.send(SCREENING_QUEUE, { id });
  return left.map((l) => l.id);
}

export interface ScreeningView extends Screening {
  counts: Record<Verdict, number>;
  amounts: Record<Verdict, number>;
}

async function withCounts(p: Platform, s: Screening): Promise<ScreeningView> {
  const rows = await p.db
    .select({
      verdict: screeningResults.verdict,
      n: count(),
      amount: sql<string | null>`sum(${screeningResults.amount})`,
    })
    .from(screeningResults)
    .where(eq(screeningResults.screeningId, s.id))
    .groupBy(screeningResults.verdict);
  const counts = { qualified: 0, not_qualified: 0, undetermined: 0 };
  const amounts = { qualified: 0, not_qualified: 0, undetermined: 0 };
  for (const r of rows) {
    counts[r.verdict] = r.n;
    amounts[r.verdict] = Number(r.amount ?? 0);
  }
  return { ...s, counts, amounts };
}

export async function getScreening(p: Platform, actor: Actor, id: number): Promise<ScreeningView> {
  return withCounts(p, await readableScreening(p, actor, id));
}

export async function listScreenings(p: Platform, actor: Actor, policyId?: string) {
  requireScreeningReader(actor);
  const rows = await p.db
    .select()
    .from(screenings)
    .where(
      and(
        policyId ? eq(screenings.policyId, policyId) : undefined,
        actor.role === 'reviewer' ? like(screenings.regionCode, `${reviewerPrefix(actor)}%`) : undefined,
      ),
    )
    .orderBy(desc(screenings.id))
    .limit(200);
  return { items: await Promise.all(rows.map((s) => withCounts(p, s))) };
}

/** One list of a screening (eligible, ineligible or undetermined), with each firm's name and why. */
export async function screeningList(
  p: Platform,
  actor: Actor,
  id: number,
  q: { verdict: Verdict; page: number; pageSize: number },
) {
  const s = await readableScreening(p, actor, id);
  const where = and(eq(screeningResults.screeningId, id), eq(screeningResults.verdict, q.verdict));
  const [rows, [total]] = await Promise.all([
    p.db
      .select({
        uscc: screeningResults.uscc,
        name: enterprises.name,
        regionCode: enterprises.regionCode,
        amount: screeningResults.amount,
        failed: screeningResults.failed,
        missing: screeningResults.missing,
        unverified: screeningResults.unverified,
      })
      .from(screeningResults)
      .leftJoin(enterprises, eq(enterprises.uscc, screeningResults.uscc))
      .where(where)
      .orderBy(asc(screeningResults.uscc))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    p.db.select({ n: count() }).from(screeningResults).where(where),
  ]);
  recordListRead(p.db, actor, {
    action: 'delivery.screening.list',
    subjectType: 'screening',
    subjectId: String(id),
    regionCode: s.regionCode.padEnd(6, '0'),
    detail: { verdict: q.verdict, page: q.page, shown: rows.length },
  });
  const titles = criterionTitles(p, s);
  return {
    items: rows.map((r) => ({
      ...r,
      failed: (r.failed ?? []).map((c) => ({ id: c, title: titles.get(c) ?? { zh: c, en: c } })),
      missing: r.missing ?? [],
      unverified: r.unverified ?? [],
    })),
    total: total!.n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

function criterionTitles(p: Platform, s: Screening) {
  const out = new Map<string, { zh: string; en: string }>();
  if (!p.policies.has(s.policyId)) return out;
  try {
    for (const c of p.policies.edition(s.policyId, s.asOf).criteria) out.set(c.id, c.title);
  } catch {
    // the edition is no longer loaded: ids stand for themselves
  }
  return out;
}

/**
 * Replays one firm's decision record of a screening: its facts up to the stored ledger entry,
 * the screening's policy version and date — and says whether the result comes out the same.
 */
export async function replayScreened(p: Platform, actor: Actor, id: number, uscc: string) {
  const s = await readableScreening(p, actor, id);
  const [r] = await p.db
    .select()
    .from(screeningResults)
    .where(and(eq(screeningResults.screeningId, id), eq(screeningResults.uscc, uscc)));
  if (!r) throw notFound({ zh: `筛查 ${id} 中的企业 ${uscc}`, en: `Firm ${uscc} in screening ${id}` });
  const { profile, sources } = await profileAt(p.db, uscc, r.ledgerMark);
  const checked = parseProfile(profile);
  if (!checked.ok) throw new Error(`screening ${id}, ${uscc}: the stored facts no longer validate`);
  const set = await policyVersion(p, s.policyId, s.policyHash);
  const screener = set.screener(s.policyId, s.asOf);
  const again = toRow(uscc, r.ledgerMark, screenFirm(screener, checked.profile, sources));
  const stored = {
    verdict: r.verdict,
    amount: r.amount,
    failed: (r.failed ?? []).join(','),
    missing: (r.missing ?? []).join(','),
    unverified: (r.unverified ?? []).join(','),
  };
  await recordAudit(p.db, actor, {
    action: 'delivery.screening.replay',
    subjectType: 'enterprise',
    subjectId: uscc,
    regionCode: profile.regionCode as string | undefined,
    detail: { screening: id },
  });
  return {
    screening: id,
    uscc,
    stored: r,
    evaluation: evaluationJson(judgeFirm(set, s.policyId, s.asOf, checked.profile, sources, { gaps: false })),
    identical:
      canonical(stored) ===
      canonical({
        verdict: again.verdict,
        amount: again.amount,
        failed: again.failed,
        missing: again.missing,
        unverified: again.unverified,
      }),
  };
}

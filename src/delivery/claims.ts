/**
 * Claims: a screening's lists published to firms. The eligible get an offer to confirm in one click
 * (intent and the bank account to pay into); the undetermined an invitation to supply the facts
 * still missing (快申快享) and have the policy checked again. Both by a deadline; the reviewer
 * then exports the confirmed list for payment and records each payment back.
 */
import { and, asc, eq, inArray, like, lt, sql } from 'drizzle-orm';
import { recordDecision } from '../decisions/service.ts';
import { getStanding } from '../enterprises/service.ts';
import { parseProfile } from '../facts/profile.ts';
import { isOwnFirm, requireRole, reviewerCovers, reviewerPrefix, type Actor } from '../platform/actor.ts';
import { recordAudit, recordListRead } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { AppError, forbidden, invalid, visibleTo } from '../platform/errors.ts';
import { evaluationJson } from '../policy/evaluation.ts';
import { judgeFirm } from '../policy/trusted.ts';
import { addDays } from '../rules/dates.ts';
import { rewardEdition } from './rewards.ts';
import { claims, screenings, type ClaimStatus } from './schema.ts';
import { readableScreening } from './screening.ts';

export type Claim = typeof claims.$inferSelect;

const staleClaim = (seen: number, now: number) =>
  new AppError(409, 'stale_version', {
    zh: `该事项已被更新（您看到的是第 ${seen} 版，现在是第 ${now} 版），请刷新后重试`,
    en: `The claim changed since you saw it (version ${seen}, now ${now}); reload and try again`,
  });

const notNow = (c: Claim, action: { zh: string; en: string }) =>
  new AppError(409, 'not_allowed', {
    zh: `当前状态（${c.status}）不能${action.zh}`,
    en: `A claim that is ${c.status} cannot be ${action.en}`,
  });

/** Publishes a finished screening: offers to the eligible, invitations to the undetermined. */
export async function publishScreening(
  p: Platform,
  actor: Actor,
  id: number,
  input: { respondBy?: string | undefined },
) {
  const s = await readableScreening(p, actor, id);
  if (s.status !== 'done')
    throw new AppError(409, 'not_finished', { zh: '筛查尚未完成，不能发布', en: 'The screening has not finished' });
  if (s.publishedAt)
    throw new AppError(409, 'already_published', { zh: '该筛查已发布', en: 'The screening is already published' });
  const today = p.today();
  const { reward } = rewardEdition(p, s.policyId, s.asOf);
  if (reward.deadline && today > reward.deadline)
    throw new AppError(409, 'past_deadline', {
      zh: `该政策的兑现截止日（${reward.deadline}）已过`,
      en: `The policy stopped paying out on ${reward.deadline}`,
    });
  const respondBy = input.respondBy ?? addDays(today, reward.respondWithinDays);
  if (respondBy <= today)
    throw invalid([{ field: 'respondBy', message: `the deadline must be after today (${today})` }]);
  const round = Number(s.asOf.slice(0, 4));
  return p.db.transaction(async (tx) => {
    const published = await tx
      .update(screenings)
      .set({ publishedAt: new Date(), respondBy })
      .where(and(eq(screenings.id, id), sql`${screenings.publishedAt} is null`))
      .returning({ id: screenings.id });
    if (published.length === 0)
      throw new AppError(409, 'already_published', { zh: '该筛查已发布', en: 'The screening is already published' });
    // A firm already holding a claim of this round (from an earlier screening) keeps it.
    const inserted = (await tx.execute(sql`
      insert into claims (policy_id, round, screening_id, uscc, region_code, firm_name, status, amount, missing,
        unverified, respond_by)
      select ${s.policyId}, ${round}, r.screening_id, r.uscc, coalesce(e.region_code, ''), e.name,
        case when r.verdict = 'qualified' then 'offered' else 'invited' end, r.amount, r.missing, r.unverified,
        ${respondBy}
      from screening_results r join enterprises e on e.uscc = r.uscc
      where r.screening_id = ${id} and r.verdict in ('qualified', 'undetermined')
      on conflict (policy_id, round, uscc) do nothing
      returning status`)) as unknown as { rows: { status: ClaimStatus }[] };
    const offered = inserted.rows.filter((r) => r.status === 'offered').length;
    const invited = inserted.rows.length - offered;
    await recordAudit(tx, actor, {
      action: 'delivery.screening.publish',
      subjectType: 'screening',
      subjectId: String(id),
      regionCode: s.regionCode.padEnd(6, '0'),
      detail: { offered, invited, respondBy },
    });
    return { screening: id, offered, invited, respondBy };
  });
}

/** Offers and invitations past their deadline become expired (worked out when claims are read). */
async function expireOverdue(p: Platform): Promise<void> {
  await p.db
    .update(claims)
    .set({ status: 'expired', version: sql`${claims.version} + 1`, updatedAt: new Date() })
    .where(and(inArray(claims.status, ['offered', 'invited']), lt(claims.respondBy, p.today())));
}

function mayReadClaim(actor: Actor, c: Claim): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'enterprise') return actor.uscc === c.uscc;
  return reviewerCovers(actor, c.regionCode);
}

/** A claim the caller may read; another firm's, or one outside the region, answers as one that does not exist. */
async function readableClaim(p: Platform, actor: Actor, id: number): Promise<Claim> {
  requireRole(actor, 'enterprise', 'reviewer', 'admin');
  await expireOverdue(p);
  const [c] = await p.db.select().from(claims).where(eq(claims.id, id));
  return visibleTo(c, (found) => mayReadClaim(actor, found), { zh: `兑现事项 ${id}`, en: `Claim ${id}` });
}

/** A claim with its policy's title and delivery terms, as firms and reviewers see it. */
function shown(p: Platform, c: Claim) {
  let policy: { title: { zh: string; en: string }; office: unknown; phone: string | null } | null = null;
  if (p.policies.has(c.policyId)) {
    const doc = p.policies.loaded(c.policyId).doc;
    const reward = doc.editions.find((e) => e.reward)?.reward;
    policy = { title: doc.title, office: reward?.office ?? null, phone: reward?.phone ?? null };
  }
  return { ...c, policy };
}

async function change(p: Platform, c: Claim, seen: number, patch: Partial<Omit<Claim, 'id' | 'version'>>) {
  if (c.version !== seen) throw staleClaim(seen, c.version);
  const [updated] = await p.db
    .update(claims)
    .set({ ...patch, version: seen + 1, updatedAt: new Date() })
    .where(and(eq(claims.id, c.id), eq(claims.version, seen)))
    .returning();
  if (!updated) {
    const [now] = await p.db.select({ version: claims.version }).from(claims).where(eq(claims.id, c.id));
    throw staleClaim(seen, now?.version ?? c.version);
  }
  return updated;
}

/** Every move on a claim, and every read of another firm's, goes into the audit log. */
const auditClaim = (p: Platform, actor: Actor, action: string, c: Claim, detail: Record<string, unknown>) =>
  recordAudit(p.db, actor, {
    action: `delivery.claim.${action}`,
    subjectType: 'enterprise',
    subjectId: c.uscc,
    regionCode: c.regionCode,
    detail,
  });

function requireOwn(actor: Actor, c: Claim): void {
  if (!isOwnFirm(actor, c.uscc))
    throw forbidden({ zh: '只有企业本身可以确认或放弃', en: 'Only the firm itself confirms or declines' });
}

export interface BankAccount {
  bankName: string;
  accountName: string;
  accountNo: string;
}

/** The firm confirms an offer in one click: it wants the money, paid into this account. */
export async function confirmClaim(p: Platform, actor: Actor, id: number, input: BankAccount & { version: number }) {
  const c = await readableClaim(p, actor, id);
  requireOwn(actor, c);
  if (c.status !== 'offered' || c.amount === null) throw notNow(c, { zh: '确认', en: 'confirmed' });
  const account = checkAccount(input, c.firmName);
  const updated = await change(p, c, input.version, { status: 'confirmed', confirmedAt: new Date(), ...account });
  await auditClaim(p, actor, 'confirm', c, { claim: id, amount: c.amount });
  return shown(p, updated);
}

/** A corporate account: the holder is the firm itself, the number digits only. */
function checkAccount(a: BankAccount, firmName: string | null): BankAccount {
  const errors: { field: string; message: string }[] = [];
  const bankName = a.bankName.trim();
  const accountName = a.accountName.trim();
  const accountNo = a.accountNo.replace(/\s+/g, '');
  if (!bankName) errors.push({ field: 'bankName', message: 'the bank and branch are required (开户行)' });
  if (!accountName) errors.push({ field: 'accountName', message: 'the account holder is required (户名)' });
  else if (firmName && accountName !== firmName)
    errors.push({
      field: 'accountName',
      message: `the account must be the firm's own: the holder must read "${firmName}" (户名须与企业名称一致)`,
    });
  if (!/^\d{8,30}$/.test(accountNo))
    errors.push({ field: 'accountNo', message: 'an account number is 8 to 30 digits (账号)' });
  if (errors.length) throw invalid(errors);
  return { bankName, accountName, accountNo };
}

export async function declineClaim(p: Platform, actor: Actor, id: number, input: { version: number }) {
  const c = await readableClaim(p, actor, id);
  requireOwn(actor, c);
  if (c.status !== 'offered' && c.status !== 'invited') throw notNow(c, { zh: '放弃', en: 'declined' });
  const updated = await change(p, c, input.version, { status: 'declined' });
  await auditClaim(p, actor, 'decline', c, { claim: id });
  return shown(p, updated);
}

/**
 * 快申快享: after the firm has supplied the missing facts, the policy is evaluated again on its
 * current profile (a decision record): qualified turns the invitation into an offer, not
 * qualified closes it, still undetermined keeps it open with what is still missing.
 */
export async function recheckClaim(p: Platform, actor: Actor, id: number, input: { version: number }) {
  const c = await readableClaim(p, actor, id);
  if (c.status !== 'invited') throw notNow(c, { zh: '复核', en: 'rechecked' });
  const [s] = await p.db.select().from(screenings).where(eq(screenings.id, c.screeningId));
  const { profile, sources } = await getStanding(p, actor, c.uscc);
  const checked = parseProfile(profile);
  if (!checked.ok) throw invalid(checked.errors);
  const asOf = s!.asOf;
  rewardEdition(p, c.policyId, asOf);
  const result = evaluationJson(judgeFirm(p.policies, c.policyId, asOf, checked.profile, sources, { gaps: false }));
  const decisionId = await recordDecision(p, {
    uscc: c.uscc,
    regionCode: c.regionCode,
    asOf,
    input: checked.profile,
    sources,
    result,
    purpose: 'delivery',
    actor: actor.username,
  });
  const amount = typeof result.outcome === 'number' ? result.outcome : null;
  const patch: Partial<Claim> =
    result.verdict === 'qualified' && amount !== null
      ? { status: 'offered', amount, missing: null, unverified: null, decisionId }
      : result.verdict === 'not_qualified'
        ? { status: 'ineligible', amount, missing: null, unverified: null, decisionId }
        : { missing: result.missing, unverified: result.unverified, decisionId }; // qualified without an amount yet waits too
  const updated = await change(p, c, input.version, patch);
  await auditClaim(p, actor, 'recheck', c, { claim: id, verdict: result.verdict, decision: decisionId });
  return { claim: shown(p, updated), evaluation: result };
}

export interface ClaimQuery {
  policyId?: string | undefined;
  status?: ClaimStatus | undefined;
  /** One firm's claims (a reviewer's firm detail). */
  uscc?: string | undefined;
  page: number;
  pageSize: number;
}

/** A firm's own claims, or the claims of a reviewer's region (audited: other firms' data). */
export async function listClaims(p: Platform, actor: Actor, q: ClaimQuery) {
  await expireOverdue(p);
  let scope;
  if (actor.role === 'enterprise') scope = eq(claims.uscc, actor.uscc!);
  else if (actor.role === 'reviewer') scope = sql`${claims.regionCode} like ${reviewerPrefix(actor) + '%'}`;
  else if (actor.role !== 'admin') throw forbidden({ zh: '无权查看兑现事项', en: 'You may not see claims' });
  const where = and(
    scope,
    q.policyId ? eq(claims.policyId, q.policyId) : undefined,
    q.status ? eq(claims.status, q.status) : undefined,
    q.uscc ? eq(claims.uscc, q.uscc.toUpperCase()) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    p.db
      .select()
      .from(claims)
      .where(where)
      .orderBy(asc(claims.respondBy), asc(claims.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    p.db
      .select({ n: sql<number>`count(*)::int` })
      .from(claims)
      .where(where),
  ]);
  if (actor.role !== 'enterprise')
    recordListRead(p.db, actor, {
      action: 'delivery.claim.list',
      regionCode: actor.regionCode,
      detail: { policyId: q.policyId ?? null, status: q.status ?? null, uscc: q.uscc ?? null, shown: rows.length },
    });
  // A list never carries other firms' bank accounts: those go out only in the audited payment export.
  const items = rows.map((c) =>
    shown(p, actor.role === 'enterprise' ? c : { ...c, accountNo: c.accountNo && `****${c.accountNo.slice(-4)}` }),
  );
  return { items, total: total!.n, page: q.page, pageSize: q.pageSize };
}

export async function getClaim(p: Platform, actor: Actor, id: number) {
  const c = await readableClaim(p, actor, id);
  if (!isOwnFirm(actor, c.uscc)) await auditClaim(p, actor, 'read', c, { claim: id });
  return shown(p, c);
}

/** Open offers and invitations of a firm, with the policy's title, for its inbox. */
export async function openClaimsOf(p: Platform, uscc: string) {
  await expireOverdue(p);
  const open = await p.db
    .select()
    .from(claims)
    .where(and(eq(claims.uscc, uscc), inArray(claims.status, ['offered', 'invited'])))
    .orderBy(asc(claims.respondBy));
  return open.map((c) => ({
    ...c,
    policyTitle: p.policies.has(c.policyId) ? p.policies.loaded(c.policyId).doc.title : null,
  }));
}

/**
 * Invitations that wait on a reviewer: facts only the firm's own word supports would decide them
 * (待核实). In the reviewer's region, oldest deadline first.
 */
export async function claimsToVerify(p: Platform, actor: Actor) {
  await expireOverdue(p);
  const rows = await p.db
    .select()
    .from(claims)
    .where(
      and(
        eq(claims.status, 'invited'),
        sql`cardinality(${claims.unverified}) > 0`,
        actor.role === 'reviewer' ? like(claims.regionCode, `${reviewerPrefix(actor)}%`) : undefined,
      ),
    )
    .orderBy(asc(claims.respondBy))
    .limit(200);
  return rows.map((c) => ({
    ...c,
    policyTitle: p.policies.has(c.policyId) ? p.policies.loaded(c.policyId).doc.title : null,
  }));
}

/** Firms and amounts of one payout round (this year's by default) by status, against the budget. */
export async function deliveryTotals(p: Platform, actor: Actor, policyId: string, round?: number) {
  if (actor.role !== 'reviewer' && actor.role !== 'admin')
    throw forbidden({ zh: '只有审核人员可以查看兑现统计', en: 'Only reviewers see payout totals' });
  const { reward, edition } = rewardEdition(p, policyId, p.today());
  const year = round ?? Number(p.today().slice(0, 4));
  await expireOverdue(p);
  const scope = actor.role === 'reviewer' ? sql`${claims.regionCode} like ${reviewerPrefix(actor) + '%'}` : undefined;
  const rows = await p.db
    .select({
      status: claims.status,
      firms: sql<number>`count(*)::int`,
      amount: sql<string | null>`sum(${claims.amount})`,
    })
    .from(claims)
    .where(and(eq(claims.policyId, policyId), eq(claims.round, year), scope))
    .groupBy(claims.status);
  const byStatus = rows.map((r) => ({ status: r.status, firms: r.firms, amount: Number(r.amount ?? 0) }));
  const sum = (ss: ClaimStatus[]) => byStatus.filter((r) => ss.includes(r.status)).reduce((a, r) => a + r.amount, 0);
  return {
    policyId,
    round: year,
    edition: edition.edition,
    budget: reward.budget.value,
    byStatus,
    /** Money promised: offered, confirmed or paid. */
    committed: sum(['offered', 'confirmed', 'paid', 'payment_failed']),
    paid: sum(['paid']),
  };
}

export { auditClaim, change as changeClaim, readableClaim };

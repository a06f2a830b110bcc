/**
 * Applications, from the firm's draft to the deciding level's approval: apply inside an open
 * window, submit with the truthfulness pledge (the evaluation is frozen as a decision record),
 * and level by level approve, return for correction or reject — each level on the same live
 * evaluation, which a reviewer's correction of a fact re-runs. Every move is one transaction with
 * its event and audit entry, and names the version it saw.
 */
import { and, asc, count, desc, eq, ilike, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { decisionsById } from '../decisions/service.ts';
import { firmRecord, writeFacts } from '../enterprises/service.ts';
import { isWithinRegion, regionFullName } from '../facts/regions.ts';
import { requireRole, reviewerCovers, reviewerPrefix, type Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { AppError, forbidden, invalid } from '../platform/errors.ts';
import { judgeFirm } from '../policy/trusted.ts';
import { engineError, evaluationJson, type EvaluationJson } from '../policy/evaluation.ts';
import { batchStatus, getBatch, termsOf } from './batches.ts';
import {
  actsAtStep,
  change,
  checkVersion,
  evaluateApplication,
  inTransaction,
  levelOf,
  logStep,
  readableApplication,
  requireOwnFirm,
  requireRegionReviewer,
  requireStepReviewer,
  type Application,
  type Batch,
} from './records.ts';
import {
  applicationEvents,
  applications,
  batches,
  evidence,
  objections,
  titles,
  APPLICATION_STATUSES,
} from './schema.ts';
import { addDays } from '../rules/dates.ts';
import { shownTitle } from './titles.ts';
import { assertMove } from './workflow.ts';

/** The pledge a firm signs on submitting (诚信承诺书), kept with the application as signed. */
export const PLEDGE_TEXT =
  '本企业承诺：所填报的信息和提交的材料真实、准确、完整，无虚假记载、误导性陈述或重大遗漏；如有不实，愿意承担撤销认定、三年内不得再次申报等相应责任，并接受社会监督。';

const windowClosed = (b: Batch) =>
  new AppError(409, 'window_closed', {
    zh: `申报批次“${b.title}”的受理时间为 ${b.opensOn} 至 ${b.closesOn}，当前不在受理期内`,
    en: `Batch "${b.title}" takes applications from ${b.opensOn} to ${b.closesOn}; it is not open today`,
  });

/** The firm may apply: the window is open, it is in the region, and no revocation bars it. */
export async function applyForTier(p: Platform, actor: Actor, batchId: number) {
  requireRole(actor, 'enterprise');
  const uscc = actor.uscc!;
  const batch = await getBatch(p, batchId);
  const today = p.today();
  if (batchStatus(batch, today) !== 'open') throw windowClosed(batch);
  const firm = await firmRecord(p, uscc);
  if (!firm?.regionCode)
    throw invalid([{ field: 'regionCode', message: 'the firm’s profile has no region (所在地区): fill it in first' }]);
  if (batch.regionCode !== '000000' && !isWithinRegion(firm.regionCode, batch.regionCode))
    throw forbidden({
      zh: `该批次面向${regionFullName(batch.regionCode) ?? batch.regionCode}的企业，贵企业不在范围内`,
      en: `This batch is for firms in ${batch.regionCode}; yours is in ${firm.regionCode}`,
    });
  const terms = termsOf(p, batch);
  const held = await p.db
    .select()
    .from(titles)
    .where(and(eq(titles.uscc, uscc), eq(titles.programme, terms.programme)));
  const bar = held.find((t) => t.revokedOn && t.revokedOn <= today && t.barredUntil && today <= t.barredUntil);
  if (bar)
    throw new AppError(409, 'barred', {
      zh: `贵企业的称号（证书编号 ${bar.certificateNo}）已于 ${bar.revokedOn} 被撤销，${bar.barredUntil} 前不得再次申报`,
      en: `Title ${bar.certificateNo} was revoked on ${bar.revokedOn}; no new application before ${bar.barredUntil}`,
    });
  // Holding the title still valid a year after the window: nothing to apply for; holding one that
  // ends sooner (or has ended): this is its re-review (复核).
  // Titles of this tier not revoked and not ended more than a year before the window opened.
  const same = held.filter((t) => t.honor === terms.honor && !t.revokedOn && t.validTo >= addDays(batch.opensOn, -365));
  const renewalHorizon = addDays(batch.closesOn, 365);
  const lasting = same.find((t) => t.validTo > renewalHorizon);
  if (lasting)
    throw new AppError(409, 'already_held', {
      zh: `贵企业已持有该称号（证书编号 ${lasting.certificateNo}，有效期至 ${lasting.validTo}），到期前一年内方可申请复核`,
      en: `You hold this title until ${lasting.validTo} (${lasting.certificateNo}); re-review opens a year before it ends`,
    });
  const kind = same.length > 0 ? ('renewal' as const) : ('new' as const);
  return inTransaction(p, async (tp) => {
    const [app] = await tp.db
      .insert(applications)
      .values({ batchId, uscc, firmName: firm.name, regionCode: firm.regionCode!, kind, status: 'draft' })
      .onConflictDoNothing()
      .returning();
    if (!app)
      throw new AppError(409, 'already_applied', {
        zh: '贵企业已在该批次中申报，请在“我的申报”中继续',
        en: 'You have already applied in this batch; continue that application',
      });
    await logStep(tp, actor, app, batch, { action: 'create', to: 'draft', detail: { kind } });
    return app;
  });
}

const shown = (a: Application) => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  submittedAt: a.submittedAt?.toISOString() ?? null,
});

/** The application with its batch, both evaluations, evidence, history, objections and title. */
export async function getApplication(p: Platform, actor: Actor, id: number) {
  const { app, batch } = await readableApplication(p, actor, id);
  const own = actor.role === 'enterprise';
  if (!own)
    await recordAudit(p.db, actor, {
      action: 'application.read',
      subjectType: 'enterprise',
      subjectId: app.uscc,
      regionCode: app.regionCode,
      detail: { application: id },
    });
  const ids = [app.decisionId, app.submittedDecisionId].filter((x): x is number => x !== null);
  const [firm, records, files, events, objected, title] = await Promise.all([
    firmRecord(p, app.uscc),
    decisionsById(p.db, ids),
    p.db
      .select({
        id: evidence.id,
        claim: evidence.claim,
        fileName: evidence.fileName,
        mediaType: evidence.mediaType,
        size: evidence.size,
        sha256: evidence.sha256,
        uploadedAt: evidence.uploadedAt,
      })
      .from(evidence)
      .where(eq(evidence.applicationId, id))
      .orderBy(asc(evidence.claim), asc(evidence.id)),
    p.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, id))
      .orderBy(asc(applicationEvents.id)),
    own
      ? Promise.resolve([])
      : p.db.select().from(objections).where(eq(objections.applicationId, id)).orderBy(asc(objections.id)),
    app.titleId ? p.db.select().from(titles).where(eq(titles.id, app.titleId)) : Promise.resolve([]),
  ]);
  const result = (decision: number | null) =>
    decision === null ? null : (records.get(decision)?.result as EvaluationJson);
  // While the firm may still change it, the evaluation shown is its current profile's, as of the
  // batch's date; it decides nothing yet, so it is not kept (submission keeps its own).
  const editable = app.status === 'draft' || app.status === 'returned';
  let preview: EvaluationJson | null = null;
  if (editable && firm) {
    try {
      preview = evaluationJson(judgeFirm(p.policies, batch.policyId, batch.asOf, firm.profile, firm.sources));
    } catch (e) {
      engineError(e);
    }
  }
  return {
    ...shown(app),
    currentName: firm?.name ?? null,
    regionName: regionFullName(app.regionCode) ?? null,
    batch: { ...batch, createdAt: batch.createdAt.toISOString(), status: batchStatus(batch, p.today()) },
    level: app.status === 'in_review' || app.status === 'returned' ? levelOf(batch, app.step) : null,
    overdue: app.dueOn !== null && app.dueOn < p.today(),
    /** May the caller act on it at its current level now. */
    actionable: app.status === 'in_review' && actsAtStep(actor, app, batch),
    evaluation: editable ? preview : result(app.decisionId),
    /** The evaluation is of the current profile and not yet kept (a draft, or returned). */
    evaluationIsPreview: editable,
    submittedEvaluation: result(app.submittedDecisionId),
    evidence: files.map((f) => ({ ...f, uploadedAt: f.uploadedAt.toISOString() })),
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    objections: objected.map((o) => ({
      id: o.id,
      text: o.text,
      contactName: o.contactName,
      contact: o.contact,
      status: o.status,
      resolution: o.resolution,
      createdAt: o.createdAt.toISOString(),
    })),
    title: title[0] ? shownTitle(title[0], p.today()) : null,
  };
}

export interface ApplicationQuery {
  batch?: number | undefined;
  status?: (typeof APPLICATION_STATUSES)[number] | undefined;
  /** Reviewers: only those waiting for the caller's level (the default for a reviewer). */
  queue?: boolean | undefined;
  overdue?: boolean | undefined;
  /** Part of the firm's name or the start of its code. */
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * A firm's own applications; a reviewer's region (by default the queue waiting for their level,
 * overdue first); everything for an administrator.
 */
export async function listApplications(p: Platform, actor: Actor, q: ApplicationQuery) {
  const where: (SQL | undefined)[] = [];
  if (actor.role === 'enterprise') where.push(eq(applications.uscc, actor.uscc!));
  else if (actor.role === 'reviewer') {
    where.push(like(applications.regionCode, `${reviewerPrefix(actor)}%`));
    if (q.queue ?? true)
      where.push(
        eq(applications.status, 'in_review'),
        sql`${batches.levels}[${applications.step} + 1] = ${actor.level}`,
      );
  } else if (actor.role !== 'admin')
    throw forbidden({ zh: '当前角色无权查看申报', en: `The ${actor.role} role may not list applications` });
  if (q.batch) where.push(eq(applications.batchId, q.batch));
  if (q.status) where.push(eq(applications.status, q.status));
  if (q.overdue) where.push(lt(applications.dueOn, p.today()));
  if (q.q) {
    const text = q.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`);
    where.push(or(like(applications.uscc, `${text.toUpperCase()}%`), ilike(applications.firmName, `%${text}%`)));
  }
  const filter = and(...where);
  const [rows, [total]] = await Promise.all([
    p.db
      .select({
        app: applications,
        batchTitle: batches.title,
        policyId: batches.policyId,
        levels: batches.levels,
      })
      .from(applications)
      .innerJoin(batches, eq(batches.id, applications.batchId))
      .where(filter)
      .orderBy(sql`${applications.dueOn} asc nulls last`, desc(applications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    p.db
      .select({ n: count() })
      .from(applications)
      .innerJoin(batches, eq(batches.id, applications.batchId))
      .where(filter),
  ]);
  const today = p.today();
  return {
    items: rows.map((r) => ({
      ...shown(r.app),
      batchTitle: r.batchTitle,
      policyId: r.policyId,
      level: r.app.status === 'in_review' || r.app.status === 'returned' ? (r.levels[r.app.step] ?? null) : null,
      overdue: r.app.dueOn !== null && r.app.dueOn < today,
    })),
    total: total!.n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** An application that would not pass: what the evaluation says is unmet or unknown. */
function notPassing(result: EvaluationJson, when: { zh: string; en: string }): AppError {
  const unmet = result.criteria.filter((c) => c.depth === 0 && c.status !== 'met');
  return new AppError(
    422,
    result.verdict === 'undetermined' ? 'facts_missing' : 'not_qualified',
    {
      zh: `${when.zh}：按${result.edition}版标准（评价基准日 ${result.asOf}）评价结果为“${result.verdict === 'undetermined' ? '无法判定' : '不符合'}”`,
      en: `${when.en}: the ${result.edition} standard as of ${result.asOf} gives ${result.verdict}`,
    },
    [
      ...unmet.map((c) => ({ field: `criteria.${c.id}`, message: c.title.zh })),
      ...result.missing.map((m) => ({ field: m, message: '缺少该项数据 / this fact is missing' })),
    ],
  );
}

export interface Pledge {
  accepted: boolean;
  /** The name of the person signing for the firm. */
  signer: string;
}

/** Draft → in review at the first level, with the pledge signed and the evaluation frozen. */
export async function submitApplication(p: Platform, actor: Actor, id: number, version: number, pledge: Pledge) {
  return inTransaction(p, async (tp) => {
    const { app, batch } = await readableApplication(tp, actor, id);
    requireOwnFirm(actor, app);
    checkVersion(app, version);
    assertMove('submit', app.status);
    if (batchStatus(batch, tp.today()) !== 'open') throw windowClosed(batch);
    if (!pledge.accepted || !pledge.signer.trim())
      throw invalid([{ field: 'pledge', message: 'the truthfulness pledge (诚信承诺) must be accepted and signed' }]);
    const ev = await evaluateApplication(tp, actor, app, batch, 'application');
    if (ev.result.verdict !== 'qualified') throw notPassing(ev.result, { zh: '无法提交', en: 'Cannot submit' });
    const signed = { text: PLEDGE_TEXT, signer: pledge.signer.trim(), signedAt: new Date().toISOString() };
    const next = await change(tp, app, version, {
      status: 'in_review',
      step: 0,
      dueOn: addDays(tp.today(), batch.reviewDays),
      pledge: signed,
      submittedDecisionId: ev.decisionId,
      decisionId: ev.decisionId,
      submittedAt: new Date(),
      note: null,
    });
    await logStep(tp, actor, next, batch, {
      action: 'submit',
      from: app.status,
      to: next.status,
      detail: { decision: ev.decisionId },
    });
    return next;
  });
}

/** Returned → back to the level that returned it, re-evaluated, before the correction deadline. */
export async function resubmitApplication(p: Platform, actor: Actor, id: number, version: number, note?: string) {
  return inTransaction(p, async (tp) => {
    const { app, batch } = await readableApplication(tp, actor, id);
    requireOwnFirm(actor, app);
    checkVersion(app, version);
    assertMove('resubmit', app.status);
    if (app.dueOn && tp.today() > app.dueOn)
      throw new AppError(409, 'correction_overdue', {
        zh: `补正期限已于 ${app.dueOn} 届满，无法重新提交`,
        en: `The correction was due on ${app.dueOn}; it can no longer be resubmitted`,
      });
    const ev = await evaluateApplication(tp, actor, app, batch, 'application');
    if (ev.result.verdict !== 'qualified') throw notPassing(ev.result, { zh: '无法重新提交', en: 'Cannot resubmit' });
    const next = await change(tp, app, version, {
      status: 'in_review',
      dueOn: addDays(tp.today(), batch.reviewDays),
      decisionId: ev.decisionId,
    });
    await logStep(tp, actor, next, batch, {
      action: 'resubmit',
      from: app.status,
      to: next.status,
      note: note?.trim() || null,
      detail: { decision: ev.decisionId },
    });
    return next;
  });
}

export async function withdrawApplication(p: Platform, actor: Actor, id: number, version: number) {
  return inTransaction(p, async (tp) => {
    const { app, batch } = await readableApplication(tp, actor, id);
    requireOwnFirm(actor, app);
    checkVersion(app, version);
    assertMove('withdraw', app.status);
    const next = await change(tp, app, version, { status: 'withdrawn', dueOn: null });
    await logStep(tp, actor, next, batch, { action: 'withdraw', from: app.status, to: next.status });
    return next;
  });
}

export type ReviewAction = 'approve' | 'return' | 'reject';

/**
 * A level's decision. Approving re-evaluates the firm's current profile and needs it to qualify;
 * the deciding level's approval makes it ready for the notice. Returning needs what to fix,
 * rejecting needs why.
 */
export async function reviewApplication(
  p: Platform,
  actor: Actor,
  id: number,
  input: { action: ReviewAction; version: number; note?: string | undefined },
) {
  return inTransaction(p, async (tp) => {
    const { app, batch } = await readableApplication(tp, actor, id);
    requireRegionReviewer(actor, app);
    checkVersion(app, input.version);
    assertMove(input.action, app.status);
    requireStepReviewer(actor, app, batch);
    const note = input.note?.trim() || null;
    if (input.action !== 'approve' && !note)
      throw invalid([
        {
          field: 'note',
          message: input.action === 'return' ? 'say what the firm must correct (补正内容)' : 'say why it is rejected',
        },
      ]);
    let patch: Partial<Application>;
    let detail: Record<string, unknown> = {};
    if (input.action === 'approve') {
      const ev = await evaluateApplication(tp, actor, app, batch, 'review');
      if (ev.result.verdict !== 'qualified')
        throw notPassing(ev.result, {
          zh: '无法审核通过（可修正数据后重新评价，或退回补正、不予通过）',
          en: 'Cannot approve (correct the facts, return it or reject it)',
        });
      const last = app.step === batch.levels.length - 1;
      patch = last
        ? { status: 'approved', dueOn: null, decisionId: ev.decisionId, note }
        : { step: app.step + 1, dueOn: addDays(tp.today(), batch.reviewDays), decisionId: ev.decisionId, note };
      detail = { decision: ev.decisionId, to: last ? 'notice' : levelOf(batch, app.step + 1) };
    } else if (input.action === 'return') {
      patch = { status: 'returned', dueOn: addDays(tp.today(), batch.correctionDays), note };
    } else {
      patch = { status: 'rejected', dueOn: null, note };
    }
    const next = await change(tp, app, input.version, patch);
    await logStep(tp, actor, next, batch, { action: input.action, from: app.status, to: next.status, note, detail });
    return next;
  });
}

/**
 * The reviewer corrects facts (a reviewer override in the ledger, with the reason) and the
 * evaluation runs again on the corrected profile.
 */
export async function overrideFacts(
  p: Platform,
  actor: Actor,
  id: number,
  input: { version: number; facts: unknown; reason: string },
) {
  return inTransaction(p, async (tp) => {
    const { app, batch } = await readableApplication(tp, actor, id);
    requireRegionReviewer(actor, app);
    checkVersion(app, input.version);
    assertMove('override', app.status);
    requireStepReviewer(actor, app, batch);
    const { written } = await writeFacts(tp, actor, app.uscc, input.facts, input.reason);
    const ev = await evaluateApplication(tp, actor, app, batch, 'review');
    const next = await change(tp, app, input.version, { decisionId: ev.decisionId });
    await logStep(tp, actor, next, batch, {
      action: 'override',
      note: input.reason.trim(),
      detail: { decision: ev.decisionId, written, facts: input.facts, verdict: ev.result.verdict },
    });
    return { application: next, evaluation: ev.result };
  });
}

export interface SpotCheck {
  /** The day of the visit. */
  on: string;
  result: 'passed' | 'failed';
  inspectors: string;
  findings: string;
}

/** 实地核查: a reviewer of any level of the batch whose region holds the firm records a visit. */
export async function recordSpotCheck(p: Platform, actor: Actor, id: number, check: SpotCheck) {
  return inTransaction(p, async (tp) => {
    const { app, batch } = await readableApplication(tp, actor, id);
    if (actor.role !== 'reviewer' || !batch.levels.includes(actor.level!) || !reviewerCovers(actor, app.regionCode))
      throw forbidden({
        zh: '只有参与该批次审核的本辖区审核人员可以记录实地核查',
        en: 'Only the batch’s reviewers of this region record spot checks',
      });
    assertMove('spotCheck', app.status);
    if (check.on > tp.today())
      throw invalid([{ field: 'on', message: 'a spot check is recorded after it took place' }]);
    await logStep(tp, actor, app, batch, {
      action: 'spot_check',
      note: check.findings.trim(),
      detail: { on: check.on, result: check.result, inspectors: check.inspectors.trim() },
    });
    return { recorded: true };
  });
}

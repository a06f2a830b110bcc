/**
 * What every move on an application shares: loading it with its batch, who may read it and who
 * may act at its current level, the optimistic update that bumps its version, the event history,
 * and the live evaluation of the firm's profile that every level works on.
 */
import { and, eq } from 'drizzle-orm';
import { recordDecision } from '../decisions/service.ts';
import { firmRecord } from '../enterprises/service.ts';
import { requireRole, reviewerCovers, type Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { forbidden, notFound, visibleTo, type Message } from '../platform/errors.ts';
import { judgeFirm } from '../policy/trusted.ts';
import { engineError, evaluationJson, type EvaluationJson } from '../policy/evaluation.ts';
import { applicationEvents, applications, batches, type ApplicationStatus } from './schema.ts';
import { staleVersion } from './workflow.ts';

export type Application = typeof applications.$inferSelect;
export type Batch = typeof batches.$inferSelect;
export type Level = 'district' | 'city' | 'province' | 'national';

/** Runs `fn` in one transaction, with a platform whose every query goes through it. */
export function inTransaction<T>(p: Platform, fn: (tp: Platform) => Promise<T>): Promise<T> {
  return p.db.transaction((tx) => fn({ ...p, db: tx }));
}

async function findApplication(p: Platform, id: number): Promise<{ app: Application; batch: Batch } | undefined> {
  const [row] = await p.db
    .select({ app: applications, batch: batches })
    .from(applications)
    .innerJoin(batches, eq(batches.id, applications.batchId))
    .where(eq(applications.id, id));
  return row;
}

/** The firm itself, a reviewer whose region holds the firm (any level), an administrator. */
export function mayReadApplication(actor: Actor, app: Application): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'enterprise') return actor.uscc === app.uscc;
  return reviewerCovers(actor, app.regionCode);
}

/** Roles that may read some applications; the others are refused the route whatever the id. */
const requireApplicationReader = (actor: Actor) => requireRole(actor, 'enterprise', 'reviewer', 'admin');

/** The application with its batch; one the caller may not read answers as one that does not exist. */
export async function readableApplication(p: Platform, actor: Actor, id: number) {
  requireApplicationReader(actor);
  return visibleTo(await findApplication(p, id), (f) => mayReadApplication(actor, f.app), {
    zh: `申报 ${id}`,
    en: `Application ${id}`,
  });
}

/** A row attached to an application (a file), under the application's rule: its id tells nothing either. */
export async function readableAttachment<T extends { applicationId: number }>(
  p: Platform,
  actor: Actor,
  row: T | undefined,
  what: Message,
) {
  requireApplicationReader(actor);
  const found = row && (await findApplication(p, row.applicationId));
  return visibleTo(found && { row, ...found }, (f) => mayReadApplication(actor, f.app), what);
}

export const levelOf = (batch: Batch, step: number): Level => batch.levels[step] as Level;
export const decidingLevel = (batch: Batch): Level => batch.levels[batch.levels.length - 1] as Level;

/** A reviewer of the level the application is at, whose region holds the firm. */
export function actsAtStep(actor: Actor, app: Application, batch: Batch): boolean {
  return actor.role === 'reviewer' && actor.level === levelOf(batch, app.step) && reviewerCovers(actor, app.regionCode);
}

/** A reviewer whose region holds the firm: the coarse check, before the version and the step. */
export function requireRegionReviewer(actor: Actor, app: Application): void {
  if (actor.role === 'reviewer' && reviewerCovers(actor, app.regionCode)) return;
  throw forbidden({
    zh: '只有企业所在辖区的审核人员可以执行此操作',
    en: 'Only reviewers of the firm’s region may do this',
  });
}

export function requireStepReviewer(actor: Actor, app: Application, batch: Batch): void {
  if (actsAtStep(actor, app, batch)) return;
  const level = levelOf(batch, app.step);
  throw forbidden({
    zh: `该申报现由${{ district: '区县', city: '地市', province: '省级', national: '国家' }[level]}审核人员处理，您无权操作`,
    en: `The application is with the ${level} level reviewers of its region`,
  });
}

export function requireOwnFirm(actor: Actor, app: Application): void {
  if (actor.role === 'enterprise' && actor.uscc === app.uscc) return;
  throw forbidden({ zh: '只有申报企业本身可以执行此操作', en: 'Only the applying firm may do this' });
}

/** Refuses at once when the application has moved on since the caller saw it. */
export function checkVersion(app: Application, seen: number): void {
  if (app.version !== seen) throw staleVersion(seen, app.version);
}

/**
 * Applies a change to the application if it is still at the version the caller saw; the version
 * goes up by one. Exactly one of two concurrent changes from the same version wins.
 */
export async function change(
  tp: Platform,
  app: Application,
  seen: number,
  patch: Partial<Omit<Application, 'id' | 'version'>>,
): Promise<Application> {
  const [updated] = await tp.db
    .update(applications)
    .set({ ...patch, version: seen + 1, updatedAt: new Date() })
    .where(and(eq(applications.id, app.id), eq(applications.version, seen)))
    .returning();
  if (!updated) {
    const [now] = await tp.db
      .select({ version: applications.version })
      .from(applications)
      .where(eq(applications.id, app.id));
    throw staleVersion(seen, now?.version ?? app.version);
  }
  return updated;
}

export interface Step {
  action: string;
  from?: ApplicationStatus | null;
  to?: ApplicationStatus | null;
  note?: string | null;
  detail?: unknown;
}

/** Appends the step to the application's history and to the audit log. */
export async function logStep(tp: Platform, actor: Actor | null, app: Application, batch: Batch, s: Step) {
  await tp.db.insert(applicationEvents).values({
    applicationId: app.id,
    action: s.action,
    fromStatus: s.from ?? null,
    toStatus: s.to ?? null,
    step: app.step,
    level: actor?.role === 'reviewer' ? actor.level : null,
    userId: actor?.userId ?? null,
    actorName: actor?.displayName ?? '公众',
    note: s.note ?? null,
    detail: s.detail ?? null,
  });
  await recordAudit(tp.db, actor, {
    action: `application.${s.action}`,
    subjectType: 'enterprise',
    subjectId: app.uscc,
    regionCode: app.regionCode,
    detail: { application: app.id, batch: batch.id, from: s.from ?? null, to: s.to ?? null, ...(s.detail ?? {}) },
  });
}

/**
 * Evaluates the firm's current profile against the batch's policy as of the batch's date (so the
 * edition is the one in force then, whatever is in force today) and keeps it as a decision record.
 */
export async function evaluateApplication(
  tp: Platform,
  actor: Actor,
  app: Pick<Application, 'uscc' | 'regionCode'>,
  batch: Batch,
  purpose: 'application' | 'review',
): Promise<{ decisionId: number; result: EvaluationJson }> {
  const firm = await firmRecord(tp, app.uscc);
  if (!firm) throw notFound({ zh: `企业 ${app.uscc}`, en: `Enterprise ${app.uscc}` });
  let result: EvaluationJson;
  try {
    result = evaluationJson(judgeFirm(tp.policies, batch.policyId, batch.asOf, firm.profile, firm.sources));
  } catch (e) {
    engineError(e);
  }
  const decisionId = await recordDecision(tp, {
    uscc: app.uscc,
    regionCode: app.regionCode,
    asOf: batch.asOf,
    input: firm.profile,
    sources: firm.sources,
    result,
    purpose,
    actor: `user:${actor.userId}`,
  });
  return { decisionId, result };
}

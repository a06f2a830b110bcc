/**
 * 公示 and the decision: the deciding level publishes the applications it approved for a set
 * number of days; anyone may lodge an objection (with a contact, a few per address per hour);
 * reviewers resolve each — upholding one rejects the application — and once the notice has run
 * and nothing is open, the decision certifies the rest and grants their titles.
 */
import { and, asc, count, desc, eq, gt, like, sql } from 'drizzle-orm';
import { regionFullName } from '../facts/regions.ts';
import { requireRole, reviewerCovers, reviewerPrefix, type Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { AppError, forbidden, invalid, notFound, tooManyRequests, visibleTo } from '../platform/errors.ts';
import { getBatch, termsOf } from './batches.ts';
import { change, decidingLevel, inTransaction, logStep, type Batch } from './records.ts';
import { applications, notices, objections } from './schema.ts';
import { addDays } from '../rules/dates.ts';
import { issueTitle } from './titles.ts';
import { assertMove, LEVEL_LABELS } from './workflow.ts';

export type Notice = typeof notices.$inferSelect;

/** Objections one address may lodge in an hour. */
export const OBJECTIONS_PER_HOUR = 5;

/** A reviewer of the batch's deciding level whose region holds the batch's (and `regionCode`, when given). */
function requireDecider(actor: Actor, batch: Batch, regionCode?: string): void {
  const level = decidingLevel(batch);
  if (
    actor.role === 'reviewer' &&
    actor.level === level &&
    reviewerCovers(actor, batch.regionCode) &&
    (regionCode === undefined || reviewerCovers(actor, regionCode))
  )
    return;
  throw forbidden({
    zh: `只有该批次的认定部门（${LEVEL_LABELS[level].zh}）可以执行此操作`,
    en: `Only the batch’s deciding (${level}) reviewers may do this`,
  });
}

export function noticeState(n: Notice, today: string): 'open' | 'ended' | 'decided' {
  if (n.decidedAt) return 'decided';
  return today > n.endsOn ? 'ended' : 'open';
}

/** Publishes every application of the batch the deciding level approved in the reviewer's region. */
export async function publishNotice(p: Platform, actor: Actor, batchId: number, title?: string) {
  return inTransaction(p, async (tp) => {
    const batch = await getBatch(tp, batchId);
    requireDecider(actor, batch);
    const ready = await tp.db
      .select()
      .from(applications)
      .where(
        and(
          eq(applications.batchId, batchId),
          eq(applications.status, 'approved'),
          like(applications.regionCode, `${reviewerPrefix(actor)}%`),
        ),
      )
      .orderBy(asc(applications.regionCode), asc(applications.firmName));
    if (ready.length === 0)
      throw new AppError(409, 'nothing_to_publish', {
        zh: '该批次没有审核通过、待公示的申报',
        en: 'No application of this batch is approved and waiting for the notice',
      });
    const today = tp.today();
    const [notice] = await tp.db
      .insert(notices)
      .values({
        batchId,
        title: title?.trim() || `${batch.title}拟认定名单公示`,
        regionCode: actor.regionCode!,
        startsOn: today,
        endsOn: addDays(today, batch.noticeDays - 1),
        publishedBy: actor.userId,
      })
      .returning();
    for (const app of ready) {
      const next = await change(tp, app, app.version, { status: 'in_notice', noticeId: notice!.id });
      await logStep(tp, actor, next, batch, {
        action: 'publish',
        from: app.status,
        to: next.status,
        detail: { notice: notice!.id },
      });
    }
    return { ...notice!, publishedAt: notice!.publishedAt.toISOString(), listed: ready.length };
  });
}

/** A notice as the public sees it: who is proposed, and until when objections are taken. */
export async function getNotice(p: Platform, id: number) {
  const [n] = await p.db.select().from(notices).where(eq(notices.id, id));
  if (!n) throw notFound({ zh: `公示 ${id}`, en: `Notice ${id}` });
  const batch = await getBatch(p, n.batchId);
  const listed = await p.db
    .select({
      id: applications.id,
      uscc: applications.uscc,
      name: applications.firmName,
      regionCode: applications.regionCode,
      status: applications.status,
    })
    .from(applications)
    .where(eq(applications.noticeId, id))
    .orderBy(asc(applications.regionCode), asc(applications.firmName));
  return {
    id: n.id,
    title: n.title,
    batchId: n.batchId,
    policyId: batch.policyId,
    regionCode: n.regionCode,
    regionName: regionFullName(n.regionCode) ?? null,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    state: noticeState(n, p.today()),
    publishedAt: n.publishedAt.toISOString(),
    decidedAt: n.decidedAt?.toISOString() ?? null,
    firms: listed.map((a) => ({ ...a, regionName: regionFullName(a.regionCode) ?? null })),
  };
}

/** Notices the public may read, the open ones first. */
export async function listNotices(p: Platform) {
  const rows = await p.db.select().from(notices).orderBy(desc(notices.endsOn), desc(notices.id)).limit(100);
  const today = p.today();
  return rows.map((n) => ({
    id: n.id,
    title: n.title,
    batchId: n.batchId,
    regionName: regionFullName(n.regionCode) ?? null,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    state: noticeState(n, today),
  }));
}

export interface NewObjection {
  applicationId: number;
  text: string;
  contactName: string;
  /** A phone number or an e-mail address, so the authority can ask and answer. */
  contact: string;
}

const CONTACT = /^(\+?\d[\d\s-]{6,19}|[^\s@]+@[^\s@]+\.[^\s@]+)$/;

/** Anyone, while the notice runs, about a firm on it; a few per address per hour. */
export async function lodgeObjection(p: Platform, ip: string | undefined, noticeId: number, o: NewObjection) {
  const [n] = await p.db.select().from(notices).where(eq(notices.id, noticeId));
  if (!n) throw notFound({ zh: `公示 ${noticeId}`, en: `Notice ${noticeId}` });
  if (noticeState(n, p.today()) !== 'open')
    throw new AppError(409, 'notice_closed', {
      zh: `公示期为 ${n.startsOn} 至 ${n.endsOn}，现已结束，不再受理异议`,
      en: `The notice ran from ${n.startsOn} to ${n.endsOn}; objections are closed`,
    });
  const problems: { field: string; message: string }[] = [];
  if (o.text.trim().length < 10)
    problems.push({ field: 'text', message: 'say what is objected to, in at least 10 characters' });
  if (!o.contactName.trim()) problems.push({ field: 'contactName', message: 'a name is required' });
  if (!CONTACT.test(o.contact.trim()))
    problems.push({ field: 'contact', message: 'a phone number or an e-mail address' });
  if (problems.length) throw invalid(problems);
  const [listed] = await p.db
    .select({ id: applications.id, uscc: applications.uscc, regionCode: applications.regionCode })
    .from(applications)
    .where(and(eq(applications.id, o.applicationId), eq(applications.noticeId, noticeId)));
  if (!listed) throw invalid([{ field: 'applicationId', message: 'this firm is not on the notice' }]);
  // `ip` is the client seen through the trusted proxies (clientIp), so a proxy is not one objector.
  if (ip) {
    const [recent] = await p.db
      .select({
        n: count(),
        // When the oldest of the hour ages out, one more may be lodged.
        wait: sql<number>`ceil(extract(epoch from min(${objections.createdAt}) + interval '1 hour' - now()))::int`,
      })
      .from(objections)
      .where(and(eq(objections.ip, ip), gt(objections.createdAt, sql`now() - interval '1 hour'`)));
    if (recent!.n >= OBJECTIONS_PER_HOUR)
      throw tooManyRequests(
        'too_many_objections',
        {
          zh: `同一地址一小时内最多提交 ${OBJECTIONS_PER_HOUR} 条异议，请稍后再试或致电认定部门`,
          en: `At most ${OBJECTIONS_PER_HOUR} objections an hour from one address; try later or call the authority`,
        },
        recent!.wait,
      );
  }
  const [saved] = await p.db
    .insert(objections)
    .values({
      noticeId,
      applicationId: o.applicationId,
      text: o.text.trim(),
      contactName: o.contactName.trim(),
      contact: o.contact.trim(),
      ip: ip ?? null,
    })
    .returning({ id: objections.id });
  await recordAudit(
    p.db,
    null,
    {
      action: 'objection.lodge',
      subjectType: 'enterprise',
      subjectId: listed.uscc,
      regionCode: listed.regionCode,
      detail: { notice: noticeId, objection: saved!.id, application: o.applicationId },
    },
    ip,
  );
  return { id: saved!.id, received: true };
}

/** The publishing authority and those above it, and administrators: objections carry the objectors' contacts. */
const mayReadObjections = (actor: Actor, noticeRegion: string) =>
  actor.role === 'admin' || reviewerCovers(actor, noticeRegion);

/**
 * The objections lodged on a notice, with the objectors' contacts: for reviewers whose region holds
 * the notice's (the publishing authority and above) and administrators; the read is audited.
 */
export async function listObjections(p: Platform, actor: Actor, noticeId: number) {
  const [n] = await p.db.select().from(notices).where(eq(notices.id, noticeId));
  if (!n) throw notFound({ zh: `公示 ${noticeId}`, en: `Notice ${noticeId}` });
  if (!mayReadObjections(actor, n.regionCode))
    throw forbidden({ zh: '只有发布公示的认定部门可以查看异议', en: 'Only the publishing authority reads objections' });
  const rows = await p.db
    .select()
    .from(objections)
    .where(eq(objections.noticeId, noticeId))
    .orderBy(asc(objections.id));
  await recordAudit(p.db, actor, {
    action: 'notice.objections_read',
    subjectType: 'notice',
    subjectId: String(noticeId),
    regionCode: n.regionCode,
    detail: { objections: rows.length },
  });
  return rows.map((o) => ({
    id: o.id,
    applicationId: o.applicationId,
    text: o.text,
    contactName: o.contactName,
    contact: o.contact,
    status: o.status,
    resolution: o.resolution,
    createdAt: o.createdAt.toISOString(),
  }));
}

/** Upheld: the application is rejected with the resolution as the reason. Dismissed: it stays. */
export async function resolveObjection(
  p: Platform,
  actor: Actor,
  id: number,
  input: { outcome: 'upheld' | 'dismissed'; resolution: string },
) {
  requireRole(actor, 'reviewer', 'admin');
  return inTransaction(p, async (tp) => {
    const [row] = await tp.db
      .select({ objection: objections, noticeRegion: notices.regionCode })
      .from(objections)
      .innerJoin(notices, eq(notices.id, objections.noticeId))
      .where(eq(objections.id, id));
    const o = visibleTo(row, (r) => mayReadObjections(actor, r.noticeRegion), {
      zh: `异议 ${id}`,
      en: `Objection ${id}`,
    }).objection;
    const [app] = await tp.db.select().from(applications).where(eq(applications.id, o.applicationId));
    const batch = await getBatch(tp, app!.batchId);
    requireDecider(actor, batch, app!.regionCode);
    if (o.status !== 'open')
      throw new AppError(409, 'already_resolved', { zh: '该异议已处理', en: 'The objection is already resolved' });
    if (!input.resolution.trim())
      throw invalid([{ field: 'resolution', message: 'say how it was resolved (核查结论)' }]);
    await tp.db
      .update(objections)
      .set({
        status: input.outcome,
        resolution: input.resolution.trim(),
        resolvedBy: actor.userId,
        resolvedAt: new Date(),
      })
      .where(eq(objections.id, id));
    if (input.outcome === 'upheld' && app!.status === 'in_notice') {
      assertMove('uphold', app!.status);
      const next = await change(tp, app!, app!.version, { status: 'rejected', note: input.resolution.trim() });
      await logStep(tp, actor, next, batch, {
        action: 'objection_upheld',
        from: app!.status,
        to: next.status,
        note: input.resolution.trim(),
        detail: { objection: id },
      });
    } else {
      await logStep(tp, actor, app!, batch, {
        action: input.outcome === 'upheld' ? 'objection_upheld' : 'objection_dismissed',
        note: input.resolution.trim(),
        detail: { objection: id },
      });
    }
    return { id, status: input.outcome };
  });
}

/** After the notice has run with every objection resolved: certify the firms still on it. */
export async function decideNotice(p: Platform, actor: Actor, id: number) {
  return inTransaction(p, async (tp) => {
    const [n] = await tp.db.select().from(notices).where(eq(notices.id, id));
    if (!n) throw notFound({ zh: `公示 ${id}`, en: `Notice ${id}` });
    const batch = await getBatch(tp, n.batchId);
    requireDecider(actor, batch, n.regionCode);
    const state = noticeState(n, tp.today());
    if (state === 'decided')
      throw new AppError(409, 'already_decided', { zh: '该公示已作出认定', en: 'Already decided' });
    if (state === 'open')
      throw new AppError(409, 'notice_running', {
        zh: `公示期至 ${n.endsOn}，期满后方可作出认定`,
        en: `The notice runs until ${n.endsOn}; decide after it ends`,
      });
    const listed = await tp.db.select().from(applications).where(eq(applications.noticeId, id));
    const [open] = await tp.db
      .select({ n: count() })
      .from(objections)
      .where(and(eq(objections.noticeId, id), eq(objections.status, 'open')));
    if (open!.n > 0)
      throw new AppError(409, 'objections_open', {
        zh: `还有 ${open!.n} 条异议未处理，处理完毕后方可作出认定`,
        en: `${open!.n} objection(s) are still open; resolve them first`,
      });
    const terms = termsOf(tp, batch);
    const certified: { application: number; certificateNo: string }[] = [];
    for (const app of listed.filter((a) => a.status === 'in_notice')) {
      assertMove('certify', app.status);
      const title = await issueTitle(tp, actor, app, batch, terms);
      const next = await change(tp, app, app.version, { status: 'certified', titleId: title.id });
      await logStep(tp, actor, next, batch, {
        action: 'certify',
        from: app.status,
        to: next.status,
        detail: { title: title.id, certificateNo: title.certificateNo, validTo: title.validTo },
      });
      certified.push({ application: app.id, certificateNo: title.certificateNo });
    }
    await tp.db.update(notices).set({ decidedAt: new Date(), decidedBy: actor.userId }).where(eq(notices.id, id));
    return { notice: id, certified };
  });
}

/**
 * 待办: one list per person of what needs their action, with due dates — 待办 (to act on), 需补正
 * (returned for correction), 即将到期 (a title or a yearly update coming due). Worked out from
 * the records each time, so it is never out of step with them.
 */
import { and, asc, eq, isNull, like, lt, sql } from 'drizzle-orm';
import { reviewerPrefix, type Actor } from '../platform/actor.ts';
import type { Platform } from '../platform/context.ts';
import type { Message } from '../platform/errors.ts';
import { applications, batches, notices, objections, titles } from './schema.ts';
import { claimsToVerify, openClaimsOf } from '../delivery/claims.ts';
import { labelOfPath } from '../facts/paths.ts';
import { addDays } from '../rules/dates.ts';
import { nextYearly } from './terms.ts';
import { titleState } from './titles.ts';

export type InboxCategory = 'todo' | 'correction' | 'expiring';

export interface InboxItem {
  category: InboxCategory;
  kind: string;
  title: Message;
  due: string | null;
  overdue: boolean;
  link:
    | { type: 'application' | 'batch' | 'notice' | 'title' | 'claim'; id: number }
    /** A firm's record in the console, by its 统一社会信用代码. */
    | { type: 'enterprise'; id: string };
}

/** How far ahead a title's end or a yearly update shows up. */
export const EXPIRY_NOTICE_DAYS = 90;
export const UPDATE_NOTICE_DAYS = 60;

const deciding = sql`${batches.levels}[array_length(${batches.levels}, 1)]`;

export async function inboxOf(p: Platform, actor: Actor): Promise<{ items: InboxItem[] }> {
  const today = p.today();
  const items: InboxItem[] = [];
  const push = (i: Omit<InboxItem, 'overdue'>) => items.push({ ...i, overdue: i.due !== null && i.due < today });

  if (actor.role === 'enterprise') {
    const own = await p.db
      .select({ app: applications, batch: batches })
      .from(applications)
      .innerJoin(batches, eq(batches.id, applications.batchId))
      .where(eq(applications.uscc, actor.uscc!));
    for (const { app, batch } of own) {
      if (app.status === 'draft' && today <= batch.closesOn)
        push({
          category: 'todo',
          kind: 'submit',
          title: { zh: `提交申报：${batch.title}`, en: `Submit your application: ${batch.title}` },
          due: batch.closesOn,
          link: { type: 'application', id: app.id },
        });
      if (app.status === 'returned')
        push({
          category: 'correction',
          kind: 'correct',
          title: { zh: `补正后重新提交：${batch.title}`, en: `Correct and resubmit: ${batch.title}` },
          due: app.dueOn,
          link: { type: 'application', id: app.id },
        });
    }
    const held = await p.db
      .select()
      .from(titles)
      .where(and(eq(titles.uscc, actor.uscc!), isNull(titles.revokedOn)));
    for (const t of held.filter((x) => titleState(x, today) === 'valid')) {
      if (t.validTo <= addDays(today, EXPIRY_NOTICE_DAYS))
        push({
          category: 'expiring',
          kind: 'expiry',
          title: {
            zh: `称号即将到期（${t.certificateNo}），请关注复核申报`,
            en: `Title ${t.certificateNo} ends soon: apply for re-review`,
          },
          due: t.validTo,
          link: { type: 'title', id: t.id },
        });
      const terms = p.policies.has(t.policyId) ? safeTerms(p, t.policyId, today) : null;
      if (terms?.infoUpdateBy) {
        const due = nextYearly(terms.infoUpdateBy.value, today);
        if (due <= addDays(today, UPDATE_NOTICE_DAYS) && due <= t.validTo)
          push({
            category: 'expiring',
            kind: 'yearly_update',
            title: {
              zh: `年度信息更新（${t.certificateNo}）：请于 ${due} 前更新企业信息，逾期将影响复核`,
              en: `Yearly update for ${t.certificateNo}: update your information by ${due}`,
            },
            due,
            link: { type: 'title', id: t.id },
          });
      }
    }
    for (const c of await openClaimsOf(p, actor.uscc!)) {
      const name = c.policyTitle?.zh ?? c.policyId;
      push(
        c.status === 'offered'
          ? {
              category: 'todo',
              kind: 'confirm_claim',
              title: {
                zh: `免申即享：确认领取「${name}」${c.amount !== null ? ` ${(c.amount / 10000).toLocaleString('zh-CN')} 万元` : ''}`,
                en: `Confirm your payout: ${c.policyTitle?.en ?? c.policyId}`,
              },
              due: c.respondBy,
              link: { type: 'claim', id: c.id },
            }
          : {
              category: 'correction',
              kind: 'supply_facts',
              title: {
                zh: `快申快享：补充信息以核定「${name}」`,
                en: `Supply the missing facts for ${c.policyTitle?.en ?? c.policyId}`,
              },
              due: c.respondBy,
              link: { type: 'claim', id: c.id },
            },
      );
    }
  } else if (actor.role === 'reviewer') {
    const prefix = reviewerPrefix(actor);
    const queue = await p.db
      .select({ app: applications, batch: batches })
      .from(applications)
      .innerJoin(batches, eq(batches.id, applications.batchId))
      .where(
        and(
          like(applications.regionCode, `${prefix}%`),
          eq(applications.status, 'in_review'),
          sql`${batches.levels}[${applications.step} + 1] = ${actor.level}`,
        ),
      )
      .orderBy(sql`${applications.dueOn} asc nulls last`)
      .limit(200);
    for (const { app, batch } of queue)
      push({
        category: 'todo',
        kind: 'review',
        title: {
          zh: `审核：${app.firmName ?? app.uscc}（${batch.title}）`,
          en: `Review ${app.firmName ?? app.uscc} (${batch.title})`,
        },
        due: app.dueOn,
        link: { type: 'application', id: app.id },
      });
    const awaiting = await p.db
      .select({ batchId: batches.id, title: batches.title, n: sql<number>`count(*)::int` })
      .from(applications)
      .innerJoin(batches, eq(batches.id, applications.batchId))
      .where(
        and(
          like(applications.regionCode, `${prefix}%`),
          eq(applications.status, 'approved'),
          sql`${deciding} = ${actor.level}`,
        ),
      )
      .groupBy(batches.id, batches.title);
    for (const b of awaiting)
      push({
        category: 'todo',
        kind: 'publish',
        title: {
          zh: `发布公示：${b.title}（${b.n} 家待公示）`,
          en: `Publish the notice: ${b.title} (${b.n} approved)`,
        },
        due: null,
        link: { type: 'batch', id: b.batchId },
      });
    const mine = and(
      like(notices.regionCode, `${prefix}%`),
      sql`${deciding} = ${actor.level}`,
      isNull(notices.decidedAt),
    );
    const ended = await p.db
      .select({ id: notices.id, title: notices.title, endsOn: notices.endsOn })
      .from(notices)
      .innerJoin(batches, eq(batches.id, notices.batchId))
      .where(and(mine, lt(notices.endsOn, today)));
    for (const n of ended)
      push({
        category: 'todo',
        kind: 'decide',
        title: { zh: `公示期满，作出认定：${n.title}`, en: `The notice has ended: decide ${n.title}` },
        due: addDays(n.endsOn, 1),
        link: { type: 'notice', id: n.id },
      });
    const objected = await p.db
      .select({ id: objections.id, noticeId: notices.id, title: notices.title, endsOn: notices.endsOn })
      .from(objections)
      .innerJoin(notices, eq(notices.id, objections.noticeId))
      .innerJoin(batches, eq(batches.id, notices.batchId))
      .where(and(mine, eq(objections.status, 'open')))
      .orderBy(asc(objections.id));
    for (const o of objected)
      push({
        category: 'todo',
        kind: 'objection',
        title: { zh: `处理异议 #${o.id}：${o.title}`, en: `Resolve objection #${o.id}: ${o.title}` },
        due: o.endsOn,
        link: { type: 'notice', id: o.noticeId },
      });
    for (const c of await claimsToVerify(p, actor)) {
      const facts = (lang: 'zh' | 'en') => c.unverified!.map((path) => labelOfPath(path)?.[lang] ?? path);
      push({
        category: 'todo',
        kind: 'verify_facts',
        title: {
          zh: `核实企业申报：${c.firmName ?? c.uscc}（${c.policyTitle?.zh ?? c.policyId}）待核实 ${facts('zh').join('、')}`,
          en: `Verify what ${c.firmName ?? c.uscc} declared (${c.policyTitle?.en ?? c.policyId}): ${facts('en').join(', ')}`,
        },
        due: c.respondBy,
        link: { type: 'enterprise', id: c.uscc },
      });
    }
    const expiring = await p.db
      .select()
      .from(titles)
      .where(
        and(
          like(titles.regionCode, `${prefix}%`),
          isNull(titles.revokedOn),
          sql`${titles.validTo} between ${today} and ${addDays(today, EXPIRY_NOTICE_DAYS)}`,
        ),
      )
      .orderBy(asc(titles.validTo))
      .limit(100);
    for (const t of expiring)
      push({
        category: 'expiring',
        kind: 'expiry',
        title: {
          zh: `即将到期：${t.name ?? t.uscc}（${t.certificateNo}）`,
          en: `Ending soon: ${t.name ?? t.uscc} (${t.certificateNo})`,
        },
        due: t.validTo,
        link: { type: 'title', id: t.id },
      });
  }
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  return { items };
}

function safeTerms(p: Platform, policyId: string, today: string) {
  try {
    return p.policies.recognition(policyId, today);
  } catch {
    return null; // no edition in force today: no yearly update to remind of
  }
}

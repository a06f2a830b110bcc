/**
 * The demo's recognition workflow, walked through the real services on a clock set back, so every
 * role finds work: last quarter's 创新型 batch decided (titles in the register); this quarter's
 * open, with applications waiting for 无锡 (two overdue, one returned) and for 江苏, and a notice
 * running; a 专精特新 batch (district → city → province) open. The demo firm account itself has
 * not applied, so a visitor can. Skipped when any batch exists.
 */
import { applyForTier, reviewApplication, submitApplication } from '../cultivation/applications.ts';
import { openBatch } from '../cultivation/batches.ts';
import { decideNotice, publishNotice } from '../cultivation/notices.ts';
import { batches } from '../cultivation/schema.ts';
import { addDays } from '../rules/dates.ts';
import { firmRecord, listEnterprises } from '../enterprises/service.ts';
import type { Actor } from '../platform/actor.ts';
import type { Platform } from '../platform/context.ts';
import { actorOf, firmActor } from './actors.ts';

const INNOVATIVE = 'cn.miit.innovative-sme';
const SPECIALIZED = 'cn.miit.specialized-sme';

export async function loadRecognitionDemo(p: Platform): Promise<{ batches: number; applications: number } | null> {
  if ((await p.db.select({ id: batches.id }).from(batches).limit(1)).length) return null;
  const today = p.today();
  const on = (days: number): Platform => ({ ...p, today: () => addDays(today, days) });
  const jiangsu = await actorOf(p, 'jiangsu');
  const wuxi = await actorOf(p, 'wuxi');
  const firmUser = await actorOf(p, 'firm-wuxi');
  // Firms of 无锡 that qualify for 创新型 now and hold no title of it.
  const listed = await listEnterprises(p, jiangsu, {
    region: '320200',
    tags: [`qualifies:${INNOVATIVE}`],
    notTags: ['holds:innovative_sme'],
    page: 1,
    pageSize: 40,
  });
  const candidates = listed.items.map((f) => f.uscc).filter((u) => u !== firmUser.uscc);
  if (candidates.length < 15) return null; // a demo too small to show the workflow
  const year = today.slice(0, 4);
  // 创新型 is evaluated by the province on the cities' recommendation.
  const levels = ['city', 'province'];
  let applications = 0;

  /** Applies and submits as the firm on that day. */
  const submit = async (day: number, batch: number, uscc: string) => {
    const at = on(day);
    const app = await applyForTier(at, firmActor(uscc), batch);
    const firm = await firmRecord(at, uscc);
    const sent = await submitApplication(at, firmActor(uscc), app.id, app.version, {
      accepted: true,
      signer: `${firm?.name?.slice(0, 2) ?? '企业'}法定代表人`,
    });
    applications++;
    return sent;
  };
  const approve = async (day: number, who: Actor, app: { id: number; version: number }) =>
    reviewApplication(on(day), who, app.id, { action: 'approve', version: app.version });

  // Last quarter's batch: decided 60 days ago, its titles in the register and the firms' profiles.
  const past = await openBatch(on(-120), jiangsu, {
    policyId: INNOVATIVE,
    title: `${year}年江苏省创新型中小企业评价（第一批）`,
    levels,
    opensOn: addDays(today, -120),
    closesOn: addDays(today, -90),
  });
  for (const uscc of candidates.splice(0, 6))
    await approve(-90, jiangsu, await approve(-95, wuxi, await submit(-100, past.id, uscc)));
  await decideNotice(on(-60), jiangsu, (await publishNotice(on(-75), jiangsu, past.id)).id);

  // This quarter's batch: open, with work at each level.
  const current = await openBatch(on(-30), jiangsu, {
    policyId: INNOVATIVE,
    title: `${year}年江苏省创新型中小企业评价（第二批）`,
    levels,
    opensOn: addDays(today, -30),
    closesOn: addDays(today, 30),
  });
  // Waiting for the city: two overdue, two fresh.
  for (const day of [-25, -22, -3, -1]) await submit(day, current.id, candidates.shift()!);
  // Passed by the city, waiting for the province.
  for (const day of [-14, -11]) await approve(day + 4, wuxi, await submit(day, current.id, candidates.shift()!));
  // Returned by the city for correction.
  const back = await submit(-8, current.id, candidates.shift()!);
  await reviewApplication(on(-5), wuxi, back.id, {
    action: 'return',
    version: back.version,
    note: '请补充近两年研发费用专项审计报告，并核对主营业务收入。',
  });
  // Through both levels and on a notice that runs now.
  for (const day of [-20, -18])
    await approve(day + 6, jiangsu, await approve(day + 3, wuxi, await submit(day, current.id, candidates.shift()!)));
  await publishNotice(on(-2), jiangsu, current.id);

  // 专精特新, open now: the ladder starts from 创新型.
  await openBatch(on(-7), jiangsu, {
    policyId: SPECIALIZED,
    title: `${year}年江苏省专精特新中小企业认定`,
    levels: ['district', 'city', 'province'],
    opensOn: addDays(today, -7),
    closesOn: addDays(today, 45),
  });
  return { batches: 3, applications };
}

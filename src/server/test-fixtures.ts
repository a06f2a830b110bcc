/**
 * Records for API tests that only the workflow's own steps would otherwise make: firm A's draft in
 * an open 江苏 batch with a file, firm B on a running 上海 notice with an open objection and a
 * title; screenings still running over 无锡 (firm A) and 黄浦 (firm B), and firm A's offer of
 * 新吴's reward.
 */
import { eq } from 'drizzle-orm';
import { applications, batches, notices, objections, titles } from '../cultivation/schema.ts';
import { claims, screeningResults, screenings } from '../delivery/schema.ts';
import { enterprises } from '../enterprises/schema.ts';
import { addDays } from '../rules/dates.ts';
import { FIRM_A, FIRM_B, type TestApp } from './test-app.ts';

export const AS_OF = '2026-06-30';
export const XINWU = 'local.320214.high-tech-reward';

export async function uploadAsFirm(t: TestApp, application: number, text: string): Promise<number> {
  const f = new FormData();
  f.append('claim', 'other');
  f.append('file', new File([new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`)], `${text}.pdf`));
  const res = await (await t.as('firm'))(`/api/v1/applications/${application}/evidence`, { method: 'POST', body: f });
  if (res.status !== 201) throw new Error(`evidence: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

/**
 * The workflow's records for the table: firm A's draft in an open 江苏 batch with a file; firm B on
 * a running 上海 notice with an open objection; a title of firm B.
 */
export async function recognitionFixtures(t: TestApp) {
  const db = t.platform.db;
  const day = (n: number) => addDays(t.platform.today(), n);
  const common = { policyId: 'cn.miit.innovative-sme', opensOn: day(-1), closesOn: day(30), asOf: day(-1) };
  const days = { reviewDays: 15, correctionDays: 10, noticeDays: 7, createdBy: 0 };
  const [jiangsu] = await db
    .insert(batches)
    .values({
      ...common,
      ...days,
      title: '江苏测试批次',
      regionCode: '320000',
      levels: ['district', 'city', 'province'],
    })
    .returning();
  const res = await (await t.as('firm'))(`/api/v1/batches/${jiangsu!.id}/applications`, { method: 'POST' });
  if (res.status !== 201) throw new Error(`applying: ${res.status} ${await res.text()}`);
  const application = ((await res.json()) as { id: number }).id;
  const [shanghai] = await db
    .insert(batches)
    .values({ ...common, ...days, title: '上海测试批次', regionCode: '310000', levels: ['district', 'province'] })
    .returning();
  const [notice] = await db
    .insert(notices)
    .values({
      batchId: shanghai!.id,
      title: '上海测试公示',
      regionCode: '310000',
      startsOn: day(-1),
      endsOn: day(6),
      publishedBy: 0,
    })
    .returning();
  const [onNotice] = await db
    .insert(applications)
    .values({
      batchId: shanghai!.id,
      uscc: FIRM_B.uscc,
      firmName: FIRM_B.name,
      regionCode: FIRM_B.regionCode,
      kind: 'new',
      status: 'in_notice',
      noticeId: notice!.id,
    })
    .returning();
  const [objection] = await db
    .insert(objections)
    .values({
      noticeId: notice!.id,
      applicationId: onNotice!.id,
      text: '请核实。',
      contactName: '赵六',
      contact: '13800000000',
    })
    .returning();
  const [title] = await db
    .insert(titles)
    .values({
      uscc: FIRM_B.uscc,
      name: FIRM_B.name,
      regionCode: FIRM_B.regionCode,
      policyId: 'cn.miit.innovative-sme',
      honor: 'innovative_sme',
      programme: 'quality-sme',
      edition: '2022',
      certificateNo: 'CXX-31-2026-99999',
      validFrom: day(-30),
      validTo: day(1000),
      issuedBy: 0,
    })
    .returning();
  return {
    batch: jiangsu!.id,
    shanghaiBatch: shanghai!.id,
    application,
    evidence: await uploadAsFirm(t, application, '佐证材料'),
    notice: notice!.id,
    objectedApplication: onNotice!.id,
    objection: objection!.id,
    title: title!.id,
  };
}

export async function deliveryFixtures(t: TestApp) {
  const p = t.platform;
  const screening = async (policyId: string, regionCode: string, uscc: string) => {
    const [s] = await p.db
      .insert(screenings)
      .values({
        policyId,
        policyHash: p.policies.loaded(policyId).hash,
        edition: p.policies.edition(policyId, AS_OF).edition,
        asOf: AS_OF,
        regionCode,
        status: 'running',
        startedBy: 0,
      })
      .returning();
    const [firm] = await p.db
      .select({ mark: enterprises.ledgerMark })
      .from(enterprises)
      .where(eq(enterprises.uscc, uscc));
    await p.db
      .insert(screeningResults)
      .values({ screeningId: s!.id, uscc, verdict: 'not_qualified', failed: ['inRegion'], ledgerMark: firm!.mark });
    return s!.id;
  };
  const A = await screening(XINWU, '3202', FIRM_A.uscc);
  const B = await screening('local.310112.specialized-reward', '3101', FIRM_B.uscc);
  const [claim] = await p.db
    .insert(claims)
    .values({
      policyId: XINWU,
      round: 2026,
      screeningId: A,
      uscc: FIRM_A.uscc,
      regionCode: FIRM_A.regionCode,
      firmName: FIRM_A.name,
      status: 'offered',
      amount: 400000,
      respondBy: addDays(p.today(), 30),
    })
    .returning();
  return { screening: { A, B }, claim: claim!.id };
}

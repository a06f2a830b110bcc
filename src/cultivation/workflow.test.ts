/**
 * A whole batch through the API, on a clock the test moves: the window, a draft with evidence,
 * submission with the pledge, return and resubmission, approval at every level (with a correction
 * by a reviewer and a spot check), the notice with an objection, the decision and certificate, the
 * yearly update and expiry in the inbox, re-review, revocation and the bar it sets. Then two
 * reviewers at once, and a batch evaluated under the 2022 专精特新 standard after 2026's applies.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recordFacts } from '../enterprises/ledger.ts';
import { projector } from '../enterprises/tags.ts';
import type { Profile } from '../facts/profile.ts';
import { trustedProxies } from '../platform/addresses.ts';
import { createUser } from '../platform/auth.ts';
import { OBJECTIONS_PER_HOUR } from './notices.ts';
import { FIRM_A, PASSWORD, testApp, type Send, type TestApp, answer } from '../server/test-app.ts';

const profiles = (file: string) =>
  (
    parse(readFileSync(new URL(`../../policies/cn/${file}`, import.meta.url), 'utf8')) as {
      profiles: Record<string, Record<string, unknown>>;
    }
  ).profiles;
/** A firm the policy file itself says qualifies, kept in FIRM_A's district. */
const withoutRegion = ({ regionCode: _r, ...rest }: Record<string, unknown>) => rest;
const INNOVATIVE = withoutRegion(profiles('miit/innovative-sme.yaml').typical!);
const SPECIALIZED = profiles('miit/specialized-sme.yaml');

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let t: TestApp;
let clock = '2026-05-06';
/** Facts as a reviewer corrected them on the evidence. */
const corrected = (uscc: string, facts: Profile) =>
  recordFacts(
    t.platform.db,
    uscc,
    facts,
    { source: 'reviewer', actor: 'user:test', reason: '按核实的申报材料更正' },
    projector(t.platform.policies, clock),
  );
const as: Record<string, Send> = {};

const post = (who: string, path: string, body?: unknown) =>
  as[who]!(path, { method: 'POST', ...(body === undefined ? {} : { json: body }) });
const get = (who: string, path: string) => as[who]!(path);
const upload = (who: string, id: number, claim: string, name: string, data: Uint8Array, type = 'application/pdf') => {
  const form = new FormData();
  form.append('claim', claim);
  form.append('file', new File([data], name, { type }));
  return as[who]!(`/api/v1/applications/${id}/evidence`, { method: 'POST', body: form });
};
type App = { id: number; status: string; version: number; step: number; dueOn: string | null };
const app = (id: number) => answer<App & Record<string, unknown>>(get('firm', `/api/v1/applications/${id}`), 200);

beforeAll(async () => {
  t = await testApp();
  t.platform.today = () => clock;
  for (const [username, regionCode, level] of [
    ['jiangsu', '320000', 'province'],
    ['miit', '000000', 'national'],
  ] as const)
    await createUser(t.platform.db, {
      username,
      password: PASSWORD,
      displayName: username,
      role: 'reviewer',
      regionCode,
      level,
    });
  for (const who of ['firm', 'reviewer', 'districtReviewer', 'otherReviewer', 'admin', 'anonymous'] as const)
    as[who] = await t.as(who);
  as.city = as.reviewer!;
  as.district = as.districtReviewer!;
  as.jiangsu = (await t.login('jiangsu')).send;
  as.miit = (await t.login('miit')).send;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe(`a batch from window to re-review on ${process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let batch: number;
  let id: number;
  let version: number;
  let titleId: number;
  let noticeId: number;

  it('the deciding level opens a batch; others are refused, and bad levels are named', async () => {
    const open = {
      policyId: 'cn.miit.innovative-sme',
      title: '2026年江苏省创新型中小企业评价（第一批）',
      levels: ['district', 'city', 'province'],
      opensOn: '2026-05-10',
      closesOn: '2026-06-10',
    };
    await answer(post('city', '/api/v1/batches', open), 403);
    await answer(post('firm', '/api/v1/batches', open), 403);
    const bad = await answer<{ error: { details: { field: string }[] } }>(
      post('jiangsu', '/api/v1/batches', { ...open, levels: ['city', 'district', 'province'] }),
      400,
    );
    expect(bad.error.details[0]!.field).toBe('levels');
    await answer(post('jiangsu', '/api/v1/batches', { ...open, levels: ['district', 'city'] }), 400);
    await answer(post('jiangsu', '/api/v1/batches', { ...open, policyId: 'cn.nbs.enterprise-size' }), 422);
    const made = await answer<{ id: number; status: string; asOf: string; edition: string; regionCode: string }>(
      post('jiangsu', '/api/v1/batches', open),
      201,
    );
    expect(made).toMatchObject({ status: 'scheduled', asOf: '2026-05-10', edition: '2022', regionCode: '320000' });
    batch = made.id;
    const listed = await answer<{ items: { id: number }[] }>(
      get('anonymous', `/api/v1/batches?region=${FIRM_A.regionCode}`),
      200,
    );
    expect(listed.items.map((b) => b.id)).toContain(batch);
    const elsewhere = await answer<{ items: { id: number }[] }>(get('anonymous', '/api/v1/batches?region=310101'), 200);
    expect(elsewhere.items.map((b) => b.id)).not.toContain(batch);
  });

  it('a firm applies only inside the window, once', async () => {
    const early = await answer<{ error: { code: string } }>(post('firm', `/api/v1/batches/${batch}/applications`), 409);
    expect(early.error.code).toBe('window_closed');
    clock = '2026-05-12';
    await answer(post('district', `/api/v1/batches/${batch}/applications`), 403);
    const draft = await answer<App>(post('firm', `/api/v1/batches/${batch}/applications`), 201);
    expect(draft).toMatchObject({ status: 'draft', version: 1, kind: 'new' });
    ({ id, version } = draft);
    const again = await answer<{ error: { code: string } }>(post('firm', `/api/v1/batches/${batch}/applications`), 409);
    expect(again.error.code).toBe('already_applied');
  });

  it('takes PDF, PNG and JPEG evidence by content, once per claim, and names what is wrong', async () => {
    const stored = await answer<{ id: number; sha256: string; duplicate: boolean }>(
      upload('firm', id, 'ip[0]', '发明专利证书.pdf', PDF),
      201,
    );
    expect(stored.duplicate).toBe(false);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await answer<{ duplicate: boolean }>(upload('firm', id, 'ip[0]', 'copy.pdf', PDF), 201)).duplicate).toBe(
      true,
    );
    const fake = await answer<{ error: { details: { field: string; message: string }[] } }>(
      upload('firm', id, 'years.2025.rdExpense', 'audit.pdf', new TextEncoder().encode('not a pdf at all')),
      400,
    );
    expect(fake.error.details[0]).toMatchObject({ field: 'file' });
    const claim = await answer<{ error: { details: { field: string }[] } }>(
      upload('firm', id, 'years.2025.nonsense', 'a.pdf', PDF),
      400,
    );
    expect(claim.error.details[0]!.field).toBe('claim');
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    // Refused while it streams in, as too large, naming the file.
    const tooBig = await answer<{ error: { code: string; message: { zh: string } } }>(
      upload('firm', id, 'other', 'big.pdf', big),
      413,
    );
    expect(tooBig.error).toMatchObject({ code: 'file_too_large', message: { zh: expect.stringContaining('big.pdf') } });
    await answer(upload('district', id, 'other', 'x.pdf', PDF), 403);
    const file = await get('district', `/api/v1/evidence/${stored.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    await answer(get('otherReviewer', `/api/v1/evidence/${stored.id}`), 404);
  });

  it('submits only with the pledge signed and a qualifying evaluation, which is frozen', async () => {
    await answer(
      post('firm', `/api/v1/applications/${id}/submit`, { version, pledge: { accepted: false, signer: '张三' } }),
      400,
    );
    const refused = await answer<{ error: { code: string; message: { zh: string }; details: { field: string }[] } }>(
      post('firm', `/api/v1/applications/${id}/submit`, { version, pledge: { accepted: true, signer: '张三' } }),
      422,
    );
    expect(refused.error.code).toBe('not_qualified');
    expect(refused.error.message.zh).toContain('2022版');
    expect(refused.error.details.length).toBeGreaterThan(0);
    // The firm declares the figures its policy file calls typical, and the evaluation qualifies.
    await answer(post('firm', `/api/v1/enterprises/${FIRM_A.uscc}/facts`, { facts: INNOVATIVE }), 200);
    const sent = await answer<App & { submittedDecisionId: number; pledge: { signer: string } }>(
      post('firm', `/api/v1/applications/${id}/submit`, { version, pledge: { accepted: true, signer: '张三' } }),
      200,
    );
    expect(sent).toMatchObject({ status: 'in_review', step: 0, dueOn: '2026-05-27', version: version + 1 });
    expect(sent.pledge.signer).toBe('张三');
    version = sent.version;
    const detail = await app(id);
    expect((detail.submittedEvaluation as { verdict: string; edition: string }).verdict).toBe('qualified');
    await answer(upload('firm', id, 'other', 'late.pdf', PDF), 409);
  });

  it('is refused to the wrong level, and one of two reviewers acting at once wins', async () => {
    await answer(post('city', `/api/v1/applications/${id}/review`, { action: 'approve', version }), 403);
    const [a, b] = await Promise.all([
      post('district', `/api/v1/applications/${id}/review`, { action: 'approve', version }),
      post('district', `/api/v1/applications/${id}/review`, { action: 'approve', version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = (await (a.status === 409 ? a : b).json()) as { error: { code: string; message: { zh: string } } };
    expect(loser.error.code).toBe('stale_version');
    expect(loser.error.message.zh).toContain('请刷新后重试');
    const now = await app(id);
    expect(now).toMatchObject({ status: 'in_review', step: 1, version: version + 1 });
    version = now.version;
  });

  it('the city returns it with what to fix; the firm corrects and resubmits to the city', async () => {
    await answer(post('city', `/api/v1/applications/${id}/review`, { action: 'return', version }), 400);
    const back = await answer<App & { note: string }>(
      post('city', `/api/v1/applications/${id}/review`, {
        action: 'return',
        version,
        note: '请补充研发费用专项审计报告',
      }),
      200,
    );
    expect(back).toMatchObject({
      status: 'returned',
      step: 1,
      dueOn: '2026-05-22',
      note: '请补充研发费用专项审计报告',
    });
    version = back.version;
    const inbox = await answer<{ items: { kind: string; due: string }[] }>(get('firm', '/api/v1/inbox'), 200);
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'correct', due: '2026-05-22' }));
    await answer(upload('firm', id, 'years.2025.rdExpense', '研发费用专项审计报告.pdf', PDF), 201);
    const again = await answer<App>(
      post('firm', `/api/v1/applications/${id}/resubmit`, { version, note: '已补充审计报告' }),
      200,
    );
    expect(again).toMatchObject({ status: 'in_review', step: 1 });
    version = again.version;
    const queue = await answer<{ items: { id: number }[] }>(get('city', '/api/v1/applications'), 200);
    expect(queue.items.map((x) => x.id)).toContain(id);
    const districtQueue = await answer<{ items: { id: number }[] }>(get('district', '/api/v1/applications'), 200);
    expect(districtQueue.items.map((x) => x.id)).not.toContain(id);
  });

  it('the province corrects a fact with a reason, the evaluation re-runs, a spot check is recorded, and it approves', async () => {
    const ok = await answer<App>(
      post('city', `/api/v1/applications/${id}/review`, { action: 'approve', version }),
      200,
    );
    expect(ok).toMatchObject({ status: 'in_review', step: 2 });
    version = ok.version;
    await answer(
      post('jiangsu', `/api/v1/applications/${id}/overrides`, {
        version,
        facts: { years: { '2025': { rdExpense: 1_400_000 } } },
      }),
      400,
    );
    const fixed = await answer<{ application: App; evaluation: { verdict: string } }>(
      post('jiangsu', `/api/v1/applications/${id}/overrides`, {
        version,
        facts: { years: { '2025': { rdExpense: 1_400_000 } } },
        reason: '按专项审计报告核定研发费用',
      }),
      200,
    );
    expect(fixed.evaluation.verdict).toBe('qualified');
    version = fixed.application.version;
    const { items: history } = await answer<{ items: { source: string; reason: string }[] }>(
      get('jiangsu', `/api/v1/enterprises/${FIRM_A.uscc}/facts?path=years.2025.rdExpense`),
      200,
    );
    expect(history.at(-1)).toMatchObject({ source: 'reviewer', reason: '按专项审计报告核定研发费用' });
    await answer(
      post('jiangsu', `/api/v1/applications/${id}/spot-checks`, {
        on: '2026-05-19',
        result: 'passed',
        inspectors: '李四、王五',
        findings: '生产经营正常',
      }),
      400,
    );
    clock = '2026-05-19';
    await answer(
      post('jiangsu', `/api/v1/applications/${id}/spot-checks`, {
        on: '2026-05-19',
        result: 'passed',
        inspectors: '李四、王五',
        findings: '生产经营正常',
      }),
      201,
    );
    const done = await answer<App>(
      post('jiangsu', `/api/v1/applications/${id}/review`, { action: 'approve', version }),
      200,
    );
    expect(done).toMatchObject({ status: 'approved', dueOn: null });
    const detail = await answer<{ events: { action: string }[] }>(get('jiangsu', `/api/v1/applications/${id}`), 200);
    expect(detail.events.map((e) => e.action)).toEqual([
      'create',
      'evidence_add',
      'submit',
      'approve',
      'return',
      'evidence_add',
      'resubmit',
      'approve',
      'override',
      'spot_check',
      'approve',
    ]);
  });

  it('is published; objections are taken while it runs, with a contact, and resolved before the decision', async () => {
    clock = '2026-05-20';
    await answer(post('city', `/api/v1/batches/${batch}/notices`, {}), 403);
    // The deciding level of another province is not this batch's deciding authority.
    await answer(post('otherReviewer', `/api/v1/batches/${batch}/notices`, {}), 403);
    const notice = await answer<{ id: number; listed: number; endsOn: string }>(
      post('jiangsu', `/api/v1/batches/${batch}/notices`, {}),
      201,
    );
    expect(notice).toMatchObject({ listed: 1, endsOn: '2026-05-26' });
    noticeId = notice.id;
    const shown = await answer<{ state: string; firms: { id: number; uscc: string }[] }>(
      get('anonymous', `/api/v1/notices/${noticeId}`),
      200,
    );
    expect(shown.state).toBe('open');
    expect(shown.firms).toEqual([expect.objectContaining({ id, uscc: FIRM_A.uscc })]);
    const objection = {
      applicationId: id,
      text: '该企业研发投入数据与实际不符，请核实。',
      contactName: '赵六',
      contact: '13800000000',
    };
    const bad = await answer<{ error: { details: { field: string }[] } }>(
      post('anonymous', `/api/v1/notices/${noticeId}/objections`, { ...objection, contact: 'call me' }),
      400,
    );
    expect(bad.error.details.map((d) => d.field)).toEqual(['contact']);
    const lodged = await answer<{ id: number }>(
      post('anonymous', `/api/v1/notices/${noticeId}/objections`, objection),
      201,
    );
    // One client may lodge a few an hour, counted through the trusted proxy: the sixth is refused
    // with 429 and the wait, while another client behind the same proxy is not.
    t.platform.trustedProxies = trustedProxies('10.0.0.0/8');
    const lodge = (from: string, forwardedFor?: string) =>
      t.request(`/api/v1/notices/${noticeId}/objections`, {
        method: 'POST',
        json: objection,
        from,
        ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
      });
    const client = '203.0.113.9';
    const burst: number[] = [];
    for (let i = 0; i < OBJECTIONS_PER_HOUR; i++)
      burst.push((await answer<{ id: number }>(lodge('10.0.0.2', client), 201)).id);
    const refused = await lodge('10.0.0.3', client);
    expect((await answer<{ error: { code: string } }>(refused.clone(), 429)).error.code).toBe('too_many_objections');
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3600);
    burst.push((await answer<{ id: number }>(lodge('10.0.0.2', '203.0.113.10'), 201)).id);
    // From outside the proxy, naming another client in the header changes nothing.
    await answer(lodge(client, '192.0.2.77'), 429);
    for (const o of burst)
      await answer(
        post('jiangsu', `/api/v1/objections/${o}/resolve`, { outcome: 'dismissed', resolution: '重复提交' }),
        200,
      );
    const running = await answer<{ error: { code: string } }>(
      post('jiangsu', `/api/v1/notices/${noticeId}/decide`),
      409,
    );
    expect(running.error.code).toBe('notice_running');
    clock = '2026-05-27';
    const late = await answer<{ error: { code: string } }>(
      post('anonymous', `/api/v1/notices/${noticeId}/objections`, objection),
      409,
    );
    expect(late.error.code).toBe('notice_closed');
    const inbox = await answer<{ items: { kind: string }[] }>(get('jiangsu', '/api/v1/inbox'), 200);
    expect(inbox.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['decide', 'objection']));
    const blocked = await answer<{ error: { code: string } }>(
      post('jiangsu', `/api/v1/notices/${noticeId}/decide`),
      409,
    );
    expect(blocked.error.code).toBe('objections_open');
    await answer(
      post('jiangsu', `/api/v1/objections/${lodged.id}/resolve`, { outcome: 'dismissed', resolution: '' }),
      400,
    );
    await answer(
      post('jiangsu', `/api/v1/objections/${lodged.id}/resolve`, {
        outcome: 'dismissed',
        resolution: '经核查专项审计报告，研发投入属实',
      }),
      200,
    );
  });

  it('the decision grants a numbered title for 3 years, in the register and in the firm’s profile', async () => {
    const decided = await answer<{ certified: { application: number; certificateNo: string }[] }>(
      post('jiangsu', `/api/v1/notices/${noticeId}/decide`),
      200,
    );
    expect(decided.certified).toEqual([{ application: id, certificateNo: 'CXX-32-2026-00001' }]);
    const detail = await app(id);
    expect(detail.status).toBe('certified');
    const title = detail.title as { id: number; validFrom: string; validTo: string };
    expect(title).toMatchObject({ validFrom: '2026-05-27', validTo: '2029-05-26' });
    titleId = title.id;
    const found = await answer<{ items: { certificateNo: string; state: string }[] }>(
      get('anonymous', `/api/v1/titles?q=${encodeURIComponent(FIRM_A.name.slice(0, 4))}`),
      200,
    );
    expect(found.items).toEqual([expect.objectContaining({ certificateNo: 'CXX-32-2026-00001', state: 'valid' })]);
    const pdf = await get('anonymous', `/api/v1/titles/${titleId}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('(CXX-32-2026-00001)'); // the document's title
    const byCode = await answer<{ total: number }>(
      get('anonymous', `/api/v1/titles?q=${FIRM_A.uscc.slice(0, 10)}`),
      200,
    );
    expect(byCode.total).toBe(1);
    const profile = await answer<{ honors: Record<string, unknown>[] }>(
      get('firm', `/api/v1/enterprises/${FIRM_A.uscc}/profile`),
      200,
    );
    expect(profile.honors).toContainEqual({
      kind: 'innovative_sme',
      validFrom: '2026-05-27',
      validTo: '2029-05-26',
      certificateNo: 'CXX-32-2026-00001',
    });
    const { items: history } = await answer<{ items: { source: string }[] }>(
      get('firm', `/api/v1/enterprises/${FIRM_A.uscc}/facts?path=honors`),
      200,
    );
    expect(history.at(-1)!.source).toBe('recognition');
    // Holding 创新型 now meets the 专精特新 ladder condition.
    const ladder = await answer<{ criteria: { id: string; status: string }[] }>(
      post('firm', `/api/v1/enterprises/${FIRM_A.uscc}/evaluate?policy=cn.miit.specialized-sme&asOf=2026-06-01`),
      200,
    );
    expect(ladder.criteria.find((c) => /ladder|innovative/i.test(c.id))?.status).toBe('met');
  });

  it('replays the frozen submission to the same result', async () => {
    const detail = await app(id);
    const replay = await answer<{ identical: boolean }>(
      post('firm', `/api/v1/decisions/${detail.submittedDecisionId}/replay`),
      200,
    );
    expect(replay.identical).toBe(true);
  });

  it('reminds of the yearly update before 31 May and of the end of the title 90 days before', async () => {
    clock = '2027-04-15';
    let inbox = await answer<{ items: { kind: string; due: string }[] }>(get('firm', '/api/v1/inbox'), 200);
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'yearly_update', due: '2027-05-31' }));
    clock = '2027-03-31';
    inbox = await answer(get('firm', '/api/v1/inbox'), 200);
    expect(inbox.items.map((i) => i.kind)).not.toContain('yearly_update');
    clock = '2029-02-24';
    inbox = await answer(get('firm', '/api/v1/inbox'), 200);
    expect(inbox.items.map((i) => i.kind)).not.toContain('expiry');
    clock = '2029-02-25'; // 90 days before 2029-05-26
    inbox = await answer(get('firm', '/api/v1/inbox'), 200);
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'expiry', due: '2029-05-26' }));
  });

  it('re-reviews (复核) a title ending within a year, and refuses one that lasts longer', async () => {
    clock = '2027-06-01';
    const early = await answer<{ id: number }>(
      post('jiangsu', '/api/v1/batches', {
        policyId: 'cn.miit.innovative-sme',
        title: '2027年江苏省创新型中小企业评价',
        levels: ['city', 'province'],
        opensOn: '2027-06-01',
        closesOn: '2027-06-30',
      }),
      201,
    );
    const held = await answer<{ error: { code: string } }>(
      post('firm', `/api/v1/batches/${early.id}/applications`),
      409,
    );
    expect(held.error.code).toBe('already_held');
    clock = '2029-03-01';
    const later = await answer<{ id: number }>(
      post('jiangsu', '/api/v1/batches', {
        policyId: 'cn.miit.innovative-sme',
        title: '2029年江苏省创新型中小企业复核',
        levels: ['city', 'province'],
        opensOn: '2029-03-01',
        closesOn: '2029-03-31',
      }),
      201,
    );
    const renewal = await answer<{ kind: string }>(post('firm', `/api/v1/batches/${later.id}/applications`), 201);
    expect(renewal.kind).toBe('renewal');
  });

  it('revokes for data fraud: the title ends, its honour ends the day before, and new applications are barred 3 years', async () => {
    clock = '2028-01-10';
    await answer(
      post('city', `/api/v1/titles/${titleId}/revoke`, { reason: 'data_fraud', note: '经查研发费用造假' }),
      403,
    );
    const unknown = await answer<{ error: { details: { message: string }[] } }>(
      post('jiangsu', `/api/v1/titles/${titleId}/revoke`, { reason: 'bad_luck', note: 'x' }),
      400,
    );
    expect(unknown.error.details[0]!.message).toContain('data_fraud');
    const revoked = await answer<{ state: string; barredUntil: string; revokedOn: string }>(
      post('jiangsu', `/api/v1/titles/${titleId}/revoke`, { reason: 'data_fraud', note: '经查研发费用造假' }),
      200,
    );
    expect(revoked).toMatchObject({ state: 'revoked', revokedOn: '2028-01-10', barredUntil: '2031-01-09' });
    const profile = await answer<{ honors: { certificateNo?: string; validTo: string }[] }>(
      get('firm', `/api/v1/enterprises/${FIRM_A.uscc}/profile`),
      200,
    );
    expect(profile.honors.find((h) => h.certificateNo === 'CXX-32-2026-00001')!.validTo).toBe('2028-01-09');
    const open = async (day: string) => {
      clock = day;
      const b = await answer<{ id: number }>(
        post('jiangsu', '/api/v1/batches', {
          policyId: 'cn.miit.specialized-sme',
          title: `专精特新 ${day}`,
          levels: ['city', 'province'],
          opensOn: day,
          closesOn: day,
        }),
        201,
      );
      return post('firm', `/api/v1/batches/${b.id}/applications`);
    };
    // The bar covers the whole programme (创新型 → 专精特新 → 小巨人), to its last day.
    expect((await answer<{ error: { code: string } }>(open('2031-01-09'), 409)).error.code).toBe('barred');
    await answer(open('2031-01-10'), 201);
  });
});

describe('editions: a batch evaluated as of its own date', () => {
  it('keeps the 2022 专精特新 standard for a batch dated before 2026-04-01, at every level and in the replay', async () => {
    const uscc = FIRM_A.uscc;
    clock = '2026-03-20';
    const b = await answer<{ id: number; edition: string }>(
      post('jiangsu', '/api/v1/batches', {
        policyId: 'cn.miit.specialized-sme',
        title: '2026年江苏省专精特新中小企业认定（第一批）',
        levels: ['city', 'province'],
        opensOn: '2026-03-20',
        closesOn: '2026-04-30',
        asOf: '2026-03-31',
      }),
      201,
    );
    expect(b.edition).toBe('2022');
    // Scores 59 under 2022 (one short) while meeting every 2026 condition: refused under 2022. The
    // figures and titles are a reviewer's correction: the firm's own would wait beside the registry's.
    await corrected(uscc, withoutRegion(SPECIALIZED.weak!));
    const a = await answer<App>(post('firm', `/api/v1/batches/${b.id}/applications`), 201);
    const refused = await answer<{ error: { message: { zh: string } } }>(
      post('firm', `/api/v1/applications/${a.id}/submit`, {
        version: a.version,
        pledge: { accepted: true, signer: '张三' },
      }),
      422,
    );
    expect(refused.error.message.zh).toContain('2022版');
    await corrected(uscc, withoutRegion(SPECIALIZED.firm!));
    const sent = await answer<App & { submittedDecisionId: number }>(
      post('firm', `/api/v1/applications/${a.id}/submit`, {
        version: a.version,
        pledge: { accepted: true, signer: '张三' },
      }),
      200,
    );
    clock = '2026-06-15'; // the 2026 standard is in force now
    const ok = await answer<App & { decisionId: number }>(
      post('city', `/api/v1/applications/${a.id}/review`, { action: 'approve', version: sent.version }),
      200,
    );
    const detail = await answer<{ evaluation: { edition: string; asOf: string } }>(
      get('city', `/api/v1/applications/${a.id}`),
      200,
    );
    expect(detail.evaluation).toMatchObject({ edition: '2022', asOf: '2026-03-31' });
    for (const decision of [sent.submittedDecisionId, ok.decisionId]) {
      const replay = await answer<{ identical: boolean; replayed: { edition: string } }>(
        post('city', `/api/v1/decisions/${decision}/replay`),
        200,
      );
      expect(replay).toMatchObject({ identical: true, replayed: { edition: '2022' } });
    }
  });
});

describe('a batch’s evaluation date', () => {
  it('falls within its window: the last day is taken, the day after refused naming asOf', async () => {
    clock = '2026-07-01';
    const open = (asOf: string) =>
      post('jiangsu', '/api/v1/batches', {
        policyId: 'cn.miit.innovative-sme',
        title: `评价基准日测试 ${asOf}`,
        levels: ['district', 'city', 'province'],
        opensOn: '2026-07-10',
        closesOn: '2026-08-10',
        asOf,
      });
    expect(await answer<{ asOf: string }>(open('2026-08-10'), 201)).toMatchObject({ asOf: '2026-08-10' });
    for (const late of ['2026-08-11', '2099-01-01']) {
      const e = await answer<{ error: { details: { field: string }[] } }>(open(late), 400);
      expect(e.error.details.map((d) => d.field)).toEqual(['asOf']);
    }
  });
});

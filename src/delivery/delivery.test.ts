/**
 * Policy delivery through the API on a real database: a reviewer screens 新吴 for its high-tech
 * reward, the lists say who and why, the list is published, a firm confirms in one click, the
 * reviewer exports the payment list and records payment back (as JSON and as the sheet), and the
 * totals add up. Then 快申快享 for a firm the data cannot decide, a screening killed mid-batch that
 * resumes without losing or repeating a firm, the sandbox, and reloading the policy files.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFacts } from '../enterprises/ledger.ts';
import { projector } from '../enterprises/tags.ts';
import type { Profile } from '../facts/profile.ts';
import { createUser } from '../platform/auth.ts';
import { POLICY_DIR } from '../policy/library.ts';
import { answer, PASSWORD, screeningDone, testApp, usccFor, type Send, type TestApp } from '../server/test-app.ts';
import { claims, screeningResults, screenings } from './schema.ts';
import { runScreening } from './screening.ts';

const XINWU = 'local.320214.high-tech-reward';
const HANGZHOU = 'local.330100.rd-subsidy';
const AS_OF = '2026-03-01';

let t: TestApp;
let clock = '2026-03-02';
const as: Record<string, Send> = {};

const post = (who: string, path: string, body: unknown = {}) => as[who]!(path, { method: 'POST', json: body });
const get = (who: string, path: string) => as[who]!(path);

const cert = (validFrom: string) => ({
  kind: 'high_tech_enterprise',
  validFrom,
  validTo: `${Number(validFrom.slice(0, 4)) + 3}-${validFrom.slice(5)}`,
});
const firm = (serial: number, name: string, extra: Partial<Profile> = {}): Profile => ({
  uscc: usccFor('320214', serial),
  name,
  regionCode: '320214',
  industryCode: 'C3562',
  ...extra,
});
const ELIGIBLE_1 = firm(101, '无锡新吴甲测试科技有限公司', { honors: [cert('2025-11-20')] });
const ELIGIBLE_2 = firm(102, '无锡新吴乙测试科技有限公司', { honors: [cert('2025-12-05')] });
const RENEWED = firm(103, '无锡新吴丙测试科技有限公司', { honors: [cert('2022-11-20'), cert('2025-11-20')] });
const DISHONEST = firm(104, '无锡新吴丁测试科技有限公司', {
  honors: [cert('2025-11-20')],
  compliance: { seriousDishonesty: true },
});
const EARLIER = firm(105, '无锡新吴戊测试科技有限公司', { honors: [cert('2024-11-20')] });
/** Certified last year with last year's revenue unknown: 东城园 would pay, but how much is not known. */
const DONGCHENG_FIRM: Profile = {
  uscc: usccFor('110101', 301),
  name: '北京东城测试科技有限公司',
  regionCode: '110101',
  industryCode: 'I6513',
  honors: [{ kind: 'high_tech_enterprise', validFrom: '2025-10-10', validTo: '2028-10-09' }],
};
const HANGZHOU_FIRM: Profile = {
  uscc: usccFor('330106', 201),
  name: '杭州西湖测试软件有限公司',
  regionCode: '330106',
  industryCode: 'I6513',
  honors: [{ kind: 'high_tech_enterprise', validFrom: '2024-12-01', validTo: '2027-11-30' }],
};

const waitDone = (who: string, id: number) => screeningDone(as[who]!, id);

beforeAll(async () => {
  t = await testApp();
  t.platform.today = () => clock;
  const project = projector(t.platform.policies, AS_OF);
  for (const f of [ELIGIBLE_1, ELIGIBLE_2, RENEWED, DISHONEST, EARLIER, HANGZHOU_FIRM, DONGCHENG_FIRM]) {
    const { uscc, ...facts } = f;
    await recordFacts(t.platform.db, uscc!, facts, { source: 'registry', actor: 'test' }, project);
  }
  for (const [username, uscc, name] of [
    ['firm-e1', ELIGIBLE_1.uscc, ELIGIBLE_1.name],
    ['firm-e2', ELIGIBLE_2.uscc, ELIGIBLE_2.name],
    ['firm-hz', HANGZHOU_FIRM.uscc, HANGZHOU_FIRM.name],
  ] as const)
    await createUser(t.platform.db, {
      username,
      password: PASSWORD,
      displayName: name as string,
      role: 'enterprise',
      uscc: uscc!,
    });
  for (const who of ['reviewer', 'districtReviewer', 'otherReviewer', 'admin', 'firm', 'bank'] as const)
    as[who] = await t.as(who);
  for (const u of ['firm-e1', 'firm-e2', 'firm-hz']) as[u] = (await t.login(u)).send;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe(`免申即享 from screening to payment on ${process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let screening: number;
  let claim: { id: number; version: number; amount: number };

  it('screens 新吴 as a background job: every firm of the zone once, and no one outside it', async () => {
    const s = await answer<{ id: number; status: string; regionCode: string }>(
      post('reviewer', '/api/v1/screenings', { policyId: XINWU, asOf: AS_OF }),
      202,
    );
    expect(s.regionCode).toBe('320214'); // 无锡 cut down to the policy's zone
    screening = s.id;
    const done = await waitDone('reviewer', screening);
    expect(done).toMatchObject({
      status: 'done',
      total: 5,
      processed: 5,
      counts: { qualified: 2, not_qualified: 3, undetermined: 0 },
      amounts: { qualified: 800000 },
    });
  });

  it('lists the eligible with their amounts and the ineligible with the condition they fail', async () => {
    const ok = await answer<{ items: { uscc: string; amount: number }[]; total: number }>(
      get('reviewer', `/api/v1/screenings/${screening}/results?verdict=qualified`),
      200,
    );
    expect(ok.items.map((i) => [i.uscc, i.amount])).toEqual([
      [ELIGIBLE_1.uscc, 400000],
      [ELIGIBLE_2.uscc, 400000],
    ]);
    const no = await answer<{ items: { uscc: string; failed: { id: string; title: { zh: string } }[] }[] }>(
      get('reviewer', `/api/v1/screenings/${screening}/results?verdict=not_qualified`),
      200,
    );
    const why = Object.fromEntries(no.items.map((i) => [i.uscc, i.failed.map((f) => f.id)]));
    expect(why).toEqual({
      [RENEWED.uscc!]: ['firstTime'],
      [DISHONEST.uscc!]: ['credit'],
      [EARLIER.uscc!]: ['certified', 'firstTime'],
    });
    expect(no.items.find((i) => i.uscc === DISHONEST.uscc)!.failed[0]!.title.zh).toContain('信用审查');
  });

  it('replays a firm’s decision record from its ledger entry and the policy version', async () => {
    const r = await answer<{ identical: boolean; evaluation: { verdict: string } }>(
      get('reviewer', `/api/v1/screenings/${screening}/results/${DISHONEST.uscc}/replay`),
      200,
    );
    expect(r).toMatchObject({ identical: true, evaluation: { verdict: 'not_qualified' } });
  });

  it('refuses a reviewer whose region the policy does not reach, and others’ screenings', async () => {
    const e = await answer<{ error: { code: string } }>(
      post('districtReviewer', '/api/v1/screenings', { policyId: XINWU, asOf: AS_OF }),
      422,
    );
    expect(e.error.code).toBe('outside_policy_region');
    // Another region's screening answers as one that does not exist.
    await answer(get('otherReviewer', `/api/v1/screenings/${screening}`), 404);
    await answer(post('bank', '/api/v1/screenings', { policyId: XINWU }), 403);
    await answer(post('reviewer', '/api/v1/screenings', { policyId: 'cn.most.tech-sme' }), 422);
  });

  it('publishes the list: the eligible firms find an offer in their inbox', async () => {
    const r = await answer(post('reviewer', `/api/v1/screenings/${screening}/publish`, {}), 200);
    expect(r).toMatchObject({ offered: 2, invited: 0, respondBy: '2026-03-17' });
    await answer(post('reviewer', `/api/v1/screenings/${screening}/publish`, {}), 409);
    const mine = await answer<{ items: { id: number; version: number; amount: number; status: string }[] }>(
      get('firm-e1', '/api/v1/claims'),
      200,
    );
    expect(mine.items).toHaveLength(1);
    claim = mine.items[0]!;
    expect(claim).toMatchObject({ status: 'offered', amount: 400000 });
    const inbox = await answer<{ items: { kind: string; link: { type: string; id: number } }[] }>(
      get('firm-e1', '/api/v1/inbox'),
      200,
    );
    expect(inbox.items).toContainEqual(
      expect.objectContaining({ kind: 'confirm_claim', link: { type: 'claim', id: claim.id } }),
    );
    // Another firm sees neither the claim nor the region's list.
    await answer(get('firm', `/api/v1/claims/${claim.id}`), 404);
  });

  it('confirms in one click with the firm’s own account; a wrong account is named field by field', async () => {
    const bad = await answer<{ error: { details: { field: string }[] } }>(
      post('firm-e1', `/api/v1/claims/${claim.id}/confirm`, {
        version: claim.version,
        bankName: '',
        accountName: '别人的公司',
        accountNo: '12 34',
      }),
      400,
    );
    expect(bad.error.details.map((d) => d.field).sort()).toEqual(['accountName', 'accountNo', 'bankName']);
    const account = {
      bankName: '中国银行无锡新区支行',
      accountName: ELIGIBLE_1.name as string,
      accountNo: '4987 6543 2101 2345 678',
    };
    const ok = await answer<{ status: string; accountNo: string; version: number }>(
      post('firm-e1', `/api/v1/claims/${claim.id}/confirm`, { version: claim.version, ...account }),
      200,
    );
    expect(ok).toMatchObject({ status: 'confirmed', accountNo: '4987654321012345678' });
    await answer(post('firm-e1', `/api/v1/claims/${claim.id}/confirm`, { version: claim.version, ...account }), 409);
    const other = (await answer<{ items: { id: number; version: number }[] }>(get('firm-e2', '/api/v1/claims'), 200))
      .items[0]!;
    await answer(post('firm-e1', `/api/v1/claims/${other.id}/decline`, { version: other.version }), 404);
    await answer(post('firm-e2', `/api/v1/claims/${other.id}/decline`, { version: other.version }), 200);
  });

  it('exports the confirmed list as .xlsx and records payment from the sheet sent back', async () => {
    const res = await post('reviewer', `/api/v1/policies/${XINWU}/payments/export`);
    expect(res.status).toBe(200);
    // The export is recorded on the claim it lists, so it changes data and is never a GET.
    const [exported] = await t.platform.db
      .select({ at: claims.exportedAt })
      .from(claims)
      .where(eq(claims.id, claim.id));
    expect(exported!.at).toBeInstanceOf(Date);
    expect((await get('reviewer', `/api/v1/policies/${XINWU}/payments.xlsx`)).status).toBe(404);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(claim.id);
    expect(row.getCell(5).value).toBe(400000);
    expect(row.getCell(8).value).toBe('4987654321012345678'); // text: every digit kept
    row.getCell(10).value = '已支付';
    row.getCell(11).value = '2026-03-05';
    row.getCell(12).value = 'PAY-2026-0001';
    const bad = sheet.addRow([999999, '', '', '', '', '', '', '', '', '已支付', '2026-03-05', 'X']);
    bad.commit();
    const form = new FormData();
    form.append('file', new File([Buffer.from(await book.xlsx.writeBuffer())], 'back.xlsx'));
    clock = '2026-03-06';
    const r = await answer<{ recorded: number; errors: { at: string; message: string }[] }>(
      as.reviewer!(`/api/v1/policies/${XINWU}/payments/sheet`, { method: 'POST', body: form }),
      200,
    );
    expect(r.recorded).toBe(1);
    expect(r.errors).toEqual([{ at: 'row 3', claimId: 999999, message: expect.stringContaining('not a claim') }]);
    const paid = await answer<{ status: string; paidOn: string; paymentRef: string }>(
      get('firm-e1', `/api/v1/claims/${claim.id}`),
      200,
    );
    expect(paid).toMatchObject({ status: 'paid', paidOn: '2026-03-05', paymentRef: 'PAY-2026-0001' });
  });

  it('answers 404 naming the policy for payments of a policy the platform does not have', async () => {
    const unknown = 'local.320214.no-such-reward';
    const sheet = new FormData();
    sheet.append('file', new File(['not read'], 'back.xlsx'));
    for (const res of [
      post('reviewer', `/api/v1/policies/${unknown}/payments`, {
        items: [{ claimId: claim.id, status: 'paid', paidOn: '2026-03-05', reference: 'X' }],
      }),
      as.reviewer!(`/api/v1/policies/${unknown}/payments/sheet`, { method: 'POST', body: sheet }),
      post('reviewer', `/api/v1/policies/${unknown}/payments/export`),
    ]) {
      const e = await answer<{ error: { code: string; message: { zh: string } } }>(res, 404);
      expect(e.error.code).toBe('not_found');
      expect(e.error.message.zh).toContain(unknown);
    }
  });

  it('records payment as JSON too, refusing what cannot be paid and keeping the rest', async () => {
    const declined = (await answer<{ items: { id: number }[] }>(get('firm-e2', '/api/v1/claims'), 200)).items[0]!;
    const r = await answer<{ recorded: number; errors: { message: string }[] }>(
      post('reviewer', `/api/v1/policies/${XINWU}/payments`, {
        items: [{ claimId: declined.id, status: 'paid', paidOn: '2026-03-05', reference: 'X' }],
      }),
      200,
    );
    expect(r.recorded).toBe(0);
    expect(r.errors[0]!.message).toContain('declined');
  });

  it('shows a reviewer the region’s claims without their bank accounts', async () => {
    const list = await answer<{ items: { id: number; accountNo: string | null }[] }>(
      get('reviewer', `/api/v1/claims?policy=${XINWU}&status=paid`),
      200,
    );
    expect(list.items.find((c) => c.id === claim.id)!.accountNo).toBe('****5678');
  });

  it('refuses impossible dates, dates to come and ids beyond any row, naming the field', async () => {
    const e = await answer<{ error: { details: { field: string }[] } }>(
      post('reviewer', '/api/v1/screenings', { policyId: XINWU, asOf: '2026-02-30' }),
      400,
    );
    expect(e.error.details[0]!.field).toBe('asOf');
    await answer(post('reviewer', '/api/v1/screenings', { policyId: XINWU, asOf: '2099-01-01' }), 400);
    await answer(get('reviewer', '/api/v1/claims/3000000000'), 400);
    const bad = await answer<{ error: { details: { field: string }[] } }>(
      post('reviewer', `/api/v1/policies/${XINWU}/payments`, {
        items: [{ claimId: claim.id, status: 'paid', paidOn: '2026-02-30', reference: 'X' }],
      }),
      400,
    );
    expect(bad.error.details[0]!.field).toBe('items[0].paidOn');
  });

  it('totals the policy by status against its budget', async () => {
    const totals = await answer<{ budget: number; paid: number; byStatus: { status: string; firms: number }[] }>(
      get('reviewer', `/api/v1/policies/${XINWU}/delivery`),
      200,
    );
    expect(totals.budget).toBe(100000000);
    expect(totals.paid).toBe(400000);
    expect(Object.fromEntries(totals.byStatus.map((s) => [s.status, s.firms]))).toEqual({ paid: 1, declined: 1 });
  });
});

describe('快申快享: a firm the data cannot decide supplies the facts and is checked again', () => {
  it('invites a firm that qualifies while its amount is still unknown, rather than offering nothing', async () => {
    const s = await answer<{ id: number }>(
      post('admin', '/api/v1/screenings', { policyId: 'local.110101.high-tech-reward', asOf: '2026-03-01' }),
      202,
    );
    const done = await waitDone('admin', s.id);
    expect(done).toMatchObject({ counts: { qualified: 0, undetermined: 1 } });
    const list = await answer<{ items: { uscc: string; missing: string[] }[] }>(
      get('admin', `/api/v1/screenings/${s.id}/results?verdict=undetermined`),
      200,
    );
    expect(list.items[0]).toMatchObject({
      uscc: DONGCHENG_FIRM.uscc,
      missing: ['years.2025.rdExpense', 'years.2025.revenue'],
    });
  });

  it('invites, takes the facts, and turns the invitation into an offer', async () => {
    clock = '2026-05-02';
    const s = await answer<{ id: number }>(
      post('admin', '/api/v1/screenings', { policyId: HANGZHOU, asOf: '2026-05-01' }),
      202,
    );
    const done = await waitDone('admin', s.id);
    expect(done).toMatchObject({ counts: { qualified: 0, not_qualified: 0, undetermined: 1 } });
    const list = await answer<{ items: { missing: string[] }[] }>(
      get('admin', `/api/v1/screenings/${s.id}/results?verdict=undetermined`),
      200,
    );
    expect(list.items[0]!.missing).toEqual(['years.2024.rdExpense', 'years.2025.rdExpense']);
    expect(
      await answer(post('admin', `/api/v1/screenings/${s.id}/publish`, { respondBy: '2026-06-30' }), 200),
    ).toMatchObject({
      invited: 1,
    });
    const invite = (
      await answer<{ items: { id: number; version: number; status: string }[] }>(get('firm-hz', '/api/v1/claims'), 200)
    ).items[0]!;
    expect(invite.status).toBe('invited');
    await answer(
      post('firm-hz', `/api/v1/enterprises/${HANGZHOU_FIRM.uscc}/facts`, {
        facts: { years: { '2025': { rdExpense: 3_000_000 }, '2024': { rdExpense: 2_000_000 } } },
      }),
      200,
    );
    // The firm's own figures alone do not pay: the invitation waits for a reviewer to verify them.
    const waiting = await answer<{
      claim: { status: string; version: number; unverified: string[] };
      evaluation: { verdict: string; unverified: string[] };
    }>(post('firm-hz', `/api/v1/claims/${invite.id}/recheck`, { version: invite.version }), 200);
    const declared = ['years.2024.rdExpense', 'years.2025.rdExpense'];
    expect(waiting).toMatchObject({
      claim: { status: 'invited', unverified: declared },
      evaluation: { verdict: 'undetermined', unverified: declared },
    });
    // The reviewer's firm detail reads that firm's claims alone.
    const ofFirm = await answer<{ items: { id: number; uscc: string }[] }>(
      get('admin', `/api/v1/claims?uscc=${HANGZHOU_FIRM.uscc!.toLowerCase()}`),
      200,
    );
    expect(ofFirm.items.map((c) => [c.id, c.uscc])).toEqual([[invite.id, HANGZHOU_FIRM.uscc]]);
    expect(
      await answer(
        post('admin', `/api/v1/enterprises/${HANGZHOU_FIRM.uscc}/facts/verify`, {
          paths: declared,
          reason: '已核对研发费用专项审计报告',
        }),
        200,
      ),
    ).toEqual({ verified: declared, written: 2 });
    const r = await answer<{ claim: { status: string; amount: number }; evaluation: { verdict: string } }>(
      post('firm-hz', `/api/v1/claims/${invite.id}/recheck`, { version: waiting.claim.version }),
      200,
    );
    expect(r).toMatchObject({ claim: { status: 'offered', amount: 200000 }, evaluation: { verdict: 'qualified' } });
  });

  it('an offer not answered by its deadline expires', async () => {
    clock = '2026-07-01';
    const c = (await answer<{ items: { status: string }[] }>(get('firm-hz', '/api/v1/claims'), 200)).items[0]!;
    expect(c.status).toBe('expired');
    clock = '2026-03-06';
  });
});

describe('a screening killed mid-batch resumes without losing or repeating a firm', () => {
  const queued = async () => {
    const p = t.platform;
    const [s] = await p.db
      .insert(screenings)
      .values({
        policyId: XINWU,
        policyHash: p.policies.loaded(XINWU).hash,
        edition: '2020',
        asOf: AS_OF,
        regionCode: '3202',
        startedBy: 1,
        total: 0,
      })
      .returning();
    return s!.id;
  };
  const results = async (id: number) =>
    t.platform.db
      .select({ uscc: screeningResults.uscc, verdict: screeningResults.verdict, amount: screeningResults.amount })
      .from(screeningResults)
      .where(eq(screeningResults.screeningId, id))
      .orderBy(screeningResults.uscc);

  it('keeps the batches committed before the kill, redoes the one it interrupted, and ends equal to a clean run', async () => {
    const clean = await queued();
    await runScreening(t.platform, clean, { batchSize: 2 });
    const expected = await results(clean);
    expect(expected.length).toBeGreaterThanOrEqual(6); // every firm of 无锡 the test holds

    const killed = await queued();
    await expect(
      runScreening(t.platform, killed, {
        batchSize: 2,
        beforeCommit: (n) => {
          if (n === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(await results(killed)).toHaveLength(2); // batch 1 only: batch 2 rolled back with its cursor
    const [mid] = await t.platform.db.select().from(screenings).where(eq(screenings.id, killed));
    expect(mid).toMatchObject({ status: 'running', processed: 2 });

    await runScreening(t.platform, killed, { batchSize: 2 });
    expect(await results(killed)).toEqual(expected);
    const [end] = await t.platform.db.select().from(screenings).where(eq(screenings.id, killed));
    expect(end).toMatchObject({ status: 'done', processed: expected.length });
  });

  it('two runners of one screening share the work: each firm once, the count exact', async () => {
    const id = await queued();
    await Promise.all([runScreening(t.platform, id, { batchSize: 1 }), runScreening(t.platform, id, { batchSize: 1 })]);
    const rows = await results(id);
    expect(new Set(rows.map((r) => r.uscc)).size).toBe(rows.length);
    const [end] = await t.platform.db.select().from(screenings).where(eq(screenings.id, id));
    expect(end!.processed).toBe(rows.length);
    const [n] = await t.platform.db
      .execute(sql`select count(*)::int as n from enterprises where region_code like '3202%'`)
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(rows.length).toBe(n!.n);
  });
});

/** A process that screens one firm per batch, slowly, and says when each batch is about to commit. */
const SCREENER = (url: string, id: number) => `
  import { openDatabase } from ${JSON.stringify(new URL('../platform/database.ts', import.meta.url).href)};
  import { loadLibrary } from ${JSON.stringify(new URL('../policy/library.ts', import.meta.url).href)};
  import { runScreening } from ${JSON.stringify(new URL('./screening.ts', import.meta.url).href)};
  const database = await openDatabase({ url: ${JSON.stringify(url)} });
  const p = { database, db: database.db, policies: loadLibrary(), today: () => '${AS_OF}' };
  const pause = new Int32Array(new SharedArrayBuffer(4));
  await runScreening(p, ${id}, {
    batchSize: 1,
    beforeCommit: (n) => { console.log('batch ' + n); Atomics.wait(pause, 0, 0, 300); },
  });
`;

describe.runIf(!!process.env.HUIQI_TEST_DATABASE_URL)('a screening process killed with SIGKILL', () => {
  it('loses the batch it was writing, and the next run finishes it with every firm once', async () => {
    const { spawn } = await import('node:child_process');
    const url = (t.platform.database as { url?: string }).url!;
    const [s] = await t.platform.db
      .insert(screenings)
      .values({
        policyId: XINWU,
        policyHash: t.platform.policies.loaded(XINWU).hash,
        edition: '2020',
        asOf: AS_OF,
        regionCode: '3202',
        startedBy: 1,
      })
      .returning();
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCREENER(url, s!.id)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Killed while its third batch waits to commit: two batches are in, the third is not.
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('batch 3')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`the screening process ended (${code}) before batch 3`)));
    });
    await new Promise((r) => child.once('exit', r));
    const [killed] = await t.platform.db.select().from(screenings).where(eq(screenings.id, s!.id));
    expect(killed).toMatchObject({ status: 'running', processed: 2 });

    await runScreening(t.platform, s!.id, { batchSize: 2 });
    const rows = await t.platform.db
      .select({ uscc: screeningResults.uscc })
      .from(screeningResults)
      .where(eq(screeningResults.screeningId, s!.id));
    const [n] = await t.platform.db
      .execute(sql`select count(*)::int as n from enterprises where region_code like '3202%'`)
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(rows).toHaveLength(n!.n);
    expect(new Set(rows.map((r) => r.uscc)).size).toBe(n!.n);
    const [end] = await t.platform.db.select().from(screenings).where(eq(screenings.id, s!.id));
    expect(end).toMatchObject({ status: 'done', processed: n!.n });
  });
});

describe('the policy sandbox', () => {
  it('shows what widening the window to two years does: more firms, more money, and which firms move', async () => {
    const r = await answer<{
      before: { counts: { qualified: number }; amount: number };
      after: { counts: { qualified: number }; amount: number };
      movers: { uscc: string; before: { verdict: string }; after: { verdict: string; amount: number } }[];
      parameters: { name: string; from: number; to: number }[];
    }>(post('reviewer', `/api/v1/policies/${XINWU}/sandbox`, { asOf: AS_OF, parameters: { withinYears: 2 } }), 200);
    expect(r.parameters).toEqual([expect.objectContaining({ name: 'withinYears', from: 1, to: 2 })]);
    expect(r.before).toMatchObject({ counts: { qualified: 2 }, amount: 800000 });
    expect(r.after).toMatchObject({ counts: { qualified: 3 }, amount: 1200000 });
    expect(r.movers).toEqual([
      expect.objectContaining({
        uscc: EARLIER.uscc,
        before: expect.objectContaining({ verdict: 'not_qualified' }),
        after: { verdict: 'qualified', amount: 400000 },
      }),
    ]);
  });

  it('names a parameter that does not exist or is not a number', async () => {
    const e = await answer<{ error: { details: { field: string }[] } }>(
      post('reviewer', `/api/v1/policies/${XINWU}/sandbox`, { parameters: { nope: 1 } }),
      400,
    );
    expect(e.error.details[0]!.field).toBe('parameters.nope');
    await answer(post('firm', `/api/v1/policies/${XINWU}/sandbox`, { parameters: {} }), 403);
  });
});

describe('reloading the policy files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'huiqi-policies-'));
    cpSync(POLICY_DIR, dir, { recursive: true });
    t.platform.policyDir = dir;
  });
  afterAll(() => {
    t.platform.policyDir = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  const file = (amount: number, expected: number) => `id: local.320211.test-reward
title: { zh: 滨湖测试奖励, en: Binhu test reward }
issuer: { zh: 测试, en: Test }
kind: reward
editions:
  - edition: "2026"
    from: 2026-01-01
    document: 测试文件
    source: https://example.org/binhu
    parameters:
      amount: { value: ${amount}, unit: yuan, ref: 测试 }
    criteria:
      - id: any
        title: { zh: 任何企业, en: Any firm }
        test: "true"
    outcome: { expr: amount }
    reward:
      region: { code: "320211", name: { zh: 滨湖区, en: Binhu } }
      delivery: no_application
      eligible: { zh: 滨湖企业, en: Binhu firms }
      budget: { value: 1000000, ref: 测试 }
      office: { zh: 测试处, en: Test office }
      phone: "0510-12345678"
      legalBasis: 测试文件
      respondWithinDays: 10
      credit: [seriousDishonesty]
tests:
  - name: pays the amount
    asOf: 2026-06-01
    profile: { regionCode: "320211" }
    expect: { verdict: qualified, outcome: ${expected} }
`;

  it('refuses a file whose own test fails, and keeps the library in use', async () => {
    writeFileSync(join(dir, 'local', 'test-reward.yaml'), file(50000, 60000));
    const e = await answer<{ error: { code: string; details: { field: string; message: string }[] } }>(
      post('admin', '/api/v1/policies/reload'),
      422,
    );
    expect(e.error.code).toBe('policy_tests_failed');
    expect(e.error.details[0]!.message).toContain('pays the amount');
    await answer(get('admin', '/api/v1/policies/local.320211.test-reward'), 404);
  });

  it('refuses a file that does not load, naming the file and line', async () => {
    writeFileSync(
      join(dir, 'local', 'test-reward.yaml'),
      file(50000, 50000).replace('delivery: no_application', 'delivery: by_post'),
    );
    const e = await answer<{ error: { code: string; details: { field: string }[] } }>(
      post('admin', '/api/v1/policies/reload'),
      422,
    );
    expect(e.error.code).toBe('policy_invalid');
    expect(e.error.details[0]!.field).toMatch(/test-reward\.yaml:\d+$/);
  });

  it('loads a dropped-in file whose tests pass; only an administrator reloads', async () => {
    writeFileSync(join(dir, 'local', 'test-reward.yaml'), file(50000, 50000));
    await answer(post('reviewer', '/api/v1/policies/reload'), 403);
    const r = await answer<{ added: string[] }>(post('admin', '/api/v1/policies/reload'), 200);
    expect(r.added).toEqual(['local.320211.test-reward']);
    await answer(get('admin', '/api/v1/policies/local.320211.test-reward'), 200);
  });
});

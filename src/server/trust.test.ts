/**
 * No money and no title on a firm's own word: the probe's findings replayed through the API. A firm
 * writing its own region, titles and clean record gets nothing from them until a reviewer verifies
 * them; a title granted here cannot be removed or changed by the firm.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFacts } from '../enterprises/ledger.ts';
import { projector } from '../enterprises/tags.ts';
import type { Profile } from '../facts/profile.ts';
import { createUser } from '../platform/auth.ts';
import { answer, FIRM_A, PASSWORD, screeningDone, testApp, usccFor, type Send, type TestApp } from './test-app.ts';

const XINWU = 'local.320214.high-tech-reward';
const MINHANG = 'local.310112.specialized-reward';
const AS_OF = '2026-03-01';
const HIGH_TECH = { kind: 'high_tech_enterprise', validFrom: '2025-11-20', validTo: '2028-11-19' };
const CLEAN = { seriousDishonesty: false, abnormalOperationList: false };

/** A firm that registered itself on the portal: nothing about it comes from an authority yet. */
const SELF_MADE: Profile = {
  uscc: usccFor('320214', 301),
  name: '无锡新吴自报测试科技有限公司',
  regionCode: '320214',
  industryCode: 'C3562',
  honors: [HIGH_TECH],
  compliance: CLEAN,
};
const MINHANG_FIRM = { uscc: usccFor('310112', 302), name: '上海闵行测试智能装备有限公司', regionCode: '310112' };

let t: TestApp;
const as: Record<string, Send> = {};
const post = (who: string, path: string, body: unknown = {}) => as[who]!(path, { method: 'POST', json: body });
const get = (who: string, path: string) => as[who]!(path);

async function screened(policyId: string) {
  const s = await answer<{ id: number }>(post('admin', '/api/v1/screenings', { policyId, asOf: AS_OF }), 202);
  expect((await screeningDone(as.admin!, s.id)).status).toBe('done');
  return s.id;
}

const results = (id: number, verdict: string) =>
  answer<{ items: { uscc: string; unverified: string[]; missing: string[] }[] }>(
    get('admin', `/api/v1/screenings/${id}/results?verdict=${verdict}&pageSize=100`),
    200,
  );

beforeAll(async () => {
  t = await testApp();
  t.platform.today = () => '2026-03-06';
  const { uscc, ...facts } = SELF_MADE;
  await recordFacts(
    t.platform.db,
    uscc!,
    facts,
    { source: 'self', actor: 'portal' },
    projector(t.platform.policies, AS_OF),
  );
  const { uscc: mh, ...registered } = MINHANG_FIRM;
  await recordFacts(t.platform.db, mh, registered, { source: 'registry', actor: 'test' });
  for (const [username, code] of [
    ['firm-self', SELF_MADE.uscc!],
    ['firm-mh', mh],
  ] as const)
    await createUser(t.platform.db, {
      username,
      password: PASSWORD,
      displayName: username,
      role: 'enterprise',
      uscc: code,
    });
  for (const who of ['firm', 'reviewer', 'admin'] as const) as[who] = await t.as(who);
  for (const u of ['firm-self', 'firm-mh']) as[u] = (await t.login(u)).send;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('a firm cannot award itself a 免申即享 reward', () => {
  it('writing another district, a title and a clean record itself moves neither its region nor its tags', async () => {
    const written = await answer<{ claims: { path: string; source: string }[] }>(
      post('firm', `/api/v1/enterprises/${FIRM_A.uscc}/facts`, {
        facts: { regionCode: '320214', honors: [HIGH_TECH], compliance: CLEAN },
      }),
      200,
    );
    // Told that its region stays the registry's: its own is kept as its claim.
    expect(written.claims).toEqual([{ path: 'regionCode', source: 'registry' }]);
    const firm = await answer<{ regionCode: string; tags: string[]; sources: Record<string, string> }>(
      get('firm', `/api/v1/enterprises/${FIRM_A.uscc}`),
      200,
    );
    expect(firm.regionCode).toBe(FIRM_A.regionCode); // the registry's, not the firm's word
    expect(firm.sources).toMatchObject({ regionCode: 'registry', honors: 'self' });
    expect(firm.tags).not.toContain('holds:high_tech_enterprise');
    expect(firm.tags).not.toContain(`qualifies:${XINWU}`);
  });

  it('新吴 screens neither it as eligible nor a self-registered firm on its own word: that one waits, 待核实', async () => {
    const id = await screened(XINWU);
    const eligible = await results(id, 'qualified');
    expect(eligible.items.map((r) => r.uscc)).not.toContain(FIRM_A.uscc);
    expect(eligible.items.map((r) => r.uscc)).not.toContain(SELF_MADE.uscc);
    const waiting = (await results(id, 'undetermined')).items.find((r) => r.uscc === SELF_MADE.uscc);
    expect(waiting?.unverified).toEqual(['honors', 'regionCode']);
    expect(
      await answer(post('admin', `/api/v1/screenings/${id}/publish`, { respondBy: '2026-04-30' }), 200),
    ).toMatchObject({ offered: 0, invited: 1 });
  });

  it('puts a correction request in the reviewer’s inbox, and pays only once the reviewer has verified', async () => {
    const inbox = await answer<{ items: { kind: string; link: { type: string; id: unknown } }[] }>(
      get('reviewer', '/api/v1/inbox'),
      200,
    );
    expect(inbox.items).toContainEqual(
      expect.objectContaining({ kind: 'verify_facts', link: { type: 'enterprise', id: SELF_MADE.uscc } }),
    );
    const claim = (
      await answer<{ items: { id: number; version: number; unverified: string[] }[] }>(
        get('firm-self', '/api/v1/claims'),
        200,
      )
    ).items[0]!;
    expect(claim.unverified).toEqual(['honors', 'regionCode']);
    // Saying it again changes nothing.
    const again = await answer<{ claim: { status: string; version: number } }>(
      post('firm-self', `/api/v1/claims/${claim.id}/recheck`, { version: claim.version }),
      200,
    );
    expect(again.claim.status).toBe('invited');
    await answer(
      post('reviewer', `/api/v1/enterprises/${SELF_MADE.uscc}/facts/verify`, {
        paths: ['honors', 'regionCode'],
        reason: '已核对高新技术企业证书与营业执照',
      }),
      200,
    );
    const offered = await answer<{ claim: { status: string; amount: number; version: number } }>(
      post('firm-self', `/api/v1/claims/${claim.id}/recheck`, { version: again.claim.version }),
      200,
    );
    expect(offered.claim).toMatchObject({ status: 'offered', amount: 400000 });
    await answer(
      post('firm-self', `/api/v1/claims/${claim.id}/confirm`, {
        version: offered.claim.version,
        bankName: '中国银行无锡新区支行',
        accountName: SELF_MADE.name,
        accountNo: '6216610100012345678',
      }),
      200,
    );
  });

  it('names the source of each decisive fact on the payment sheet', async () => {
    const res = await post('reviewer', `/api/v1/policies/${XINWU}/payments/export`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('支付清单')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const basis = header.indexOf('认定依据（事实：来源）');
    expect(basis).toBeGreaterThan(0);
    const row = sheet.getRow(2);
    expect(row.getCell(header.indexOf('统一社会信用代码')).text).toBe(SELF_MADE.uscc);
    expect(row.getCell(basis).text).toContain('资质荣誉：审核更正');
    expect(row.getCell(basis).text).toContain('所在地区（GB/T 2260）：审核更正');
  });
});

describe('a firm cannot declare its own titles, nor erase granted ones', () => {
  it('a title it declares itself meets no ladder condition and earns no 小巨人 grant', async () => {
    await answer(
      post('firm-mh', `/api/v1/enterprises/${MINHANG_FIRM.uscc}/facts`, {
        facts: {
          honors: [{ kind: 'little_giant', validFrom: '2025-07-01', validTo: '2028-06-30' }],
          compliance: CLEAN,
        },
      }),
      200,
    );
    const firm = await answer<{ tags: string[] }>(get('firm-mh', `/api/v1/enterprises/${MINHANG_FIRM.uscc}`), 200);
    expect(firm.tags).not.toContain('holds:little_giant');
    const r = await answer<{ verdict: string; outcome: unknown; unverified: string[] }>(
      post('firm-mh', `/api/v1/enterprises/${MINHANG_FIRM.uscc}/evaluate?policy=${MINHANG}&asOf=2026-06-01`),
      200,
    );
    expect(r).toMatchObject({ verdict: 'undetermined', unverified: ['honors'] });
  });

  it('the 专精特新 ladder does not take a 创新型 title the firm declared', async () => {
    await answer(
      post('firm', `/api/v1/enterprises/${FIRM_A.uscc}/facts`, {
        facts: { honors: [{ kind: 'innovative_sme', validFrom: '2025-06-01', validTo: '2028-05-31' }] },
      }),
      200,
    );
    const firm = await answer<{ tags: string[] }>(get('firm', `/api/v1/enterprises/${FIRM_A.uscc}`), 200);
    expect(firm.tags).not.toContain('holds:innovative_sme');
    const r = await answer<{ verdict: string; criteria: { id: string; status: string }[] }>(
      post('firm', `/api/v1/enterprises/${FIRM_A.uscc}/evaluate?policy=cn.miit.specialized-sme&asOf=2026-06-01`),
      200,
    );
    expect(r.verdict).not.toBe('qualified');
    expect(r.criteria.find((c) => c.id === 'ladder')?.status).not.toBe('met');
  });

  it('keeps a granted title whatever the firm writes over it', async () => {
    const granted = {
      kind: 'innovative_sme',
      validFrom: '2026-01-10',
      validTo: '2029-01-09',
      certificateNo: 'CXX-32-2026-00001',
    };
    await recordFacts(t.platform.db, FIRM_A.uscc, { honors: [granted] }, { source: 'recognition', actor: 'user:1' });
    const honours = async () =>
      (await answer<{ honors: unknown[] }>(get('firm', `/api/v1/enterprises/${FIRM_A.uscc}/profile`), 200)).honors;
    await answer(post('firm', `/api/v1/enterprises/${FIRM_A.uscc}/facts`, { facts: { honors: [] } }), 200);
    expect(await honours()).toEqual([granted]);
    await answer(
      post('firm', `/api/v1/enterprises/${FIRM_A.uscc}/facts`, {
        facts: { honors: [{ ...granted, validTo: '2099-12-31' }] },
      }),
      200,
    );
    expect(await honours()).toEqual([granted]);
    const firm = await answer<{ tags: string[] }>(get('firm', `/api/v1/enterprises/${FIRM_A.uscc}`), 200);
    expect(firm.tags).toContain('holds:innovative_sme');
  });
});

/**
 * What the edge refuses before any route sees it, each with a 400 naming the field: NUL and lone
 * surrogates, strings longer than any field takes, deep nesting, ids not written in decimal,
 * implausible figures, and a required body left out. Each case was a 500 or silently accepted.
 */
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../platform/audit.ts';
import { auditLog } from '../platform/schema.ts';
import { STRING_MAX } from '../platform/strings.ts';
import { answer, FIRM_A, testApp, type TestApp } from './test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

interface ErrorAnswer {
  error: { code: string; details?: { field: string; message: string }[] };
}

/** The fields a 400 names. */
async function refused(res: Promise<Response>): Promise<string[]> {
  const body = await answer<ErrorAnswer>(res, 400);
  expect(body.error.code).toBe('invalid_request');
  return (body.error.details ?? []).map((d) => d.field);
}

const post = (json: unknown) => ({ method: 'POST', json });

describe('strings at the edge', () => {
  it('refuses a NUL or a lone surrogate in a login’s username, without logging in', async () => {
    for (const username of ['a\u0000b', 'a\ud800b', '\udc00'])
      expect(await refused(t.request('/api/v1/auth/login', post({ username, password: 'x' })))).toEqual(['username']);
  });

  it('refuses a huge username instead of failing to audit it', async () => {
    const username = '惠'.repeat(300_000);
    expect(await refused(t.request('/api/v1/auth/login', post({ username, password: 'x' })))).toEqual(['username']);
  });

  it('takes a string of the longest length and no longer', async () => {
    const admin = await t.as('admin');
    const at = (n: number) => `/api/v1/audit?action=${'a'.repeat(n)}`;
    await answer(admin(at(STRING_MAX)), 200);
    expect(await refused(admin(at(STRING_MAX + 1)))).toEqual(['action']);
  });

  it('refuses NUL in a query, a path and a nested JSON field, naming each', async () => {
    const admin = await t.as('admin');
    expect(await refused(t.request('/api/v1/titles?q=%00'))).toEqual(['q']);
    expect(await refused(admin('/api/v1/enterprises/%00'))).toEqual(['uscc']);
    const facts = { honors: [{ kind: 'tech_sme' }, { kind: 'tech_sme', certificateNo: 'A\u0000' }] };
    expect(await refused(admin(`/api/v1/enterprises/${FIRM_A.uscc}/facts`, post({ facts, reason: '核对' })))).toEqual([
      'facts.honors[1].certificateNo',
    ]);
  });

  it('refuses a bad field name and nesting deeper than any document has', async () => {
    const calc = (json: unknown) => t.request('/api/v1/policies/cn.most.tech-sme/evaluate', post(json));
    expect(await refused(calc({ years: { 'x\u0000': {} } }))).toEqual(['years']);
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(await refused(calc({ name: deep }))).toEqual(['name[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]']);
  });

  it('refuses NUL in a multipart field and a file name', async () => {
    const firm = await t.as('firm');
    const form = (claim: string, name: string) => {
      const f = new FormData();
      f.append('claim', claim);
      f.append('file', new File(['%PDF-1.4\n%%EOF\n'], name, { type: 'application/pdf' }));
      return f;
    };
    // No such application: the refusal comes first, so neither reaches the store.
    const upload = (f: FormData) => firm('/api/v1/applications/999/evidence', { method: 'POST', body: f });
    expect(await refused(upload(form('other\u0000', 'a.pdf')))).toEqual(['claim']);
    // A NUL in the part's header (its file name) makes the header itself malformed: refused as the form read.
    const header = await answer<ErrorAnswer>(upload(form('other', 'a\u0000.pdf')), 400);
    expect(header.error).toMatchObject({ code: 'malformed_body', details: [{ field: '(body)' }] });
  });

  it('refuses an objection whose contact name holds NUL', async () => {
    const objection = { applicationId: 1, text: '请核实', contactName: '赵\u0000六', contact: 'a@example.com' };
    expect(await refused(t.request('/api/v1/notices/1/objections', post(objection)))).toEqual(['contactName']);
  });
});

describe('numbers and ids at the edge', () => {
  it('reads ids in decimal digits only', async () => {
    const admin = await t.as('admin');
    for (const id of ['0x10', '1e1', '+16', '16.0', '%2016'])
      expect(await refused(admin(`/api/v1/decisions/${id}`)), id).toEqual(['id']);
    expect(await refused(admin('/api/v1/applications?page=0x2'))).toEqual(['page']);
    await answer(admin('/api/v1/decisions/16'), 404);
  });

  it('refuses ids and versions in a body past an integer column', async () => {
    const firm = await t.as('firm');
    expect(await refused(firm('/api/v1/applications/1/withdraw', post({ version: 2 ** 31 })))).toEqual(['version']);
    const objection = { applicationId: 2 ** 31, text: '请核实', contactName: '赵六', contact: 'a@example.com' };
    expect(await refused(t.request('/api/v1/notices/1/objections', post(objection)))).toEqual(['applicationId']);
  });

  it('refuses implausible money, headcounts and years, naming the fact', async () => {
    const admin = await t.as('admin');
    const write = (facts: unknown) =>
      refused(admin(`/api/v1/enterprises/${FIRM_A.uscc}/facts`, post({ facts, reason: '核对' })));
    expect(await write({ years: { '2025': { revenue: 1e308 } } })).toEqual(['years.2025.revenue']);
    expect(await write({ years: { '2025': { netProfit: -2e13 } } })).toEqual(['years.2025.netProfit']);
    expect(await write({ years: { '2025': { employees: 20_000_000 } } })).toEqual(['years.2025.employees']);
    expect(await write({ awards: [{ level: 'national', year: 3000 }] })).toEqual(['awards[0].year']);
    expect(await write({ name: '企'.repeat(201) })).toEqual(['name']);
    await answer(
      admin(
        `/api/v1/enterprises/${FIRM_A.uscc}/facts`,
        post({ facts: { years: { '2025': { revenue: 9e12 } } }, reason: '核对' }),
      ),
      200,
    );
  });

  it('answers an evaluation without a body with 400, not as an empty profile', async () => {
    const res = t.request('/api/v1/policies/cn.most.tech-sme/evaluate', { method: 'POST' });
    expect(await refused(res)).toEqual(['(body)']);
  });
});

describe('the audit log', () => {
  it('keeps an entry of any size: long subjects cut, huge details summarised, NUL replaced', async () => {
    const { db } = t.platform;
    const subjectId = `惠${'\u0000'}${'企'.repeat(100_000)}`;
    const detail = { facts: Array.from({ length: 5000 }, (_, i) => ({ [`k${i}`]: 'x'.repeat(5000) })) };
    await recordAudit(db, null, { action: 'test.huge', subjectType: 'enterprise', subjectId, detail });
    const [row] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(row!.action).toBe('test.huge');
    expect(row!.subjectId!.length).toBeLessThan(300);
    expect(row!.subjectId!.startsWith('惠\ufffd企')).toBe(true);
    expect(JSON.stringify(row!.detail).length).toBeLessThan(20_000);
    const small = { filter: { region: '320211' }, note: '正常' };
    await recordAudit(db, null, { action: 'test.small', detail: small });
    const [kept] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(kept!.detail).toEqual(small);
  });
});

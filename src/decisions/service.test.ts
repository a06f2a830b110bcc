import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFacts } from '../enterprises/ledger.ts';
import { evaluateFirm } from '../enterprises/service.ts';
import { checkCharacter } from '../facts/uscc.ts';
import type { Actor } from '../platform/actor.ts';
import type { Platform } from '../platform/context.ts';
import { loadLibrary, policyFiles, withVersion } from '../policy/library.ts';
import { parsePolicy } from '../rules/load.ts';
import { platformOn, closePlatform } from '../server/start.ts';
import { testDatabase } from '../platform/test-database.ts';
import { getDecision, replayDecision } from './service.ts';

const body = '91320211MA1TE7T00';
const USCC = body + checkCharacter(body);
const admin: Actor = {
  userId: 1,
  username: 'admin',
  displayName: '管理员',
  role: 'admin',
  regionCode: null,
  level: null,
  uscc: null,
  organization: null,
};
const firm = {
  name: '无锡回放测试科技有限公司',
  regionCode: '320211',
  industryCode: 'C3562',
  establishedOn: '2015-03-01',
  years: {
    '2025': { employees: 120, techStaff: 30, revenue: 80_000_000, rdExpense: 4_000_000, totalAssets: 90_000_000 },
  },
  ip: [{ kind: 'invention_patent', grantedOn: '2023-05-01', mainProduct: true, selfDeveloped: true }],
  compliance: { seriousDishonesty: false },
};

let p: Platform;
beforeAll(async () => {
  p = await platformOn(await testDatabase());
  await recordFacts(p.db, USCC, firm, { source: 'registry', actor: 'test' });
});
afterAll(async () => {
  if (p) await closePlatform(p);
});

describe(`decision records on ${process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('keeps what was evaluated and replays it to the same result', async () => {
    const r = await evaluateFirm(p, admin, USCC, 'cn.most.tech-sme', '2026-06-30');
    const d = await getDecision(p, admin, r.decisionId);
    expect(d).toMatchObject({ uscc: USCC, policyId: 'cn.most.tech-sme', edition: r.edition, asOf: '2026-06-30' });
    expect(d.input).toMatchObject({ uscc: USCC, years: { '2025': { employees: 120 } } });
    const replay = await replayDecision(p, admin, r.decisionId);
    expect(replay.identical).toBe(true);
  });

  it('replays with the policy version it used, after the policy file changed', async () => {
    const before = await evaluateFirm(p, admin, USCC, 'cn.most.tech-sme', '2026-06-30');
    expect(before.verdict).not.toBe('undetermined');
    // A later edit of the file: the pass mark rises from 60 to 99 points.
    const file = policyFiles().find((f) => f.endsWith('tech-sme.yaml'))!;
    const edited = readFileSync(file, 'utf8').replace(/passScore: \{ value: 60,/, 'passScore: { value: 99,');
    expect(edited).not.toBe(readFileSync(file, 'utf8'));
    const now: Platform = { ...p, policies: withVersion(loadLibrary(), parsePolicy(edited, 'tech-sme (edited)')) };
    const today = await evaluateFirm(now, admin, USCC, 'cn.most.tech-sme', '2026-06-30');
    expect(today.policyHash).not.toBe(before.policyHash);
    const replay = await replayDecision(now, admin, before.decisionId);
    expect(replay.identical).toBe(true);
    expect(replay.replayed.policyHash).toBe(before.policyHash);
  });

  it('uses the edition in force on the as-of date, even after a newer edition starts', async () => {
    const old = await evaluateFirm(p, admin, USCC, 'cn.miit.specialized-sme', '2026-03-15');
    const current = await evaluateFirm(p, admin, USCC, 'cn.miit.specialized-sme', '2026-06-30');
    expect([old.edition, current.edition]).toEqual(['2022', '2026']);
    const replay = await replayDecision(p, admin, old.decisionId);
    expect(replay.replayed.edition).toBe('2022');
    expect(replay.identical).toBe(true);
  });
});

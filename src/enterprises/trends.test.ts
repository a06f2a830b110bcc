import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../facts/uscc.ts';
import type { Actor } from '../platform/actor.ts';
import type { Platform } from '../platform/context.ts';
import { testDatabase } from '../platform/test-database.ts';
import { closePlatform, platformOn } from '../server/start.ts';
import { recordFacts } from './ledger.ts';
import { regionTrends } from './service.ts';

const code = (region: string, n: number) => {
  const first17 = `91${region}${String(n).padStart(9, '0')}`;
  return first17 + checkCharacter(first17);
};
const reviewer: Actor = {
  userId: 1,
  username: 'wuxi',
  displayName: '无锡',
  role: 'reviewer',
  regionCode: '320200',
  level: 'city',
  uscc: null,
  organization: null,
};

let p: Platform;
beforeAll(async () => {
  p = await platformOn(await testDatabase());
  const by = { source: 'import', actor: 'test' } as const;
  await recordFacts(
    p.db,
    code('320211', 1),
    {
      regionCode: '320211',
      years: { '2024': { revenue: 10_000_000, rdExpense: 500_000 }, '2025': { revenue: 12_000_000 } },
      honors: [{ kind: 'tech_sme', validFrom: '2025-05-01', validTo: '2025-12-31' }],
    },
    by,
  );
  await recordFacts(
    p.db,
    code('320211', 2),
    {
      regionCode: '320211',
      years: { '2025': { revenue: 8_000_000, rdExpense: 400_000 } },
      honors: [
        { kind: 'specialized_sme', validFrom: '2025-01-01', validTo: '2027-12-31' },
        { kind: 'tech_sme', validFrom: '2024-06-01' },
      ],
    },
    by,
  );
  // Corrected later: the latest value counts.
  await recordFacts(
    p.db,
    code('320211', 2),
    { years: { '2025': { revenue: 9_000_000 } } },
    { source: 'reviewer', actor: 'test', reason: '审计报告' },
  );
  await recordFacts(p.db, code('310101', 3), { regionCode: '310101', years: { '2025': { revenue: 99_000_000 } } }, by);
});
afterAll(async () => {
  if (p) await closePlatform(p);
});

describe(`trends by fiscal year on ${process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('sums the latest figures and counts titles by the year they start, within the region', async () => {
    const t = await regionTrends(p, reviewer);
    expect(t.years).toEqual([
      { year: 2024, firmsReporting: 1, revenue: 10_000_000, rdExpense: 500_000, titles: { tech_sme: 1 } },
      {
        year: 2025,
        firmsReporting: 2,
        revenue: 21_000_000,
        rdExpense: 400_000,
        titles: { specialized_sme: 1, tech_sme: 1 },
      },
    ]);
  });
});

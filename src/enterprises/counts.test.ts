import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../facts/uscc.ts';
import type { Database } from '../platform/database.ts';
import { testDatabase } from '../platform/test-database.ts';
import { loadLibrary } from '../policy/library.ts';
import { countDeltas, rebuildCounts } from './counts.ts';
import { recordBatch, recordFacts } from './ledger.ts';
import { firmCounts, tagCounts } from './schema.ts';
import { projector } from './tags.ts';

const code = (region: string, n: number) => {
  const first17 = `91${region}${String(n).padStart(9, '0')}`;
  return first17 + checkCharacter(first17);
};

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function counts() {
  const { db } = database;
  return {
    firms: await db
      .select()
      .from(firmCounts)
      .orderBy(asc(firmCounts.regionCode), asc(firmCounts.section), asc(firmCounts.sizeClass)),
    tags: await db.select().from(tagCounts).orderBy(asc(tagCounts.regionCode), asc(tagCounts.tag)),
  };
}

describe('count deltas', () => {
  it('moves a firm from one bucket to another and drops buckets that net to zero', () => {
    const before = {
      regionCode: '320211',
      industryCode: 'C3562',
      sizeClass: 'small',
      tags: ['size:small', 'holds:tech_sme'],
    };
    const after = {
      regionCode: '320211',
      industryCode: 'C3562',
      sizeClass: 'medium',
      tags: ['size:medium', 'holds:tech_sme'],
    };
    expect(countDeltas([{ before, after }])).toEqual({
      firms: [
        { regionCode: '320211', section: 'C', sizeClass: 'small', n: -1 },
        { regionCode: '320211', section: 'C', sizeClass: 'medium', n: 1 },
      ],
      tags: [
        { regionCode: '320211', tag: 'size:small', n: -1 },
        { regionCode: '320211', tag: 'size:medium', n: 1 },
      ],
    });
  });
});

describe(`running counts on ${process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('agree with a recount after firms are created, changed and moved between regions', async () => {
    const { db } = database;
    const project = projector(loadLibrary(), '2026-06-30');
    const by = { source: 'import', actor: 'test' } as const;
    const [a, b, c] = [code('320211', 1), code('320211', 2), code('310101', 3)];
    await recordBatch(
      db,
      [
        {
          uscc: a,
          profile: {
            name: '甲',
            regionCode: '320211',
            industryCode: 'C3562',
            years: { '2025': { employees: 50, revenue: 30_000_000 } },
          },
        },
        { uscc: b, profile: { name: '乙', regionCode: '320211', industryCode: 'I6513' } },
        {
          uscc: c,
          profile: {
            name: '丙',
            regionCode: '310101',
            industryCode: 'M7320',
            honors: [{ kind: 'tech_sme', validFrom: '2026-01-01', validTo: '2026-12-31' }],
          },
        },
      ],
      by,
      project,
    );
    await recordFacts(db, a, { years: { '2025': { employees: 400, revenue: 300_000_000 } } }, by, project); // grows
    await recordFacts(db, b, { regionCode: '310101' }, by, project); // moves to 上海
    await recordFacts(db, c, { name: '丙' }, by, project); // nothing changes
    const kept = await counts();
    expect(kept.firms.reduce((t, f) => t + f.n, 0)).toBe(3);
    expect(kept.tags).toContainEqual({ regionCode: '310101', tag: 'holds:tech_sme', n: 1 });
    await rebuildCounts(db);
    const recounted = await counts();
    expect(kept.firms.filter((f) => f.n !== 0)).toEqual(recounted.firms);
    expect(kept.tags.filter((t) => t.n !== 0)).toEqual(recounted.tags);
  });
});

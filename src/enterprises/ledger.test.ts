import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/database.ts';
import { testDatabase } from '../platform/test-database.ts';
import {
  currentProfile,
  currentProfiles,
  currentStanding,
  factHistory,
  LedgerError,
  profileAt,
  recordFacts,
} from './ledger.ts';
import { enterprises } from './schema.ts';

const USCC = '91320211000070009A';
const OTHER = '913202110000700175';
const importer = { source: 'import', actor: 'import:wuxi-2025' } as const;
const firm = { source: 'self', actor: 'user:7' } as const;
const tax = { source: 'tax', actor: 'feed:tax' } as const;
const reviewer = { source: 'reviewer', actor: 'user:3', reason: '核实' } as const;

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe(`fact ledger on ${process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('derives the current profile from what was recorded', async () => {
    const { db } = database;
    const written = await recordFacts(
      db,
      USCC,
      {
        name: '无锡测试科技有限公司',
        industryCode: 'C3562',
        years: { '2025': { employees: 120, revenue: 85_000_000 } },
        ip: [{ kind: 'invention_patent', mainProduct: true }],
        compliance: { seriousDishonesty: false },
      },
      importer,
    );
    expect(written).toBe(6);
    expect(await currentProfile(db, USCC)).toEqual({
      uscc: USCC,
      name: '无锡测试科技有限公司',
      industryCode: 'C3562',
      years: { '2025': { employees: 120, revenue: 85_000_000 } },
      ip: [{ kind: 'invention_patent', mainProduct: true }],
      compliance: { seriousDishonesty: false },
    });
  });

  it('writes nothing when the same values arrive again', async () => {
    const { db } = database;
    const again = await recordFacts(
      db,
      USCC,
      {
        name: '无锡测试科技有限公司',
        years: { '2025': { revenue: 85_000_000 } },
        ip: [{ mainProduct: true, kind: 'invention_patent' }],
      },
      importer,
    );
    expect(again).toBe(0);
  });

  it('appends a changed value, keeping the history with its provenance', async () => {
    const { db } = database;
    expect(
      await recordFacts(db, USCC, { years: { '2025': { revenue: 90_000_000 } } }, { source: 'self', actor: 'user:7' }),
    ).toBe(1);
    const history = await factHistory(db, USCC, 'years.2025.revenue');
    expect(history.map((h) => [h.value, h.source, h.actor])).toEqual([
      [85_000_000, 'import', 'import:wuxi-2025'],
      [90_000_000, 'self', 'user:7'],
    ]);
    // The firm's differing figure is its claim: the imported one still stands.
    expect((await currentProfile(db, USCC))?.years?.['2025']?.revenue).toBe(85_000_000);
  });

  it('records a reviewer override only with its reason', async () => {
    const { db } = database;
    const override = { years: { '2025': { employees: 110 } } };
    await expect(recordFacts(db, USCC, override, { source: 'reviewer', actor: 'reviewer:3' })).rejects.toThrow(
      LedgerError,
    );
    await recordFacts(db, USCC, override, { source: 'reviewer', actor: 'reviewer:3', reason: '社保缴纳人数为110人' });
    const [last] = (await factHistory(db, USCC, 'years.2025.employees')).slice(-1);
    expect(last).toMatchObject({ value: 110, source: 'reviewer', reason: '社保缴纳人数为110人' });
  });

  it('clears a fact with null without losing its history', async () => {
    const { db } = database;
    await recordFacts(db, USCC, { industryCode: null }, { source: 'self', actor: 'user:7' });
    expect((await currentProfile(db, USCC))?.industryCode).toBe('C3562');
    await recordFacts(db, USCC, { industryCode: null }, importer);
    expect((await currentProfile(db, USCC))?.industryCode).toBeUndefined();
    expect((await factHistory(db, USCC, 'industryCode')).map((h) => [h.value, h.source])).toEqual([
      ['C3562', 'import'],
      [null, 'self'],
      [null, 'import'],
    ]);
  });

  it('keeps a text that looks like a number as text', async () => {
    const { db } = database;
    await recordFacts(db, USCC, { regionCode: '320211' }, importer);
    expect((await currentProfile(db, USCC))?.regionCode).toBe('320211');
    expect(await recordFacts(db, USCC, { regionCode: '320211' }, importer)).toBe(0);
  });

  it('refuses a code with a wrong check character and knows no unrecorded firm', async () => {
    const { db } = database;
    await expect(recordFacts(db, '913202110000790030', { name: 'x' }, importer)).rejects.toThrow(/check character 18/);
    expect(await currentProfile(db, OTHER)).toBeNull();
  });

  it('keeps concurrent writers of one firm consistent', async () => {
    const { db } = database;
    const writes = [1, 2, 3, 4, 5].map((n) =>
      recordFacts(db, OTHER, { years: { '2025': { employees: n } } }, { source: 'self', actor: `user:${n}` }),
    );
    expect((await Promise.all(writes)).reduce((a, b) => a + b, 0)).toBe(5);
    expect(await factHistory(db, OTHER, 'years.2025.employees')).toHaveLength(5);
  });

  it('keeps the profile a screening reads equal to the ledger, and rebuilds it at any past entry', async () => {
    const { db } = database;
    await recordFacts(db, USCC, { years: { '2024': { revenue: 70_000_000 } } }, importer);
    const [row] = await db.select().from(enterprises).where(eq(enterprises.uscc, USCC));
    const fromLedger = (await currentProfiles(db, [USCC]))[0];
    expect(row!.profile).toEqual(fromLedger);
    expect(await profileAt(db, USCC, row!.ledgerMark)).toEqual({ profile: fromLedger, sources: row!.sources });
    await recordFacts(db, USCC, { years: { '2024': { revenue: 71_000_000 } } }, importer);
    expect((await profileAt(db, USCC, row!.ledgerMark)).profile.years?.['2024']).toEqual({ revenue: 70_000_000 });
  });

  it('keeps a firm’s differing figure as its claim beside an imported one, and an authority’s above both', async () => {
    const { db } = database;
    const revenue = async () => {
      const standing = await currentStanding(db, OTHER);
      return [standing?.profile.years?.['2023']?.revenue, standing?.sources['years.2023.revenue']];
    };
    await recordFacts(db, OTHER, { years: { '2023': { revenue: 10_000_000 } } }, importer);
    expect(await recordFacts(db, OTHER, { years: { '2023': { revenue: 99_000_000 } } }, firm)).toBe(1);
    expect(await revenue()).toEqual([10_000_000, 'import']);
    // The same claim again says nothing new; the firm agreeing withdraws it.
    expect(await recordFacts(db, OTHER, { years: { '2023': { revenue: 99_000_000 } } }, firm)).toBe(0);
    expect(await recordFacts(db, OTHER, { years: { '2023': { revenue: 10_000_000 } } }, firm)).toBe(1);
    // Tax saying what the import said still counts: it raises the figure's trust.
    expect(await recordFacts(db, OTHER, { years: { '2023': { revenue: 10_000_000 } } }, tax)).toBe(1);
    expect(await revenue()).toEqual([10_000_000, 'tax']);
    await recordFacts(db, OTHER, { years: { '2023': { revenue: 12_000_000 } } }, importer);
    expect(await revenue()).toEqual([10_000_000, 'tax']);
    // Within a tier the latest stands: a reviewer corrects the tax figure.
    await recordFacts(db, OTHER, { years: { '2023': { revenue: 11_000_000 } } }, reviewer);
    expect(await revenue()).toEqual([11_000_000, 'reviewer']);
    expect((await factHistory(db, OTHER, 'years.2023.revenue')).map((e) => e.source)).toEqual([
      'import',
      'self',
      'self',
      'tax',
      'import',
      'reviewer',
    ]);
  });

  it('takes a self-declared fact where nothing better is known, and a reviewer’s confirmation of it', async () => {
    const { db } = database;
    await recordFacts(db, OTHER, { industryCode: 'C3562' }, firm);
    expect((await currentStanding(db, OTHER))?.sources.industryCode).toBe('self');
    expect(await recordFacts(db, OTHER, { industryCode: 'C3562' }, reviewer)).toBe(1);
    expect((await currentStanding(db, OTHER))?.sources.industryCode).toBe('reviewer');
    // A reviewer clearing a fact clears it, whatever lower tiers say.
    await recordFacts(db, OTHER, { industryCode: null }, reviewer);
    expect((await currentStanding(db, OTHER))?.profile.industryCode).toBeUndefined();
  });

  it('the migrations that keep the profile and its sources build them from the ledger as the ledger does', async () => {
    const { db } = database;
    await recordFacts(db, USCC, { years: { '2024': { revenue: 75_000_000 } } }, firm);
    const kept = () =>
      db
        .select({
          uscc: enterprises.uscc,
          profile: enterprises.profile,
          sources: enterprises.sources,
          mark: enterprises.ledgerMark,
        })
        .from(enterprises)
        .orderBy(enterprises.uscc);
    const before = await kept();
    await db.execute(sql`update enterprises set profile = '{}'::jsonb, sources = '{}'::jsonb, ledger_mark = 0`);
    for (const file of ['0005_delivery.sql', '0006_hardening.sql']) {
      const migration = readFileSync(new URL(`../../migrations/${file}`, import.meta.url), 'utf8');
      await database.execute(migration.split('--> statement-breakpoint').at(-1)!);
    }
    expect(await kept()).toEqual(before);
  });
});

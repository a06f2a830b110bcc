/**
 * Running counts of firms by county, industry section and size class, and by county and tag, kept
 * in the same transaction as every change to a firm's listing columns. The dashboards read these
 * small tables instead of scanning a million firms; `rebuildCounts` recomputes them from the
 * registry (after a bulk load, or to check them).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/database.ts';
import { firmCounts, tagCounts } from './schema.ts';

/** What a firm contributes to the counts; '' stands for "not known". */
export interface Counted {
  regionCode: string | null;
  industryCode: string | null;
  sizeClass: string | null;
  tags: string[];
}

const firmKey = (f: Counted) => JSON.stringify([f.regionCode ?? '', f.industryCode?.[0] ?? '', f.sizeClass ?? '']);
const tagKeys = (f: Counted) => f.tags.map((t) => JSON.stringify([f.regionCode ?? '', t]));

/** Adds what `after` contributes and takes away what `before` did (null: the firm was not there). */
export function countDeltas(changes: { before: Counted | null; after: Counted }[]) {
  const firms = new Map<string, number>();
  const tags = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, d: number) => m.set(k, (m.get(k) ?? 0) + d);
  for (const { before, after } of changes) {
    if (before) {
      add(firms, firmKey(before), -1);
      for (const k of tagKeys(before)) add(tags, k, -1);
    }
    add(firms, firmKey(after), 1);
    for (const k of tagKeys(after)) add(tags, k, 1);
  }
  const nonZero = (m: Map<string, number>) => [...m].filter(([, d]) => d !== 0);
  return {
    firms: nonZero(firms).map(([k, n]) => {
      const [regionCode, section, sizeClass] = JSON.parse(k) as [string, string, string];
      return { regionCode, section, sizeClass, n };
    }),
    tags: nonZero(tags).map(([k, n]) => {
      const [regionCode, tag] = JSON.parse(k) as [string, string];
      return { regionCode, tag, n };
    }),
  };
}

export async function applyCounts(tx: Db, deltas: ReturnType<typeof countDeltas>): Promise<void> {
  // Sorted, so concurrent writers take the counter rows' locks in the same order.
  const firms = deltas.firms.sort((a, b) =>
    `${a.regionCode}|${a.section}|${a.sizeClass}`.localeCompare(`${b.regionCode}|${b.section}|${b.sizeClass}`),
  );
  const tags = deltas.tags.sort((a, b) => (a.regionCode + a.tag).localeCompare(b.regionCode + b.tag));
  if (firms.length)
    await tx
      .insert(firmCounts)
      .values(firms)
      .onConflictDoUpdate({
        target: [firmCounts.regionCode, firmCounts.section, firmCounts.sizeClass],
        set: { n: sql`${firmCounts.n} + excluded.n` },
      });
  if (tags.length)
    await tx
      .insert(tagCounts)
      .values(tags)
      .onConflictDoUpdate({
        target: [tagCounts.regionCode, tagCounts.tag],
        set: { n: sql`${tagCounts.n} + excluded.n` },
      });
}

/** Recomputes both tables from the registry, in one transaction. */
export async function rebuildCounts(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from firm_counts`);
    await tx.execute(sql`delete from tag_counts`);
    await tx.execute(sql`
      insert into firm_counts (region_code, section, size_class, n)
      select coalesce(region_code, ''), coalesce(substr(industry_code, 1, 1), ''), coalesce(size_class, ''), count(*)
      from enterprises group by 1, 2, 3`);
    await tx.execute(sql`
      insert into tag_counts (region_code, tag, n)
      select coalesce(region_code, ''), tag, count(*) from enterprises, unnest(tags) as tag group by 1, 2`);
  });
}

/**
 * The enterprise registry's use cases, each checking who may do it: list and search firms, read a
 * firm's profile and fact history, write facts, evaluate one firm (kept as a decision record) or a
 * whole region, and count firms for the dashboards. Reads of another party's data are audited.
 */
import { and, asc, count, eq, ilike, like, notLike, or, sql, type SQL } from 'drizzle-orm';
import { parseProfile, type Profile } from '../facts/profile.ts';
import { regionName, regionPrefix } from '../facts/regions.ts';
import { isOwnFirm, mayReadFirm, reviewerCovers, type Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { rowsOf } from '../platform/database.ts';
import { forbidden, invalid, notFound } from '../platform/errors.ts';
import { decisionsOfFirm, recordDecision, type DecisionPage } from '../decisions/service.ts';
import { engineError, evaluationJson } from '../policy/evaluation.ts';
import { currentProfile, currentProfiles, factHistory, LedgerError, recordFacts } from './ledger.ts';
import { enterprises, firmCounts, tagCounts } from './schema.ts';
import { projector } from './tags.ts';

type FirmRow = typeof enterprises.$inferSelect;

const firmNotFound = (uscc: string) => notFound({ zh: `企业 ${uscc}`, en: `Enterprise ${uscc}` });
const notYours = () =>
  forbidden({ zh: '无权访问该企业的数据（不在您的权限或辖区内）', en: 'This firm is outside your role or region' });

/** The firm, if the actor may read it; reads of another party's data are audited. */
async function readableFirm(p: Platform, actor: Actor, uscc: string, action: string): Promise<FirmRow> {
  const [firm] = await p.db.select().from(enterprises).where(eq(enterprises.uscc, uscc.toUpperCase()));
  // Only those who may search the registry learn whether a firm they may not read exists.
  if (!firm)
    throw actor.role === 'admin' || actor.role === 'reviewer' || actor.uscc === uscc ? firmNotFound(uscc) : notYours();
  if (!mayReadFirm(actor, firm)) throw notYours();
  if (!isOwnFirm(actor, firm.uscc))
    await recordAudit(p.db, actor, {
      action,
      subjectType: 'enterprise',
      subjectId: firm.uscc,
      regionCode: firm.regionCode,
    });
  return firm;
}

/** The region prefix an actor's queries are confined to: '' for all, undefined when refused. */
function scopeOf(actor: Actor, asked?: string): string {
  if (actor.role !== 'admin' && actor.role !== 'reviewer')
    throw forbidden({ zh: '当前角色无权查看企业名录', en: `The ${actor.role} role may not list firms` });
  if (asked !== undefined) {
    const prefix = regionPrefix(asked);
    if (prefix === undefined) throw invalid([{ field: 'region', message: `${asked} is not a GB/T 2260 code` }]);
    if (actor.role === 'reviewer' && !reviewerCovers(actor, asked)) throw notYours();
    return prefix;
  }
  return actor.role === 'admin' ? '' : (regionPrefix(actor.regionCode!) ?? actor.regionCode!);
}

export interface FirmFilter {
  region?: string | undefined;
  /** A section letter or a code prefix: C, C35, C3562. */
  industry?: string | undefined;
  size?: string | undefined;
  tags?: string[] | undefined;
  /** Part of the name, or the start of the 统一社会信用代码. */
  q?: string | undefined;
}

function filterSql(prefix: string, f: FirmFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (prefix) where.push(like(enterprises.regionCode, `${prefix}%`));
  if (f.industry) where.push(like(enterprises.industryCode, `${f.industry.toUpperCase()}%`));
  if (f.size) where.push(eq(enterprises.sizeClass, f.size));
  if (f.tags?.length)
    where.push(sql`${enterprises.tags} @> ${`{${f.tags.map((t) => JSON.stringify(t)).join(',')}}`}::text[]`);
  if (f.q) {
    const q = f.q.trim();
    const escaped = q.replace(/[\\%_]/g, (m) => `\\${m}`);
    where.push(
      /^[0-9A-Za-z]{2,18}$/.test(q)
        ? or(like(enterprises.uscc, `${escaped.toUpperCase()}%`), ilike(enterprises.name, `%${escaped}%`))
        : ilike(enterprises.name, `%${escaped}%`),
    );
  }
  return and(...where);
}

const listing = (f: FirmRow) => ({
  uscc: f.uscc,
  name: f.name,
  regionCode: f.regionCode,
  regionName: f.regionCode ? (regionName(f.regionCode) ?? null) : null,
  industryCode: f.industryCode,
  sizeClass: f.sizeClass,
  tags: f.tags,
  updatedAt: f.updatedAt.toISOString(),
});

export async function listEnterprises(p: Platform, actor: Actor, f: FirmFilter & { page: number; pageSize: number }) {
  if (actor.role === 'enterprise') {
    const [own] = await p.db.select().from(enterprises).where(eq(enterprises.uscc, actor.uscc!));
    return { items: own ? [listing(own)] : [], total: own ? 1 : 0, page: 1, pageSize: f.pageSize };
  }
  const where = filterSql(scopeOf(actor, f.region), f);
  const [rows, [total]] = await Promise.all([
    p.db
      .select()
      .from(enterprises)
      .where(where)
      .orderBy(asc(enterprises.name), asc(enterprises.uscc))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    p.db.select({ n: count() }).from(enterprises).where(where),
  ]);
  await recordAudit(p.db, actor, {
    action: 'enterprise.list',
    regionCode: f.region ?? actor.regionCode,
    detail: { filter: { ...f, page: undefined, pageSize: undefined }, returned: rows.length },
  });
  return { items: rows.map(listing), total: total!.n, page: f.page, pageSize: f.pageSize };
}

export async function getProfile(p: Platform, actor: Actor, uscc: string): Promise<Profile> {
  const firm = await readableFirm(p, actor, uscc, 'enterprise.read');
  return (await currentProfile(p.db, firm.uscc))!;
}

/** The profile contract plus the firm's name, listing columns and tags. */
export async function getEnterprise(p: Platform, actor: Actor, uscc: string) {
  const firm = await readableFirm(p, actor, uscc, 'enterprise.read');
  const profile = (await currentProfile(p.db, firm.uscc))!;
  const { tags, sizeClass, updatedAt, regionName } = listing(firm);
  return { ...profile, uscc: firm.uscc, name: firm.name, regionName, sizeClass, tags, updatedAt };
}

export async function getFactHistory(p: Platform, actor: Actor, uscc: string, path?: string) {
  const firm = await readableFirm(p, actor, uscc, 'facts.read');
  return (await factHistory(p.db, firm.uscc, path)).map((e) => ({ ...e, recordedAt: e.recordedAt.toISOString() }));
}

/**
 * Writes facts about a firm: the firm itself (self-declared) or a reviewer of its region or an
 * administrator (an override, which needs a reason). A reviewer may create a firm in their region.
 */
export async function writeFacts(p: Platform, actor: Actor, uscc: string, body: unknown, reason?: string) {
  const code = uscc.toUpperCase();
  const self = isOwnFirm(actor, code);
  if (!self && actor.role !== 'reviewer' && actor.role !== 'admin') throw notYours();
  const checked = parseProfile(body);
  if (!checked.ok) throw invalid(checked.errors);
  const [firm] = await p.db.select().from(enterprises).where(eq(enterprises.uscc, code));
  const region = (checked.profile.regionCode as string | undefined) ?? firm?.regionCode ?? null;
  if (!self) {
    if (
      actor.role === 'reviewer' &&
      (!reviewerCovers(actor, region) || (firm && !reviewerCovers(actor, firm.regionCode)))
    )
      throw notYours();
    if (!reason?.trim())
      throw invalid([
        { field: 'reason', message: 'a reviewer or administrator changing a firm’s facts must give a reason' },
      ]);
  }
  const { uscc: _u, ...facts } = checked.profile;
  try {
    const written = await recordFacts(
      p.db,
      code,
      facts,
      self
        ? { source: 'self', actor: `user:${actor.userId}` }
        : { source: 'reviewer', actor: `user:${actor.userId}`, reason },
      projector(p.policies, p.today()),
    );
    await recordAudit(p.db, actor, {
      action: 'facts.write',
      subjectType: 'enterprise',
      subjectId: code,
      regionCode: region,
      detail: { written, reason: reason ?? null, created: !firm },
    });
    return { written };
  } catch (e) {
    if (e instanceof LedgerError) throw invalid([{ field: e.field, message: e.message.slice(e.field.length + 2) }]);
    throw e;
  }
}

/** Evaluates a firm's current profile; the result is kept as a decision record and can be replayed. */
export async function evaluateFirm(p: Platform, actor: Actor, uscc: string, policyId: string, asOf: string) {
  const firm = await readableFirm(p, actor, uscc, 'enterprise.evaluate');
  const profile = (await currentProfile(p.db, firm.uscc))!;
  let result;
  try {
    result = evaluationJson(p.policies.evaluate(policyId, profile, asOf));
  } catch (e) {
    engineError(e);
  }
  const decisionId = await recordDecision(p, {
    uscc: firm.uscc,
    regionCode: firm.regionCode,
    asOf,
    input: profile,
    result,
    purpose: 'evaluation',
    actor: `user:${actor.userId}`,
  });
  return { decisionId, ...result };
}

/** A firm's decision records, newest first, for whoever may read the firm (audited when not its own). */
export async function listFirmDecisions(p: Platform, actor: Actor, uscc: string, q: DecisionPage) {
  const firm = await readableFirm(p, actor, uscc, 'decision.list');
  return decisionsOfFirm(p.db, firm.uscc, q);
}

/** Counts per verdict of one policy over every firm in the actor's region (or a region within it). */
export async function evaluateRegion(p: Platform, actor: Actor, policyId: string, asOf: string, region?: string) {
  const prefix = scopeOf(actor, region);
  let screener;
  try {
    screener = p.policies.screener(policyId, asOf);
  } catch (e) {
    engineError(e);
  }
  const counts = { qualified: 0, not_qualified: 0, undetermined: 0 };
  const firms = await p.db
    .select({ uscc: enterprises.uscc })
    .from(enterprises)
    .where(prefix ? like(enterprises.regionCode, `${prefix}%`) : undefined)
    .orderBy(asc(enterprises.uscc));
  for (let i = 0; i < firms.length; i += 1000) {
    const profiles = await currentProfiles(
      p.db,
      firms.slice(i, i + 1000).map((f) => f.uscc),
    );
    for (const profile of profiles) counts[screener.verdict(profile)]++;
  }
  await recordAudit(p.db, actor, {
    action: 'enterprise.evaluate_region',
    regionCode: region ?? actor.regionCode,
    detail: { policyId, asOf, counts },
  });
  return { policy: policyId, edition: screener.edition.edition, asOf, total: firms.length, counts };
}

/** Counts for the dashboards: by sub-region, industry section, size class and tier tag. */
export async function regionStats(p: Platform, actor: Actor, region?: string) {
  const prefix = scopeOf(actor, region);
  const child = prefix.length >= 6 ? 6 : prefix.length + 2;
  // The running counts (see counts.ts): a few thousand rows, whatever the number of firms.
  const [firms, tags] = await Promise.all([
    p.db
      .select({
        regionCode: firmCounts.regionCode,
        section: firmCounts.section,
        sizeClass: firmCounts.sizeClass,
        n: firmCounts.n,
      })
      .from(firmCounts)
      .where(and(like(firmCounts.regionCode, `${prefix}%`), sql`${firmCounts.n} > 0`)),
    p.db
      .select({ tag: tagCounts.tag, n: sql<number>`sum(${tagCounts.n})::int` })
      .from(tagCounts)
      .where(and(like(tagCounts.regionCode, `${prefix}%`), notLike(tagCounts.tag, 'size:%')))
      .groupBy(tagCounts.tag)
      .having(sql`sum(${tagCounts.n}) > 0`)
      .orderBy(tagCounts.tag),
  ]);
  const sum = (key: (f: (typeof firms)[number]) => string) => {
    const out = new Map<string, number>();
    for (const f of firms) out.set(key(f), (out.get(key(f)) ?? 0) + f.n);
    return [...out].sort(([a], [b]) => a.localeCompare(b));
  };
  return {
    region: region ?? actor.regionCode ?? null,
    total: firms.reduce((t, f) => t + f.n, 0),
    byRegion: sum((f) => (f.regionCode ? f.regionCode.slice(0, child).padEnd(6, '0') : 'unknown')).map(
      ([code, count]) => ({
        code,
        name: regionName(code) ?? null,
        count,
      }),
    ),
    byIndustry: sum((f) => f.section || 'unknown').map(([section, count]) => ({ section, count })),
    bySize: sum((f) => f.sizeClass || 'unknown').map(([sizeClass, count]) => ({ sizeClass, count })),
    byTag: tags.map((t) => ({ tag: t.tag, count: Number(t.n) })),
  };
}

/**
 * Figures by fiscal year for the dashboards' trend charts: firms reporting, total revenue and R&D
 * expense (latest recorded values), and titles that started in each year, by kind.
 */
export async function regionTrends(p: Platform, actor: Actor, region?: string) {
  const prefix = scopeOf(actor, region);
  const latest = sql`
    with latest as (
      select distinct on (f.uscc, f.path) f.path, f.value
      from facts f join enterprises e on e.uscc = f.uscc
      where e.region_code like ${`${prefix}%`}
        and (f.path like 'years.%.revenue' or f.path like 'years.%.rdExpense' or f.path = 'honors')
      order by f.uscc, f.path, f.id desc
    )`;
  const [figures, titles] = await Promise.all([
    rowsOf<{ year: string; fact: string; firms: string | number; total: string | number }>(
      p.db,
      sql`${latest}
      select split_part(path, '.', 2) as year, split_part(path, '.', 3) as fact, count(*) as firms,
        sum(value::numeric) as total
      from latest where path like 'years.%' and jsonb_typeof(value) = 'number'
      group by 1, 2 order by 1, 2`,
    ),
    rowsOf<{ year: string; kind: string; n: string | number }>(
      p.db,
      sql`${latest}
      select substr(h->>'validFrom', 1, 4) as year, h->>'kind' as kind, count(*) as n
      from latest, jsonb_array_elements(case when jsonb_typeof(value) = 'array' then value else '[]'::jsonb end) as h
      where path = 'honors' and h->>'validFrom' is not null
      group by 1, 2 order by 1, 2`,
    ),
  ]);
  const years = new Map<
    string,
    { year: number; firmsReporting: number; revenue: number; rdExpense: number; titles: Record<string, number> }
  >();
  const at = (y: string) =>
    years.get(y) ?? years.set(y, { year: Number(y), firmsReporting: 0, revenue: 0, rdExpense: 0, titles: {} }).get(y)!;
  for (const f of figures) {
    const row = at(f.year);
    if (f.fact === 'revenue') {
      row.firmsReporting = Number(f.firms);
      row.revenue = Number(f.total);
    } else row.rdExpense = Number(f.total);
  }
  for (const t of titles) at(t.year).titles[t.kind] = Number(t.n);
  return { region: region ?? actor.regionCode ?? null, years: [...years.values()].sort((a, b) => a.year - b.year) };
}

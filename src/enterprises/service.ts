/**
 * The enterprise registry's use cases, each checking who may do it: list and search firms, read a
 * firm's profile and fact history, write facts, evaluate one firm (kept as a decision record) or a
 * whole region, and count firms for the dashboards. Reads of another party's data are audited.
 */
import { and, asc, count, desc, eq, ilike, inArray, like, notLike, or, sql, type SQL } from 'drizzle-orm';
import { parseProfile, type Profile } from '../facts/profile.ts';
import ExcelJS from 'exceljs';
import { industryLabel } from '../facts/industry.ts';
import { regionName, regionPrefix } from '../facts/regions.ts';
import { isOwnFirm, mayReadFirm, reviewerCovers, reviewerPrefix, type Actor } from '../platform/actor.ts';
import { recordAudit, recordListRead } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { rowsOf } from '../platform/database.ts';
import { forbidden, invalid, notFound } from '../platform/errors.ts';
import { decisionsOfFirm, recordDecision, type DecisionPage } from '../decisions/service.ts';
import { engineError, evaluationJson } from '../policy/evaluation.ts';
import { judgeFirm } from '../policy/trusted.ts';
import type { FactSource } from '../facts/sources.ts';
import { canonical } from '../platform/canonical.ts';
import { onRecord, type FactSources } from '../facts/trust.ts';
import {
  currentProfiles,
  currentStanding,
  factHistory,
  flatten,
  LedgerError,
  profileOf,
  recordFacts,
} from './ledger.ts';
import { enterprises, facts, firmCounts, tagCounts } from './schema.ts';
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
  return actor.role === 'admin' ? '' : reviewerPrefix(actor);
}

export interface FirmFilter {
  region?: string | undefined;
  /** A section letter or a code prefix: C, C35, C3562. */
  industry?: string | undefined;
  size?: string | undefined;
  tags?: string[] | undefined;
  /** Firms with none of these tags (`qualifies:X` with `holds:Y` left out: the candidates). */
  notTags?: string[] | undefined;
  /** Part of the name, or the start of the 统一社会信用代码. */
  q?: string | undefined;
}

function filterSql(prefix: string, f: FirmFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (prefix) where.push(like(enterprises.regionCode, `${prefix}%`));
  if (f.industry) where.push(like(enterprises.industryCode, `${f.industry.toUpperCase()}%`));
  if (f.size) where.push(eq(enterprises.sizeClass, f.size));
  const textArray = (tags: string[]) => `{${tags.map((t) => JSON.stringify(t)).join(',')}}`;
  if (f.tags?.length) where.push(sql`${enterprises.tags} @> ${textArray(f.tags)}::text[]`);
  if (f.notTags?.length) where.push(sql`not (${enterprises.tags} && ${textArray(f.notTags)}::text[])`);
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
  recordListRead(p.db, actor, {
    action: 'enterprise.list',
    regionCode: f.region ?? actor.regionCode,
    detail: { filter: { ...f, page: undefined, pageSize: undefined }, returned: rows.length },
  });
  return { items: rows.map(listing), total: total!.n, page: f.page, pageSize: f.pageSize };
}

/** 2026-06-01 14:05:09 in China Standard Time, as the sheets' readers keep time. */
const beijingTime = (d: Date) => d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false });

/** The most rows one export writes; a larger selection is cut and says so. */
export const EXPORT_MAX_ROWS = 50_000;

const SIZE_NAMES: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
const HONOUR_NAMES: Record<string, string> = {
  tech_sme: '科技型中小企业',
  innovative_sme: '创新型中小企业',
  specialized_sme: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
  single_champion: '制造业单项冠军企业',
  high_tech_enterprise: '高新技术企业',
  tech_innovation_demo: '技术创新示范企业',
  ip_advantage: '知识产权优势企业',
  ip_demo: '知识产权示范企业',
};

/**
 * The firms a filter finds as an .xlsx, in the list's order (at most EXPORT_MAX_ROWS): the listing
 * columns with Chinese names for size class, section, titles held and policies qualified for, and a
 * second sheet with the filter, the time and whether rows were left out. Audited like the list.
 */
export async function exportEnterprises(p: Platform, actor: Actor, f: FirmFilter) {
  let rows: FirmRow[];
  let total: number;
  if (actor.role === 'enterprise') {
    rows = await p.db.select().from(enterprises).where(eq(enterprises.uscc, actor.uscc!));
    total = rows.length;
  } else {
    const where = filterSql(scopeOf(actor, f.region), f);
    const [found, [n]] = await Promise.all([
      p.db
        .select()
        .from(enterprises)
        .where(where)
        .orderBy(asc(enterprises.name), asc(enterprises.uscc))
        .limit(EXPORT_MAX_ROWS),
      p.db.select({ n: count() }).from(enterprises).where(where),
    ]);
    rows = found;
    total = n!.n;
    await recordAudit(p.db, actor, {
      action: 'enterprise.export',
      regionCode: f.region ?? actor.regionCode,
      detail: { filter: f, total, returned: rows.length },
    });
  }
  const titles = new Map(p.policies.summaries().map((s) => [s.id, s.title.zh]));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业名录');
  sheet.columns = [
    { header: '统一社会信用代码', width: 22 },
    { header: '企业名称', width: 36 },
    { header: '区划代码', width: 10 },
    { header: '所在地区', width: 14 },
    { header: '行业代码', width: 10 },
    { header: '行业名称', width: 28 },
    { header: '行业门类', width: 28 },
    { header: '企业规模', width: 10 },
    { header: '已认定资质', width: 40 },
    { header: '符合条件的政策', width: 40 },
    { header: '档案更新时间（北京时间）', width: 22 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const firm of rows) {
    const held = firm.tags.filter((t) => t.startsWith('holds:')).map((t) => t.slice(6));
    const qualifies = firm.tags.filter((t) => t.startsWith('qualifies:')).map((t) => t.slice(10));
    sheet.addRow([
      firm.uscc,
      firm.name,
      firm.regionCode,
      firm.regionCode ? (regionName(firm.regionCode) ?? null) : null,
      firm.industryCode,
      firm.industryCode ? (industryLabel(firm.industryCode) ?? null) : null,
      firm.industryCode ? (industryLabel(firm.industryCode.slice(0, 1)) ?? null) : null,
      firm.sizeClass ? (SIZE_NAMES[firm.sizeClass] ?? firm.sizeClass) : null,
      held.map((h) => HONOUR_NAMES[h] ?? h).join('、'),
      qualifies.map((q) => titles.get(q) ?? q).join('、'),
      beijingTime(firm.updatedAt),
    ]);
  }
  const about = book.addWorksheet('说明');
  about.columns = [{ width: 18 }, { width: 60 }];
  const filter = [
    ['地区', f.region ?? actor.regionCode ?? '全部'],
    ['行业', f.industry ?? '不限'],
    ['企业规模', f.size ? (SIZE_NAMES[f.size] ?? f.size) : '不限'],
    ['须具备标签', f.tags?.join('、') || '不限'],
    ['须不具备标签', f.notTags?.join('、') || '不限'],
    ['名称或代码', f.q ?? '不限'],
  ];
  about.addRows([
    ['导出时间（北京时间）', beijingTime(new Date())],
    ['符合条件的企业', total],
    ['导出行数', rows.length],
    ...(total > rows.length ? [['注意', `仅导出前 ${EXPORT_MAX_ROWS} 行（按企业名称排序），请缩小筛选范围`]] : []),
    ...filter,
  ]);
  about.getColumn(1).font = { bold: true };
  const stamp = p.today().replaceAll('-', '');
  return {
    name: `企业名录-${stamp}.xlsx`,
    data: Buffer.from(await book.xlsx.writeBuffer()),
    total,
    exported: rows.length,
  };
}

export async function getProfile(p: Platform, actor: Actor, uscc: string): Promise<Profile> {
  return (await getStanding(p, actor, uscc)).profile;
}

/** A firm's profile and the source each fact in it stands on. */
export async function getStanding(p: Platform, actor: Actor, uscc: string) {
  const firm = await readableFirm(p, actor, uscc, 'enterprise.read');
  return (await currentStanding(p.db, firm.uscc))!;
}

/** The profile contract plus the firm's name, listing columns, tags and the source each fact stands on. */
export async function getEnterprise(p: Platform, actor: Actor, uscc: string) {
  const firm = await readableFirm(p, actor, uscc, 'enterprise.read');
  const { profile, sources } = (await currentStanding(p.db, firm.uscc))!;
  const { tags, sizeClass, updatedAt, regionName } = listing(firm);
  return { ...profile, uscc: firm.uscc, name: firm.name, regionName, sizeClass, tags, updatedAt, sources };
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
    return { written, claims: self ? await claimsBeside(p, code, facts) : [] };
  } catch (e) {
    if (e instanceof LedgerError) throw invalid([{ field: e.field, message: e.message.slice(e.field.length + 2) }]);
    throw e;
  }
}

/**
 * A reviewer accepts what a firm declared (核实): the firm's latest own value of each fact becomes
 * a reviewer's entry, so policies that pay or grant may take it. A firm's list of titles is added
 * to the titles on record, never put in their place: a verified report cannot remove or change a
 * granted title.
 */
export async function verifyFacts(
  p: Platform,
  actor: Actor,
  uscc: string,
  input: { paths: string[]; reason?: string },
) {
  const code = uscc.toUpperCase();
  if (actor.role !== 'reviewer' && actor.role !== 'admin')
    throw forbidden({ zh: '只有审核人员可以核实企业申报', en: 'Only reviewers verify what firms declare' });
  const firm = await readableFirm(p, actor, code, 'facts.read');
  const standing = (await currentStanding(p.db, firm.uscc))!;
  const claims = await declaredClaims(p, firm.uscc, input.paths);
  const entries = input.paths.map((path, i) => {
    if (!claims.has(path))
      throw invalid([
        { field: `paths[${i}]`, message: `企业未申报 ${path}，无可核实的内容 / the firm declared no ${path}` },
      ]);
    const claimed = claims.get(path);
    return [path, path === 'honors' ? withTitlesOnRecord(standing, claimed) : claimed] as const;
  });
  const reason = input.reason?.trim() || '核实企业申报';
  const written = await recordFacts(
    p.db,
    firm.uscc,
    profileOf(entries),
    { source: 'reviewer', actor: `user:${actor.userId}`, reason },
    projector(p.policies, p.today()),
  );
  await recordAudit(p.db, actor, {
    action: 'facts.verify',
    subjectType: 'enterprise',
    subjectId: firm.uscc,
    regionCode: firm.regionCode,
    detail: { paths: input.paths, written, reason },
  });
  return { verified: input.paths, written };
}

/** The firm's latest own value of each path asked for (null when it cleared it). */
async function declaredClaims(p: Platform, uscc: string, paths: string[]): Promise<Map<string, unknown>> {
  const rows = await p.db
    .selectDistinctOn([facts.path], { path: facts.path, value: facts.value })
    .from(facts)
    .where(and(eq(facts.uscc, uscc), eq(facts.source, 'self'), inArray(facts.path, paths)))
    .orderBy(asc(facts.path), desc(facts.id));
  return new Map(rows.map((r) => [r.path, r.value]));
}

const titleKey = (h: Honour) => `${h.kind}|${String(h.certificateNo ?? '')}`;

/** A firm's titles from a source that may grant them; its own list of titles stays its claim. */
function titlesOnRecord({ profile, sources }: { profile: Profile; sources: FactSources }): Honour[] {
  return Array.isArray(profile.honors) && onRecord(sources, 'honors') ? (profile.honors as Honour[]) : [];
}

/** The titles on record, and the firm's reported ones that are not among them. */
function withTitlesOnRecord(standing: { profile: Profile; sources: FactSources }, claimed: unknown): Honour[] {
  const onRecord = titlesOnRecord(standing);
  const known = new Set(onRecord.map(titleKey));
  const reported = (Array.isArray(claimed) ? (claimed as Honour[]) : []).filter((h) => !known.has(titleKey(h)));
  return [...onRecord, ...reported];
}

/**
 * The facts a firm just wrote that do not stand: a more trusted source says otherwise, so its value
 * is kept as its claim beside that one, waiting for a reviewer.
 */
async function claimsBeside(
  p: Platform,
  uscc: string,
  written: Profile,
): Promise<{ path: string; source: FactSource }[]> {
  const { profile, sources } = (await currentStanding(p.db, uscc))!;
  const standing = flatten(profile);
  return [...flatten(written)].flatMap(([path, value]) => {
    const source = sources[path];
    return source && source !== 'self' && canonical(standing.get(path) ?? null) !== canonical(value)
      ? [{ path, source }]
      : [];
  });
}

/** Evaluates a firm's current profile; the result is kept as a decision record and can be replayed. */
export async function evaluateFirm(p: Platform, actor: Actor, uscc: string, policyId: string, asOf: string) {
  const firm = await readableFirm(p, actor, uscc, 'enterprise.evaluate');
  const { profile, sources } = (await currentStanding(p.db, firm.uscc))!;
  let result;
  try {
    result = evaluationJson(judgeFirm(p.policies, policyId, asOf, profile, sources));
  } catch (e) {
    engineError(e);
  }
  const decisionId = await recordDecision(p, {
    uscc: firm.uscc,
    regionCode: firm.regionCode,
    asOf,
    input: profile,
    sources,
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

/** A firm's name, region and current profile, for another module that has already checked access. */
export async function firmRecord(p: Platform, uscc: string) {
  const [firm] = await p.db.select().from(enterprises).where(eq(enterprises.uscc, uscc));
  if (!firm) return null;
  return {
    name: firm.name,
    regionCode: firm.regionCode,
    profile: { ...(firm.profile as Profile), uscc: firm.uscc },
    sources: firm.sources as FactSources,
  };
}

export type Honour = Record<string, unknown> & { kind: string };

/**
 * Rewrites a firm's titles (`honors`) as the recognition workflow decided them — a title granted,
 * or ended by revocation — with source 认定 and the acting user; tags follow as for any write.
 */
export async function recordTitles(p: Platform, uscc: string, change: (honours: Honour[]) => Honour[], actor: string) {
  const standing = await currentStanding(p.db, uscc);
  if (!standing) throw firmNotFound(uscc);
  const before = titlesOnRecord(standing);
  return recordFacts(
    p.db,
    uscc,
    { honors: change(before) },
    { source: 'recognition', actor },
    projector(p.policies, p.today()),
  );
}

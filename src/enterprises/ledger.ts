/**
 * The fact ledger (一企一档). Writing a profile appends one entry per fact whose value changed,
 * with its provenance; equal values append nothing, so importing the same sheet twice changes
 * nothing. The current profile takes each path from its most trusted source (the latest entry of
 * that tier): a firm's own figure never replaces an authority's, it stays beside it as its claim.
 * Every fact keeps its history.
 */
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { catalog } from '../facts/catalog.ts';
import type { Profile } from '../facts/profile.ts';
import { FACT_SOURCES, sourceRank } from '../facts/sources.ts';
import type { FactSources } from '../facts/trust.ts';
import { checkUscc } from '../facts/uscc.ts';
import { canonical } from '../platform/canonical.ts';
import type { Db } from '../platform/database.ts';
import { applyCounts, countDeltas } from './counts.ts';
import { enterprises, facts, type FactSource } from './schema.ts';

export interface Provenance {
  source: FactSource;
  /** Who wrote it: a user id, or the import job. */
  actor: string;
  /** Required for a reviewer's override. */
  reason?: string | undefined;
}

export interface FactEntry {
  path: string;
  value: unknown;
  source: FactSource;
  actor: string;
  reason: string | null;
  recordedAt: Date;
}

export class LedgerError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const LISTS = new Set(Object.keys(catalog.lists));

/** A profile as fact paths: `years.2025.revenue`, `compliance.x`, a whole list at its name. */
export function flatten(profile: Profile): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(profile)) {
    if (value === undefined) continue;
    if (key === 'years' && value) {
      for (const [year, record] of Object.entries(value as Record<string, Record<string, unknown>>)) {
        for (const [fact, v] of Object.entries(record)) if (v !== undefined) out.set(`years.${year}.${fact}`, v);
      }
    } else if (key === 'compliance' && value) {
      for (const [flag, v] of Object.entries(value as Record<string, unknown>))
        if (v !== undefined) out.set(`compliance.${flag}`, v);
    } else {
      out.set(key, value);
    }
  }
  return out;
}

/** The profile the latest values make; cleared facts (null) are left out. */
export function assemble(uscc: string, entries: Iterable<readonly [string, unknown]>): Profile {
  return { uscc, ...profileOf([...entries].filter(([, v]) => v !== null && v !== undefined)) };
}

/** A profile written from fact paths (`years.2025.revenue`, `compliance.x`, a list at its name), nulls kept. */
export function profileOf(entries: Iterable<readonly [string, unknown]>): Profile {
  const profile: Profile = {};
  for (const [path, value] of entries) {
    const parts = path.split('.');
    if (parts[0] === 'years' && parts.length === 3) {
      const years = (profile.years ??= {});
      (years[parts[1]!] ??= {})[parts[2]!] = value as number;
    } else if (parts[0] === 'compliance' && parts.length === 2) {
      (profile.compliance ??= {})[parts[1]!] = value as boolean;
    } else if (parts.length === 1 && (LISTS.has(path) || path in catalog.scalars)) {
      profile[path] = value;
    }
  }
  return profile;
}

/** A source's trust rank in SQL: the order in which entries of one path stand. */
const rankOf = sql`(case ${facts.source} ${sql.join(
  FACT_SOURCES.map((s) => sql.raw(`when '${s}' then ${sourceRank(s)}`)),
  sql` `,
)} end)`;

interface Entry {
  value: unknown;
  source: FactSource;
}

/** A fact path's latest entry from each trust tier, by rank; the highest rank stands. */
class Standing {
  readonly byRank = new Map<number, Entry>();
  /** The highest rank holding an entry, -1 when none does. */
  private top(): number {
    let top = -1;
    for (const rank of this.byRank.keys()) if (rank > top) top = rank;
    return top;
  }
  best(): Entry | undefined {
    return this.byRank.get(this.top());
  }
  /** Whether an entry from this source would say nothing new: its tier already says it, or a higher one does. */
  isRedundant(value: unknown, source: FactSource): boolean {
    const rank = sourceRank(source);
    const own = this.byRank.get(rank);
    if (own) return canonical(own.value ?? null) === canonical(value);
    const top = this.top();
    if (top < 0) return value === null;
    // A more trusted source saying the same still counts: it raises the fact's trust.
    return rank < top && canonical(this.byRank.get(top)!.value ?? null) === canonical(value);
  }
}

type Standings = Map<string, Standing>;

/** The latest entry of every fact path and trust tier of each firm (up to a ledger entry, when given). */
async function standingsOf(db: Db, usccs: string[], upTo?: number): Promise<Map<string, Standings>> {
  const out = new Map<string, Standings>(usccs.map((u) => [u, new Map()]));
  if (usccs.length === 0) return out;
  const rows = await db
    .selectDistinctOn([facts.uscc, facts.path, rankOf], {
      uscc: facts.uscc,
      path: facts.path,
      value: facts.value,
      source: facts.source,
    })
    .from(facts)
    .where(and(inArray(facts.uscc, usccs), upTo === undefined ? undefined : lte(facts.id, upTo)))
    .orderBy(asc(facts.uscc), asc(facts.path), asc(rankOf), desc(facts.id));
  for (const r of rows) {
    const paths = out.get(r.uscc)!;
    const standing = paths.get(r.path) ?? paths.set(r.path, new Standing()).get(r.path)!;
    standing.byRank.set(sourceRank(r.source), { value: r.value, source: r.source });
  }
  return out;
}

/** The profile the standing values make, and the source of each fact in it. */
function standingProfile(uscc: string, paths: Standings): { profile: Profile; sources: FactSources } {
  const values: [string, unknown][] = [];
  const sources: Record<string, FactSource> = {};
  for (const [path, standing] of paths) {
    const best = standing.best();
    if (!best || best.value === null || best.value === undefined) continue;
    values.push([path, best.value]);
    sources[path] = best.source;
  }
  return { profile: assemble(uscc, values), sources };
}

/** The listing columns of a firm, worked out from its profile after a write. */
export interface Projection {
  name: string | null;
  regionCode: string | null;
  industryCode: string | null;
  sizeClass: string | null;
  tags: string[];
}
export type Project = (profile: Profile, sources: FactSources) => Projection;

export const plainProjection = (p: Profile): Projection => ({
  name: typeof p.name === 'string' ? p.name : null,
  regionCode: typeof p.regionCode === 'string' ? p.regionCode : null,
  industryCode: typeof p.industryCode === 'string' ? p.industryCode : null,
  sizeClass: null,
  tags: [],
});

export interface Write {
  uscc: string;
  /** A valid profile; `null` clears a fact. */
  profile: Profile;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters at 6 per row. */
const CHUNK = 2000;

const textArray = (tags: string[]) => `{${tags.map((t) => JSON.stringify(t)).join(',')}}`;

/**
 * Appends, in one transaction, the facts of each write that differ from the firm's current values
 * (creating firms that are new), then refreshes the listing columns of every firm that changed.
 * Writes to the same firm apply in order. Returns the number of facts written per write.
 */
export async function recordBatch(
  db: Db,
  writes: Write[],
  by: Provenance,
  project: Project = plainProjection,
): Promise<number[]> {
  if (by.source === 'reviewer' && !by.reason?.trim())
    throw new LedgerError('reason', 'a reviewer override needs a reason');
  const codes = writes.map((w) => {
    const code = checkUscc(w.uscc);
    if (!code.ok) throw new LedgerError('uscc', code.reason);
    return code.code;
  });
  const firms = [...new Set(codes)].sort();
  if (firms.length === 0) return [];
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(enterprises)
      .values(firms.map((uscc) => ({ uscc })))
      .onConflictDoNothing()
      .returning({ uscc: enterprises.uscc });
    // One writer per firm at a time, so "what changed" is judged against the latest values.
    const listed = await tx
      .select({
        uscc: enterprises.uscc,
        regionCode: enterprises.regionCode,
        industryCode: enterprises.industryCode,
        sizeClass: enterprises.sizeClass,
        tags: enterprises.tags,
      })
      .from(enterprises)
      .where(inArray(enterprises.uscc, firms))
      .for('update');
    const isNew = new Set(created.map((c) => c.uscc));
    const before = new Map(listed.filter((f) => !isNew.has(f.uscc)).map((f) => [f.uscc, f]));
    const current = await standingsOf(tx, firms);
    const rows: (typeof facts.$inferInsert)[] = [];
    const rank = sourceRank(by.source);
    const written = writes.map((w, i) => {
      const uscc = codes[i]!;
      const paths = current.get(uscc)!;
      let n = 0;
      for (const [path, value] of flatten({ ...w.profile, uscc: undefined })) {
        const standing = paths.get(path) ?? paths.set(path, new Standing()).get(path)!;
        if (standing.isRedundant(value, by.source)) continue;
        standing.byRank.set(rank, { value, source: by.source });
        rows.push({ uscc, path, value, source: by.source, actor: by.actor, reason: by.reason ?? null });
        n++;
      }
      return n;
    });
    const marks = new Map<string, number>();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const ids = await tx
        .insert(facts)
        .values(rows.slice(i, i + CHUNK))
        .returning({ id: facts.id, uscc: facts.uscc });
      for (const r of ids) marks.set(r.uscc, Math.max(marks.get(r.uscc) ?? 0, r.id));
    }
    // New firms are counted even when nothing about them is known yet.
    const updates = [...new Set([...isNew, ...rows.map((r) => r.uscc)])].map((uscc) => {
      const { profile, sources } = standingProfile(uscc, current.get(uscc)!);
      return { uscc, profile, sources, mark: marks.get(uscc) ?? 0, ...project(profile, sources) };
    });
    await applyCounts(tx, countDeltas(updates.map((u) => ({ before: before.get(u.uscc) ?? null, after: u }))));
    for (let i = 0; i < updates.length; i += CHUNK) {
      const values = sql.join(
        updates
          .slice(i, i + CHUNK)
          .map(
            (u) =>
              sql`(${u.uscc}, ${u.name}, ${u.regionCode}, ${u.industryCode}, ${u.sizeClass}, ${textArray(u.tags)}::text[], ${JSON.stringify(u.profile)}::jsonb, ${JSON.stringify(u.sources)}::jsonb, ${u.mark}::bigint)`,
          ),
        sql`, `,
      );
      await tx.execute(sql`
        update enterprises e set name = v.name, region_code = v.region_code, industry_code = v.industry_code,
          size_class = v.size_class, tags = v.tags, profile = v.profile, sources = v.sources,
          ledger_mark = greatest(e.ledger_mark, v.mark), updated_at = now()
        from (values ${values}) as v(uscc, name, region_code, industry_code, size_class, tags, profile, sources, mark)
        where e.uscc = v.uscc`);
    }
    return written;
  });
}

/**
 * Appends the facts of `profile` that differ from the firm's current values (creating the firm
 * when it is new). The profile must already be valid; `null` clears a fact. Returns how many
 * facts were written.
 */
export async function recordFacts(
  db: Db,
  uscc: string,
  profile: Profile,
  by: Provenance,
  project?: Project,
): Promise<number> {
  const [n] = await recordBatch(db, [{ uscc, profile }], by, project);
  return n!;
}

export async function currentProfile(db: Db, uscc: string): Promise<Profile | null> {
  const [found] = await db.select({ profile: enterprises.profile }).from(enterprises).where(eq(enterprises.uscc, uscc));
  return found ? { ...(found.profile as Profile), uscc } : null;
}

/** A firm's current profile and the source of each of its facts. */
export async function currentStanding(
  db: Db,
  uscc: string,
): Promise<{ profile: Profile; sources: FactSources } | null> {
  const [found] = await db
    .select({ profile: enterprises.profile, sources: enterprises.sources })
    .from(enterprises)
    .where(eq(enterprises.uscc, uscc));
  return found ? { profile: { ...(found.profile as Profile), uscc }, sources: found.sources as FactSources } : null;
}

/** The profile a firm had at a ledger entry, with its sources: its facts up to that entry (replaying a screening). */
export async function profileAt(
  db: Db,
  uscc: string,
  mark: number,
): Promise<{ profile: Profile; sources: FactSources }> {
  return standingProfile(uscc, (await standingsOf(db, [uscc], mark)).get(uscc)!);
}

/** Every value a fact (or all facts) of a firm has had, oldest first. */
export async function factHistory(db: Db, uscc: string, path?: string): Promise<FactEntry[]> {
  const rows = await db
    .select()
    .from(facts)
    .where(path ? and(eq(facts.uscc, uscc), eq(facts.path, path)) : eq(facts.uscc, uscc))
    .orderBy(asc(facts.id));
  return rows.map((r) => ({
    path: r.path,
    value: r.value,
    source: r.source,
    actor: r.actor,
    reason: r.reason,
    recordedAt: r.recordedAt,
  }));
}

/** The current profiles of many firms at once (for screening a region). */
export async function currentProfiles(db: Db, usccs: string[]): Promise<Profile[]> {
  if (usccs.length === 0) return [];
  const rows = await db
    .select({ uscc: enterprises.uscc, profile: enterprises.profile })
    .from(enterprises)
    .where(inArray(enterprises.uscc, usccs));
  const byFirm = new Map(rows.map((r) => [r.uscc, r.profile as Profile]));
  return usccs.map((u) => ({ ...(byFirm.get(u) ?? {}), uscc: u }));
}

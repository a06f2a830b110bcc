/**
 * The fact ledger (一企一档). Writing a profile appends one entry per fact whose value changed,
 * with its provenance; equal values append nothing, so importing the same sheet twice changes
 * nothing. The current profile is the latest entry of each path; every fact keeps its history.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { catalog } from '../facts/catalog.ts';
import type { Profile } from '../facts/profile.ts';
import { checkUscc } from '../facts/uscc.ts';
import type { Db } from '../platform/database.ts';
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
  const profile: Profile = { uscc };
  for (const [path, value] of entries) {
    if (value === null || value === undefined) continue;
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

/** JSON with sorted keys: jsonb does not keep key order, so values compare in this form. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

async function latest(db: Db, uscc: string): Promise<Map<string, unknown>> {
  const rows = await db
    .selectDistinctOn([facts.path], { path: facts.path, value: facts.value })
    .from(facts)
    .where(eq(facts.uscc, uscc))
    .orderBy(asc(facts.path), desc(facts.id));
  return new Map(rows.map((r) => [r.path, r.value]));
}

/**
 * Appends the facts of `profile` that differ from the firm's current values (creating the firm
 * when it is new). The profile must already be valid; `null` clears a fact. Returns how many
 * facts were written.
 */
export async function recordFacts(db: Db, uscc: string, profile: Profile, by: Provenance): Promise<number> {
  const code = checkUscc(uscc);
  if (!code.ok) throw new LedgerError('uscc', code.reason);
  if (by.source === 'reviewer' && !by.reason?.trim())
    throw new LedgerError('reason', 'a reviewer override needs a reason');
  const wanted = flatten({ ...profile, uscc: undefined });
  return db.transaction(async (tx) => {
    await tx.insert(enterprises).values({ uscc: code.code }).onConflictDoNothing();
    // One writer per firm at a time, so "what changed" is judged against the latest values.
    await tx.select().from(enterprises).where(eq(enterprises.uscc, code.code)).for('update');
    const current = await latest(tx, code.code);
    const rows = [...wanted]
      .filter(([path, value]) => canonical(current.get(path) ?? null) !== canonical(value))
      .map(([path, value]) => ({
        uscc: code.code,
        path,
        value,
        source: by.source,
        actor: by.actor,
        reason: by.reason ?? null,
      }));
    if (rows.length) await tx.insert(facts).values(rows);
    return rows.length;
  });
}

export async function currentProfile(db: Db, uscc: string): Promise<Profile | null> {
  const found = await db.select().from(enterprises).where(eq(enterprises.uscc, uscc));
  if (found.length === 0) return null;
  return assemble(uscc, await latest(db, uscc));
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

/**
 * The audit log: every write, and every read of another party's data, appended with who, what,
 * which subject and its region. The table refuses updates and deletes (see the migration).
 * Reads of lists are summarised (see recordListRead); reads of one firm's data are one row each.
 */
import { and, desc, eq, like, lt, type SQL } from 'drizzle-orm';
import { reviewerPrefix, type Actor } from './actor.ts';
import type { Db } from './database.ts';
import { forbidden } from './errors.ts';
import { LONE_SURROGATE } from './strings.ts';
import { auditLog } from './schema.ts';

const LONE_SURROGATES = new RegExp(LONE_SURROGATE, 'gu');

export interface AuditEntry {
  action: string;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  regionCode?: string | null | undefined;
  detail?: unknown;
}

/** The longest text an audit column keeps whole: subject and action sit in the log's indexes. */
const TEXT_MAX = 200;
/** A detail's strings, items per list and keys per object, and depth, kept whole. */
const DETAIL_STRING_MAX = 1000;
const DETAIL_ITEMS_MAX = 50;
const DETAIL_DEPTH_MAX = 8;
/** The largest detail (as JSON characters) kept; a larger one is summarised by its keys. */
const DETAIL_MAX = 16_384;

/** Text PostgreSQL stores (no NUL, no lone surrogates), cut to `max` with the full length noted. */
function storable(s: string, max = TEXT_MAX): string {
  const cut = s.length > max ? `${s.slice(0, max)}…(${s.length})` : s;
  return cut.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATES, '\uFFFD');
}

function bounded(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return storable(value, DETAIL_STRING_MAX);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= DETAIL_DEPTH_MAX) return '…';
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  const kept = entries.slice(0, DETAIL_ITEMS_MAX).map(([k, v]) => [k, bounded(v, depth + 1)] as const);
  if (Array.isArray(value))
    return [...kept.map(([, v]) => v), ...(value.length > DETAIL_ITEMS_MAX ? [`…(${value.length})`] : [])];
  return Object.fromEntries(kept.map(([k, v]) => [storable(String(k)), v]));
}

/** A detail an audit row can hold: long strings, long lists and deep nesting cut, a huge one summarised. */
export function boundedDetail(detail: unknown): unknown {
  if (detail === undefined || detail === null) return null;
  const plain: unknown = JSON.parse(JSON.stringify(detail));
  const kept = bounded(plain, 0);
  const size = JSON.stringify(kept).length;
  if (size <= DETAIL_MAX) return kept;
  const keys = plain && typeof plain === 'object' ? Object.keys(plain).slice(0, DETAIL_ITEMS_MAX) : [];
  return { summarised: true, characters: size, keys: keys.map((k) => storable(k)) };
}

export async function recordAudit(
  db: Db,
  actor: Pick<Actor, 'userId' | 'username' | 'role'> | null,
  entry: AuditEntry,
  ip?: string,
): Promise<void> {
  await db.insert(auditLog).values({
    userId: actor?.userId ?? null,
    username: actor?.username ?? null,
    role: actor?.role ?? null,
    action: storable(entry.action),
    subjectType: entry.subjectType === undefined ? null : storable(entry.subjectType),
    subjectId: entry.subjectId === undefined ? null : storable(entry.subjectId),
    regionCode: entry.regionCode ?? null,
    detail: boundedDetail(entry.detail),
    ip: ip ?? null,
  });
}

type Who = Pick<Actor, 'userId' | 'username' | 'role'>;

/** List reads of one actor, list and scope, gathered since the last flush. */
interface Gathered {
  actor: Who;
  entry: AuditEntry;
  reads: number;
  from: Date;
  to: Date;
  /** The distinct details (filters, pages) read, up to LIST_SAMPLES. */
  samples: Map<string, unknown>;
}

/** How often gathered list reads are written, and so how many rows a busy list costs at most. */
export const LIST_FLUSH_MS = 60_000;
const LIST_SAMPLES = 10;
const gathered = new Map<Db, Map<string, Gathered>>();
let timer: NodeJS.Timeout | undefined;

/**
 * A read of a list (the firm directory, claims, a screening's results): audited as one row per
 * actor × list × scope per minute, carrying how many reads it stands for and the filters used,
 * not a row per page turn. Rows gather in this process and are written each minute and when the
 * platform closes, so a crash loses at most the last minute's list reads — never a write, nor a
 * read of one firm's data.
 */
export function recordListRead(db: Db, actor: Who, entry: AuditEntry): void {
  const key = JSON.stringify([actor.userId, entry.action, entry.subjectType, entry.subjectId, entry.regionCode]);
  let byKey = gathered.get(db);
  if (!byKey) gathered.set(db, (byKey = new Map()));
  const now = new Date();
  const g = byKey.get(key) ?? { actor, entry, reads: 0, from: now, to: now, samples: new Map() };
  g.reads += 1;
  g.to = now;
  const sample = JSON.stringify(entry.detail ?? null);
  if (g.samples.size < LIST_SAMPLES) g.samples.set(sample, entry.detail ?? null);
  byKey.set(key, g);
  timer ??= setInterval(() => {
    flushListReads().catch((e: unknown) => console.error('writing list reads to the audit log', e));
  }, LIST_FLUSH_MS).unref();
}

/** Writes the gathered list reads (of one database, or all) as one row each. */
export async function flushListReads(db?: Db): Promise<void> {
  for (const [target, byKey] of db ? [[db, gathered.get(db)] as const] : [...gathered]) {
    if (!byKey?.size) continue;
    const rows = [...byKey.values()];
    byKey.clear();
    await target.insert(auditLog).values(
      rows.map((g) => ({
        userId: g.actor.userId,
        username: g.actor.username,
        role: g.actor.role,
        action: g.entry.action,
        subjectType: g.entry.subjectType ?? null,
        subjectId: g.entry.subjectId ?? null,
        regionCode: g.entry.regionCode ?? null,
        detail: { reads: g.reads, from: g.from.toISOString(), to: g.to.toISOString(), read: [...g.samples.values()] },
        at: g.to,
      })),
    );
  }
}

export interface AuditQuery {
  action?: string | undefined;
  subjectId?: string | undefined;
  /** Entries with an id below this one (paging backwards from the newest). */
  before?: number | undefined;
  limit: number;
}

/**
 * What an actor may read of the log: an administrator all of it, a reviewer the entries about
 * data in their region, an enterprise who touched its own firm's data.
 */
export async function listAudit(db: Db, actor: Actor, q: AuditQuery) {
  const where: (SQL | undefined)[] = [];
  if (actor.role === 'reviewer') {
    where.push(like(auditLog.regionCode, `${reviewerPrefix(actor)}%`));
  } else if (actor.role === 'enterprise') {
    where.push(and(eq(auditLog.subjectType, 'enterprise'), eq(auditLog.subjectId, actor.uscc!)));
  } else if (actor.role !== 'admin') {
    throw forbidden({ zh: '无权查看审计日志', en: 'This role may not read the audit log' });
  }
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.subjectId) where.push(eq(auditLog.subjectId, q.subjectId));
  if (q.before) where.push(lt(auditLog.id, q.before));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit);
}

/**
 * The audit log: every write, and every read of another party's data, appended with who, what,
 * which subject and its region. The table refuses updates and deletes (see the migration).
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

/**
 * The audit log: every write, and every read of another party's data, appended with who, what,
 * which subject and its region. The table refuses updates and deletes (see the migration).
 * Reads of lists are summarised (see recordListRead); reads of one firm's data are one row each.
 */
import { and, desc, eq, like, lt, type SQL } from 'drizzle-orm';
import { reviewerPrefix, type Actor } from './actor.ts';
import type { Db } from './database.ts';
import { forbidden } from './errors.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
  action: string;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  regionCode?: string | null | undefined;
  detail?: unknown;
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
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    regionCode: entry.regionCode ?? null,
    detail: entry.detail ?? null,
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

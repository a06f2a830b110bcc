/**
 * The audit log: every write, and every read of another party's data, appended with who, what,
 * which subject and its region. The table refuses updates and deletes (see the migration).
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

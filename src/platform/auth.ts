/**
 * Accounts, browser sessions and API tokens. A session is a random id in an HttpOnly cookie plus
 * a CSRF token the page sends back in a header; a token is a bearer secret for machines. Only
 * hashes of either are stored. Failed logins are counted from the audit log, so the limit holds
 * across any number of server processes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, isNull, or } from 'drizzle-orm';
import { checkRegionCode, NATIONAL } from '../facts/regions.ts';
import { checkUscc } from '../facts/uscc.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './database.ts';
import { AppError, invalid } from './errors.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { apiTokens, auditLog, sessions, users, type ReviewLevel, type Role } from './schema.ts';

export const SESSION_HOURS = 12;
/** Failed logins allowed per account (and per address, ×4) in the window before refusing. */
export const LOGIN_LIMIT = 5;
export const LOGIN_WINDOW_MINUTES = 15;

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
const secret = (bytes = 32) => randomBytes(bytes).toString('base64url');

type UserRow = typeof users.$inferSelect;

export function toActor(u: UserRow): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    regionCode: u.regionCode,
    level: u.level,
    uscc: u.uscc,
    organization: u.organization,
  };
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  regionCode?: string | undefined;
  level?: ReviewLevel | undefined;
  uscc?: string | undefined;
  organization?: string | undefined;
}

export async function createUser(db: Db, u: NewUser): Promise<Actor> {
  const problems: { field: string; message: string }[] = [];
  if (!/^[a-zA-Z0-9_.-]{3,40}$/.test(u.username))
    problems.push({ field: 'username', message: '3–40 letters, digits, _ . or -' });
  if (u.password.length < 10) problems.push({ field: 'password', message: 'at least 10 characters' });
  if (u.role === 'reviewer') {
    if (!u.level) problems.push({ field: 'level', message: 'a reviewer needs a level' });
    if (u.regionCode !== NATIONAL) {
      const region = checkRegionCode(u.regionCode ?? '');
      if (!region.ok) problems.push({ field: 'regionCode', message: region.reason });
    }
  }
  if (u.role === 'enterprise') {
    const code = checkUscc(u.uscc ?? '');
    if (!code.ok) problems.push({ field: 'uscc', message: code.reason });
  }
  if (problems.length) throw invalid(problems);
  const taken = await db.select({ id: users.id }).from(users).where(eq(users.username, u.username));
  if (taken.length)
    throw new AppError(409, 'username_taken', { zh: '用户名已被使用', en: `The username "${u.username}" is taken` });
  const [row] = await db
    .insert(users)
    .values({
      username: u.username,
      passwordHash: await hashPassword(u.password),
      displayName: u.displayName,
      role: u.role,
      regionCode: u.role === 'reviewer' ? u.regionCode! : null,
      level: u.role === 'reviewer' ? u.level! : null,
      uscc: u.role === 'enterprise' ? u.uscc! : null,
      organization: u.organization ?? null,
    })
    .returning();
  return toActor(row!);
}

export async function userCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row!.n;
}

const tooMany = () =>
  new AppError(429, 'too_many_attempts', {
    zh: `登录失败次数过多，请 ${LOGIN_WINDOW_MINUTES} 分钟后再试`,
    en: `Too many failed logins; try again in ${LOGIN_WINDOW_MINUTES} minutes`,
  });

async function recentFailures(db: Db, where: ReturnType<typeof eq>): Promise<number> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.login_failed'), gt(auditLog.at, since), where));
  return row!.n;
}

export interface Session {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function login(db: Db, username: string, password: string, ip?: string): Promise<Session> {
  if (
    (await recentFailures(db, eq(auditLog.subjectId, username))) >= LOGIN_LIMIT ||
    (ip !== undefined && (await recentFailures(db, eq(auditLog.ip, ip))) >= LOGIN_LIMIT * 4)
  )
    throw tooMany();
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(password, u?.passwordHash ?? (await dummyHash()));
  if (!u || !ok) {
    await recordAudit(db, null, { action: 'auth.login_failed', subjectType: 'user', subjectId: username }, ip);
    throw new AppError(401, 'bad_credentials', { zh: '用户名或密码错误', en: 'Wrong username or password' });
  }
  const sessionId = secret();
  const csrfToken = secret(18);
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.insert(sessions).values({ idHash: sha256(sessionId), userId: u.id, csrfToken, expiresAt });
  const actor = toActor(u);
  await recordAudit(db, actor, { action: 'auth.login', subjectType: 'user', subjectId: username }, ip);
  return { actor, sessionId, csrfToken, expiresAt };
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(sessionId)));
}

/** The actor behind a session cookie, with the CSRF token that session expects. */
export async function sessionActor(db: Db, sessionId: string): Promise<{ actor: Actor; csrfToken: string } | null> {
  const [row] = await db
    .select({ user: users, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sha256(sessionId)), gt(sessions.expiresAt, new Date())));
  return row ? { actor: toActor(row.user), csrfToken: row.csrfToken } : null;
}

export async function issueToken(
  db: Db,
  actor: Actor,
  name: string,
  days?: number,
): Promise<{ token: string; expiresAt: Date | null }> {
  const token = `hq_${secret()}`;
  const expiresAt = days ? new Date(Date.now() + days * 86400_000) : null;
  await db.insert(apiTokens).values({ tokenHash: sha256(token), userId: actor.userId, name, expiresAt });
  await recordAudit(db, actor, {
    action: 'auth.token_issued',
    subjectType: 'user',
    subjectId: actor.username,
    detail: { name },
  });
  return { token, expiresAt };
}

export async function tokenActor(db: Db, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(eq(apiTokens.tokenHash, sha256(token)), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date()))),
    );
  return row ? toActor(row.user) : null;
}

/**
 * Accounts, browser sessions and API tokens. A session is a random id in an HttpOnly cookie plus
 * a CSRF token the page sends back in a header; a token is a bearer secret for machines. Only
 * hashes of either are stored. Failed logins are counted from the audit log, so the limits hold
 * across any number of server processes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { checkRegionCode, NATIONAL } from '../facts/regions.ts';
import { checkUscc } from '../facts/uscc.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './database.ts';
import { AppError, invalid, notFound, tooManyRequests } from './errors.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { apiTokens, auditLog, sessions, users, type ReviewLevel, type Role } from './schema.ts';

export const SESSION_HOURS = 12;

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

/**
 * Failed logins are counted per account and address together, so a stranger guessing elsewhere
 * cannot lock the owner out: a few are answered at once, then each waits twice as long as the
 * last, then that pair is locked for the window. Only a flood against one account (or from one
 * address) locks more widely, and even then not from an address the account has logged in from.
 */
export const LOGIN_WINDOW_MINUTES = 15;
/** Failures of one account from one address answered without waiting. */
export const FREE_FAILURES = 3;
/** Failures of one account from one address that lock that pair for the window. */
export const PAIR_LIMIT = 10;
/** Failures of one account from all addresses that lock it (but not from addresses it has logged in from). */
export const ACCOUNT_LIMIT = 50;
/** Failures from one address over all accounts that lock it (but not for accounts logged in from there). */
export const ADDRESS_LIMIT = 100;

export interface LoginHistory {
  /** This account's failures from this address within the window, oldest first (at most PAIR_LIMIT). */
  pairFailures: Date[];
  accountFailures: number;
  addressFailures: number;
  /** The account has logged in from this address before. */
  knownAddress: boolean;
}

/** How long an attempt must wait before its password is even checked; null when it may go ahead. */
export function loginWait(h: LoginHistory, now: number): { seconds: number; locked: boolean } | null {
  const windowMs = LOGIN_WINDOW_MINUTES * 60_000;
  const n = h.pairFailures.length;
  if (n >= PAIR_LIMIT)
    return { seconds: (h.pairFailures[n - PAIR_LIMIT]!.getTime() + windowMs - now) / 1000, locked: true };
  if (!h.knownAddress && (h.accountFailures >= ACCOUNT_LIMIT || h.addressFailures >= ADDRESS_LIMIT))
    return { seconds: windowMs / 1000, locked: true };
  if (n >= FREE_FAILURES) {
    const waitMs = 2 ** (n - FREE_FAILURES) * 1000 - (now - h.pairFailures[n - 1]!.getTime());
    if (waitMs > 0) return { seconds: waitMs / 1000, locked: false };
  }
  return null;
}

async function loginHistory(db: Db, username: string, ip: string | undefined): Promise<LoginHistory> {
  const failed = and(
    eq(auditLog.action, 'auth.login_failed'),
    gt(auditLog.at, new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000)),
  );
  const fromIp = ip === undefined ? isNull(auditLog.ip) : eq(auditLog.ip, ip);
  const counted = (where: SQL | undefined) =>
    db
      .select({ n: count() })
      .from(auditLog)
      .where(where)
      .then(([row]) => row!.n);
  const pair = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(failed, eq(auditLog.subjectId, username), fromIp))
    .orderBy(desc(auditLog.at))
    .limit(PAIR_LIMIT);
  const known = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.subjectId, username), fromIp))
    .limit(1);
  return {
    pairFailures: pair.map((r) => r.at).reverse(),
    accountFailures: await counted(and(failed, eq(auditLog.subjectId, username))),
    // Without an address there is nothing to count per address.
    addressFailures: ip === undefined ? 0 : await counted(and(failed, fromIp)),
    knownAddress: known.length > 0,
  };
}

function refused(wait: { seconds: number; locked: boolean }): AppError {
  const seconds = Math.max(1, Math.ceil(wait.seconds));
  return wait.locked
    ? tooManyRequests(
        'too_many_attempts',
        {
          zh: `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`,
          en: `Too many failed logins; try again in ${Math.ceil(seconds / 60)} minutes`,
        },
        seconds,
      )
    : tooManyRequests(
        'login_slowed',
        { zh: `登录失败多次，请 ${seconds} 秒后再试`, en: `Several failed logins; try again in ${seconds} seconds` },
        seconds,
      );
}

export interface Session {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function login(db: Db, username: string, password: string, ip?: string): Promise<Session> {
  // A refused attempt is not checked, so it is not counted either: waiting is all it takes.
  const wait = loginWait(await loginHistory(db, username, ip), Date.now());
  if (wait) throw refused(wait);
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

/** A token lives this many days unless its owner asks for another span (up to TOKEN_MAX_DAYS). */
export const TOKEN_DAYS = 90;
export const TOKEN_MAX_DAYS = 366;
/** A token's last use is written when it is this much older than the use, not on every request. */
const LAST_USED_STEP_MS = 60_000;

export interface NewToken {
  name: string;
  days?: number | undefined;
  readOnly?: boolean | undefined;
}

export async function issueToken(
  db: Db,
  actor: Actor,
  t: NewToken,
): Promise<{ id: number; token: string; expiresAt: Date; readOnly: boolean }> {
  const token = `hq_${secret()}`;
  const expiresAt = new Date(Date.now() + (t.days ?? TOKEN_DAYS) * 86400_000);
  const readOnly = t.readOnly ?? false;
  const [row] = await db
    .insert(apiTokens)
    .values({ tokenHash: sha256(token), userId: actor.userId, name: t.name, expiresAt, readOnly })
    .returning({ id: apiTokens.id });
  await recordAudit(db, actor, {
    action: 'auth.token_issued',
    subjectType: 'user',
    subjectId: actor.username,
    detail: { name: t.name, token: row!.id, readOnly, expiresAt: expiresAt.toISOString() },
  });
  return { id: row!.id, token, expiresAt, readOnly };
}

export interface TokenHolder {
  actor: Actor;
  tokenId: number;
  readOnly: boolean;
}

export async function tokenActor(db: Db, token: string): Promise<TokenHolder | null> {
  const [row] = await db
    .select({ user: users, id: apiTokens.id, readOnly: apiTokens.readOnly, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), gt(apiTokens.expiresAt, new Date())));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= LAST_USED_STEP_MS) await markUsed(db, row.id);
  return { actor: toActor(row.user), tokenId: row.id, readOnly: row.readOnly };
}

/** The condition repeated in SQL: of several processes seeing a stale time, one writes. */
async function markUsed(db: Db, id: number): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, id),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(apiTokens.lastUsedAt, sql`now() - make_interval(secs => ${LAST_USED_STEP_MS / 1000})`),
        ),
      ),
    );
}

/** The caller's tokens, or (an administrator asking for all) everyone's; newest first, secrets never. */
export async function listTokens(db: Db, actor: Actor, all: boolean) {
  if (all && actor.role !== 'admin')
    throw new AppError(403, 'forbidden', {
      zh: '只有管理员可以查看所有人的令牌',
      en: 'Only administrators list every token',
    });
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      username: users.username,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      readOnly: apiTokens.readOnly,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(all ? undefined : eq(apiTokens.userId, actor.userId))
    .orderBy(desc(apiTokens.id));
  return rows;
}

/** Its owner or an administrator revokes a token; to anyone else it does not exist. */
export async function revokeToken(db: Db, actor: Actor, id: number): Promise<void> {
  const [t] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, userId: apiTokens.userId, owner: users.username })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.id, id));
  if (!t || (t.userId !== actor.userId && actor.role !== 'admin'))
    throw notFound({ zh: `API 令牌 ${id}`, en: `API token ${id}` });
  await db.delete(apiTokens).where(eq(apiTokens.id, id));
  await recordAudit(db, actor, {
    action: 'auth.token_revoked',
    subjectType: 'user',
    subjectId: t.owner,
    detail: { token: id, name: t.name },
  });
}

/**
 * "Log out everywhere": every session of the user ends and every token of theirs is revoked —
 * what to do when a password or a token may have leaked. (An ordinary logout ends only the one
 * browser session; a machine's token carries on.)
 */
export async function logoutEverywhere(db: Db, actor: Actor): Promise<{ sessions: number; tokens: number }> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, actor.userId)).returning({ id: sessions.idHash });
  const revoked = await db.delete(apiTokens).where(eq(apiTokens.userId, actor.userId)).returning({ id: apiTokens.id });
  const counts = { sessions: ended.length, tokens: revoked.length };
  await recordAudit(db, actor, {
    action: 'auth.logout_everywhere',
    subjectType: 'user',
    subjectId: actor.username,
    detail: counts,
  });
  return counts;
}

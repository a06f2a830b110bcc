/** `auth`: log in and out, who am I, API tokens; and the audit log. */
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { listAudit, recordAudit } from './audit.ts';
import {
  issueToken,
  listTokens,
  login,
  logout,
  logoutEverywhere,
  revokeToken,
  SESSION_HOURS,
  TOKEN_DAYS,
  TOKEN_MAX_DAYS,
} from './auth.ts';
import { AppError } from './errors.ts';
import { commonErrors, decimal, ErrorBody, json, MAX_ID } from './openapi.ts';
import { actorOf, clientIp, CSRF_COOKIE, newRouter, SESSION_COOKIE, type Ctx } from './http.ts';
import { LEVELS, ROLES } from './schema.ts';

export const User = z
  .object({
    userId: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    regionCode: z.string().nullable().openapi({ description: '审核人员所辖区划（GB/T 2260）' }),
    level: z.enum(LEVELS).nullable(),
    uscc: z.string().nullable().openapi({ description: '企业用户所属企业的统一社会信用代码' }),
    organization: z.string().nullable(),
  })
  .openapi('User');

const { 400: badRequest, 401: notLoggedIn, 403: refused, 404: missing } = commonErrors;
const errors = { 400: badRequest, 401: notLoggedIn, 403: refused };

const ApiToken = z
  .object({
    id: z.number().int(),
    name: z.string(),
    username: z.string().openapi({ description: '令牌所属用户 / whose token it is' }),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable().openapi({ description: '最近使用时间（精确到分钟）/ last used, to the minute' }),
    readOnly: z.boolean(),
  })
  .openapi('ApiToken');

const secure = (c: Ctx) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

export const authRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/login',
      tags: ['auth'],
      summary: '登录 / Log in',
      description:
        'Sets an HttpOnly session cookie and returns the CSRF token the browser must send back in the `x-csrf-token` header with every change. Failed attempts are limited per account and per address.',
      request: {
        body: {
          required: true,
          content: {
            'application/json': { schema: z.object({ username: z.string().min(1), password: z.string().min(1) }) },
          },
        },
      },
      responses: {
        200: json(z.object({ user: User, csrfToken: z.string() }), '已登录 / logged in'),
        ...errors,
        429: json(ErrorBody, '尝试过多 / too many failed attempts'),
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const s = await login(c.get('platform').db, username, password, clientIp(c));
      const cookie = { path: '/', sameSite: 'Lax', secure: secure(c), maxAge: SESSION_HOURS * 3600 } as const;
      setCookie(c, SESSION_COOKIE, s.sessionId, { ...cookie, httpOnly: true });
      setCookie(c, CSRF_COOKIE, s.csrfToken, cookie);
      return c.json({ user: s.actor, csrfToken: s.csrfToken }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/logout',
      tags: ['auth'],
      summary: '退出登录 / Log out',
      description:
        'Ends this browser session; the user’s API tokens carry on (a machine’s token outlives a browser session). With `everywhere=true`, ends every session of the user and revokes all their API tokens.',
      request: {
        query: z.object({
          everywhere: z
            .enum(['true', 'false'])
            .default('false')
            .openapi({ description: '在所有地方退出并吊销全部令牌 / log out everywhere and revoke every token' }),
        }),
      },
      responses: { 204: { description: '已退出 / logged out' }, ...errors },
    }),
    async (c) => {
      const sid = getCookie(c, SESSION_COOKIE);
      const actor = c.get('actor');
      const { db } = c.get('platform');
      if (actor && c.req.valid('query').everywhere === 'true') await logoutEverywhere(db, actor);
      else {
        if (sid) await logout(db, sid);
        if (actor)
          await recordAudit(db, actor, { action: 'auth.logout', subjectType: 'user', subjectId: actor.username });
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/auth/me',
      tags: ['auth'],
      summary: '当前用户 / Who am I',
      responses: { 200: json(User, '当前用户 / the caller'), ...errors },
    }),
    (c) => c.json(actorOf(c), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/tokens',
      tags: ['auth'],
      summary: '签发 API 令牌 / Issue an API token',
      description: `A bearer token for machines (\`Authorization: Bearer hq_…\`), acting as the caller; shown once. It expires after \`days\` (${TOKEN_DAYS} by default); a \`readOnly\` token is refused every change. Only a browser session issues tokens: a token cannot mint another.`,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                name: z.string().trim().min(1).max(80),
                days: z.number().int().min(1).max(TOKEN_MAX_DAYS).optional(),
                readOnly: z.boolean().optional(),
              }),
            },
          },
        },
      },
      responses: {
        201: json(
          z.object({ id: z.number().int(), token: z.string(), expiresAt: z.string(), readOnly: z.boolean() }),
          '令牌 / the token',
        ),
        ...errors,
      },
    }),
    async (c) => {
      if (c.get('credential')?.kind === 'token')
        throw new AppError(403, 'token_cannot_issue', {
          zh: 'API 令牌不能签发新令牌，请登录后在“API 令牌”页签发',
          en: 'A token cannot issue tokens; log in and issue one from a browser session',
        });
      const t = await issueToken(c.get('platform').db, actorOf(c), c.req.valid('json'));
      return c.json({ id: t.id, token: t.token, expiresAt: t.expiresAt.toISOString(), readOnly: t.readOnly }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/auth/tokens',
      tags: ['auth'],
      summary: 'API 令牌列表 / API tokens',
      description:
        'The caller’s tokens, newest first, with expiry and last use (never the secret). An administrator passes `all=true` for everyone’s.',
      request: {
        query: z.object({
          all: z
            .enum(['true', 'false'])
            .default('false')
            .openapi({ description: '所有用户的令牌（管理员）/ every user’s (administrators)' }),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(ApiToken) }), '令牌 / tokens'), ...errors },
    }),
    async (c) => {
      const rows = await listTokens(c.get('platform').db, actorOf(c), c.req.valid('query').all === 'true');
      const iso = (d: Date | null) => d?.toISOString() ?? null;
      const items = rows.map((t) => ({
        ...t,
        createdAt: t.createdAt.toISOString(),
        expiresAt: t.expiresAt.toISOString(),
        lastUsedAt: iso(t.lastUsedAt),
      }));
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/auth/tokens/{id}',
      tags: ['auth'],
      summary: '吊销 API 令牌 / Revoke an API token',
      description: 'Its owner or an administrator; audited. To anyone else the token does not exist (404).',
      request: { params: z.object({ id: z.coerce.number().int().min(1).max(MAX_ID) }) },
      responses: { 204: { description: '已吊销 / revoked' }, ...errors, 404: missing },
    }),
    async (c) => {
      await revokeToken(c.get('platform').db, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit',
      tags: ['audit'],
      summary: '审计日志 / Audit log',
      description:
        'Newest first. Administrators read all of it; reviewers the entries about data in their region; an enterprise who touched its own data.',
      request: {
        query: z.object({
          action: z.string().optional(),
          subjectId: z.string().optional(),
          before: decimal(1, Number.MAX_SAFE_INTEGER).optional(),
          limit: decimal(1, 500).default(50),
        }),
      },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                username: z.string().nullable(),
                role: z.string().nullable(),
                action: z.string(),
                subjectType: z.string().nullable(),
                subjectId: z.string().nullable(),
                regionCode: z.string().nullable(),
                detail: z.unknown(),
              }),
            ),
          }),
          '审计记录 / entries',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const rows = await listAudit(c.get('platform').db, actorOf(c), c.req.valid('query'));
      const items = rows.map(({ ip: _ip, userId: _u, at, ...r }) => ({ ...r, at: at.toISOString() }));
      return c.json({ items }, 200);
    },
  );

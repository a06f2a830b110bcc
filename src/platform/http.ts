/**
 * The HTTP kit every module's routes use: the router type with request validation that answers
 * 400 naming each bad field, finding out who is calling (session cookie or bearer token, with a
 * CSRF check for cookies), and turning errors into 4xx bodies with a code and a bilingual message.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { fieldErrors } from '../facts/profile.ts';
import type { Actor } from './actor.ts';
import { sessionActor, tokenActor } from './auth.ts';
import type { Platform } from './context.ts';
import { AppError, invalid, unauthenticated, type ErrorStatus } from './errors.ts';
import { refuseBadStrings } from './strings.ts';

export const SESSION_COOKIE = 'huiqi_session';
export const CSRF_COOKIE = 'huiqi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface AppEnv {
  Variables: {
    platform: Platform;
    actor: Actor | null;
  };
}

export type Ctx = Context<AppEnv>;

/** How a 400 names a whole part of the request (a body that is not an object, say). */
const WHOLE: Record<string, string> = { json: '(body)', form: '(form)', query: '(query)', param: '(path)' };

export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      const whole = WHOLE[result.target];
      if (!result.success) throw invalid(fieldErrors(result.error.issues, whole));
      // A required JSON body is only validated without a JSON content type when none was sent.
      if (result.target === 'json' && !/^application\/json/i.test(c.req.header('content-type') ?? ''))
        throw invalid([{ field: '(body)', message: '缺少 JSON 请求体 / the JSON body is missing' }]);
      refuseBadStrings(result.data, whole);
    },
  });
}

/** The caller, or 401. */
export function actorOf(c: Ctx): Actor {
  const actor = c.get('actor');
  if (!actor) throw unauthenticated();
  return actor;
}

/** A multipart upload: its `file` field (400 `file_missing` without one) and the other fields. */
export async function uploadedForm(c: Ctx): Promise<{ file: File; fields: Record<string, string | File> }> {
  const fields = await c.req.parseBody();
  refuseBadStrings(fields, '(form)');
  const file = fields.file;
  if (!(file instanceof File))
    throw new AppError(
      400,
      'file_missing',
      { zh: '请在表单字段 file 中上传文件', en: 'Send the file in the form field "file"' },
      [{ field: 'file', message: '缺少文件 / no file sent' }],
    );
  return { file, fields };
}

export function clientIp(c: Ctx): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // a request made in-process (tests) has no socket
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Finds out who is calling. A cookie session must send its CSRF token with every change. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db } = c.get('platform');
  c.set('actor', null);
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) {
    const actor = await tokenActor(db, bearer);
    if (!actor) throw new AppError(401, 'bad_token', { zh: 'API 令牌无效或已过期', en: 'The API token is not valid' });
    c.set('actor', actor);
    return next();
  }
  const sid = getCookie(c, SESSION_COOKIE);
  if (sid) {
    const found = await sessionActor(db, sid);
    if (found) {
      if (UNSAFE.has(c.req.method) && c.req.header(CSRF_HEADER) !== found.csrfToken) {
        throw new AppError(403, 'csrf_failed', {
          zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
          en: `Missing or wrong ${CSRF_HEADER} header; reload the page and try again`,
        });
      }
      c.set('actor', found.actor);
    }
  }
  return next();
};

/** Requests that carry a body must say it is the kind the route reads. */
export function requireContentType(kind: 'application/json' | 'multipart/form-data'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const hasBody =
      c.req.header('content-length') !== '0' && (c.req.header('content-length') || c.req.header('transfer-encoding'));
    if (UNSAFE.has(c.req.method) && hasBody && !(c.req.header('content-type') ?? '').toLowerCase().startsWith(kind)) {
      throw new AppError(415, 'unsupported_media_type', {
        zh: `请求体须为 ${kind}`,
        en: `The body must be sent as ${kind}`,
      });
    }
    return next();
  };
}

export function errorResponse(err: Error, c: Ctx): Response {
  if (err instanceof AppError) return c.json(err.toJSON(), err.status);
  if (err instanceof HTTPException) {
    const known: Record<number, AppError> = {
      413: new AppError(413, 'payload_too_large', { zh: '上传内容过大', en: 'The request body is too large' }),
      415: new AppError(415, 'unsupported_media_type', {
        zh: '请求体的类型不受支持',
        en: 'The body is not of a type this route reads',
      }),
      400: new AppError(
        400,
        'malformed_body',
        { zh: '请求体格式错误（不是有效的 JSON 或表单）', en: `The request body is malformed: ${err.message}` },
        [{ field: '(body)', message: '不是有效的 JSON 或表单 / not valid JSON or form data' }],
      ),
    };
    const e =
      known[err.status] ??
      new AppError(err.status as ErrorStatus, 'http_error', { zh: `请求无法处理：${err.message}`, en: err.message });
    return c.json(e.toJSON(), e.status);
  }
  console.error(err);
  return c.json({ error: { code: 'internal', message: { zh: '服务器内部错误', en: 'Internal server error' } } }, 500);
}

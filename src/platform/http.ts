/**
 * The HTTP kit every module's routes use: the router type with request validation that answers
 * 400 naming each bad field, finding out who is calling (session cookie or bearer token, with a
 * CSRF check for cookies), and turning errors into 4xx bodies with a code and a bilingual message.
 */
import { Readable } from 'node:stream';
import { OpenAPIHono } from '@hono/zod-openapi';
import busboy from 'busboy';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { fieldErrors } from '../facts/profile.ts';
import type { Actor } from './actor.ts';
import { clientAddress, isTrustedPeer } from './addresses.ts';
import { sessionActor, tokenActor } from './auth.ts';
import type { Platform } from './context.ts';
import { AppError, invalid, tooManyRequests, unauthenticated, type ErrorStatus, type Message } from './errors.ts';
import type { RateLimit } from './rate-limit.ts';
import { refuseBadStrings } from './strings.ts';

export const SESSION_COOKIE = 'huiqi_session';
export const CSRF_COOKIE = 'huiqi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** How the caller proved who they are: a browser session, or an API token (which may be read-only). */
export type Credential = { kind: 'session' } | { kind: 'token'; tokenId: number; readOnly: boolean };

export interface AppEnv {
  Variables: {
    platform: Platform;
    actor: Actor | null;
    credential: Credential | null;
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

/** An uploaded file, read whole: at most the route's limit, so kept in memory. */
export interface Upload {
  name: string;
  data: Buffer;
}

const tooLargeFile = (name: string, maxBytes: number) =>
  new AppError(413, 'file_too_large', {
    zh: `文件「${name}」超过 ${Math.round(maxBytes / 1024 / 1024)} MB 的上限`,
    en: `${name} is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit`,
  });

const malformedForm = (e: Error) =>
  new AppError(
    400,
    'malformed_body',
    { zh: '请求体格式错误（不是有效的表单）', en: `The request body is not a valid form: ${e.message}` },
    [{ field: '(body)', message: e.message }],
  );

/**
 * A multipart upload: its `file` field (400 `file_missing` without one, 413 past `maxBytes`) and
 * the other fields. The body is parsed as it arrives (busboy), never buffered and parsed in one go.
 */
export async function uploadedForm(
  c: Ctx,
  maxBytes: number,
): Promise<{ file: Upload; fields: Record<string, string> }> {
  const body = c.req.raw.body;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': c.req.header('content-type') ?? '' },
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 64 * 1024 },
    });
  } catch (e) {
    throw malformedForm(e as Error);
  }
  const fields: Record<string, string> = {};
  let file: Promise<Upload> | undefined;
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || file) return void stream.resume();
      file = new Promise<Upload>((done, fail) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('limit', () => fail(tooLargeFile(info.filename ?? 'file', maxBytes)));
        stream.on('end', () => done({ name: info.filename ?? 'file', data: Buffer.concat(chunks) }));
        stream.on('error', fail);
      });
      file.catch(() => undefined); // answered below, once the body is read
    });
    parser.on('close', resolve);
    parser.on('error', (e: Error) => reject(malformedForm(e)));
  });
  if (body) Readable.fromWeb(body as import('node:stream/web').ReadableStream).pipe(parser);
  else parser.end();
  await parsed;
  // A form without `file` names the field, as any request's validation does; one whose `file` is text says so.
  if (!file && !('file' in fields))
    throw invalid([{ field: 'file', message: 'required: the spreadsheet or document' }]);
  if (!file)
    throw new AppError(
      400,
      'file_missing',
      { zh: '请在表单字段 file 中上传文件', en: 'Send the file in the form field "file"' },
      [{ field: 'file', message: '缺少文件 / no file sent' }],
    );
  const upload = await file;
  refuseBadStrings({ ...fields, file: { name: upload.name } }, '(form)');
  return { file: upload, fields };
}

function socketPeer(c: Ctx): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // a request made in-process without a socket
  }
}

/** Whether the request reached us from a trusted proxy, whose forwarded headers are then believed. */
export function viaTrustedProxy(c: Ctx): boolean {
  const peer = socketPeer(c);
  return peer !== undefined && isTrustedPeer(peer, c.get('platform')?.trustedProxies);
}

/** The client's address, seen through the trusted proxies: what every per-address limit counts. */
export const clientIp = (c: Ctx): string | undefined =>
  clientAddress(socketPeer(c), c.req.header('x-forwarded-for'), c.get('platform').trustedProxies);

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Finds out who is calling. A cookie session must send its CSRF token with every change; a
 * read-only token may make none.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db } = c.get('platform');
  c.set('actor', null);
  c.set('credential', null);
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) {
    const found = await tokenActor(db, bearer);
    if (!found)
      throw new AppError(401, 'bad_token', { zh: 'API 令牌无效、已过期或已吊销', en: 'The API token is not valid' });
    if (found.readOnly && UNSAFE.has(c.req.method))
      throw new AppError(403, 'read_only_token', {
        zh: '此 API 令牌为只读，不能用于修改数据',
        en: 'This API token is read-only: it may not change anything',
      });
    c.set('actor', found.actor);
    c.set('credential', { kind: 'token', tokenId: found.tokenId, readOnly: found.readOnly });
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
      c.set('credential', { kind: 'session' });
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

/** How long a 429 that names no wait of its own asks the client to wait. */
const DEFAULT_RETRY_SECONDS = 60;

/** The one place errors become answers, so every 429 carries `Retry-After`. */
function errorAnswer(e: AppError, c: Ctx): Response {
  if (e.status === 429) c.header('Retry-After', String(e.retryAfterSeconds ?? DEFAULT_RETRY_SECONDS));
  return c.json(e.toJSON(), e.status);
}

export function errorResponse(err: Error, c: Ctx): Response {
  if (err instanceof AppError) return errorAnswer(err, c);
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
    return errorAnswer(e, c);
  }
  console.error(err);
  return c.json({ error: { code: 'internal', message: { zh: '服务器内部错误', en: 'Internal server error' } } }, 500);
}

/**
 * Anonymous callers share `limit` per client address (a logged-in caller is accountable and not
 * limited); past it, 429 with the wait.
 */
export function limitAnonymous(limit: RateLimit, what: Message): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('actor')) return next();
    const wait = limit.take(clientIp(c) ?? 'unknown');
    if (wait > 0)
      throw tooManyRequests(
        'rate_limited',
        {
          zh: `${what.zh}请求过于频繁（每个地址每分钟 ${limit.perMinute} 次），请稍后再试，或登录后使用`,
          en: `Too many ${what.en} requests (${limit.perMinute} a minute per address); wait a moment, or log in`,
        },
        wait,
      );
    return next();
  };
}

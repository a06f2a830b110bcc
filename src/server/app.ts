/**
 * The HTTP application: every module's routes on one Hono app, the OpenAPI 3.1 document built from
 * their schemas, the API reference page, and the error answers. Built around a Platform, so tests
 * call it in-process (`app.request`) and the server wraps it in a socket.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { EVIDENCE_MAX_BYTES } from '../cultivation/evidence.ts';
import { cultivationRoutes } from '../cultivation/routes.ts';
import { decisionRoutes } from '../decisions/routes.ts';
import { PAYMENT_SHEET_MAX_BYTES } from '../delivery/payments.ts';
import { deliveryRoutes } from '../delivery/routes.ts';
import { IMPORT_MAX_BYTES } from '../enterprises/import/jobs.ts';
import { importRoutes } from '../enterprises/import/routes.ts';
import { enterpriseRoutes } from '../enterprises/routes.ts';
import { authRoutes } from '../platform/auth-routes.ts';
import type { Platform } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { authenticate, errorResponse, newRouter, requireContentType } from '../platform/http.ts';
import { json } from '../platform/openapi.ts';
import { policyRoutes } from '../policy/routes.ts';
import { docsRoutes } from './docs.ts';
import { securityHeaders } from './headers.ts';
import { webRoutes } from './web.ts';

/** JSON bodies are small; only spreadsheets are large. */
export const JSON_MAX_BYTES = 1024 * 1024;

const tooLarge = (limit: number) => () => {
  throw new AppError(413, 'payload_too_large', {
    zh: `上传内容超过 ${Math.round(limit / 1024 / 1024)} MB 的上限`,
    en: `The body is larger than the ${Math.round(limit / 1024 / 1024)} MB limit`,
  });
};

const UPLOADS: [path: string, limit: number][] = [
  ['/api/v1/imports', IMPORT_MAX_BYTES],
  ['/api/v1/applications/:id/evidence', EVIDENCE_MAX_BYTES + 64 * 1024],
  ['/api/v1/policies/:id/payments/sheet', PAYMENT_SHEET_MAX_BYTES + 64 * 1024],
];
const isUpload = (path: string) =>
  path === '/api/v1/imports' ||
  /^\/api\/v1\/applications\/[^/]+\/evidence$/.test(path) ||
  /^\/api\/v1\/policies\/[^/]+\/payments\/sheet$/.test(path);

export function createApp(platform: Platform) {
  const app = newRouter();
  app.onError(errorResponse);
  // The platform first: the security headers ask it which proxies are trusted, on every page.
  app.use('*', async (c, next) => {
    c.set('platform', platform);
    await next();
  });
  app.use('*', ...securityHeaders());
  // Uploads are multipart and larger (a little over the file's own limit, for the form around it);
  // every other body is JSON.
  for (const [path, limit] of UPLOADS) {
    app.use(path, bodyLimit({ maxSize: limit, onError: tooLarge(limit) }));
    app.use(path, requireContentType('multipart/form-data'));
  }
  const jsonLimit = bodyLimit({ maxSize: JSON_MAX_BYTES, onError: tooLarge(JSON_MAX_BYTES) });
  const jsonOnly = requireContentType('application/json');
  const notUploads =
    (m: MiddlewareHandler): MiddlewareHandler =>
    (c, next) =>
      isUpload(c.req.path) ? next() : m(c, next);
  app.use('/api/v1/*', notUploads(jsonLimit), notUploads(jsonOnly));
  app.use('/api/v1/*', authenticate);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/health',
      tags: ['health'],
      summary: '健康检查 / Health',
      responses: {
        200: json(z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }), '正常 / up'),
      },
    }),
    async (c) => {
      await platform.database.execute('select 1');
      return c.json({ status: 'ok' as const, database: platform.database.kind }, 200);
    },
  );
  app.route('/', authRoutes);
  app.route('/', enterpriseRoutes);
  app.route('/', policyRoutes);
  app.route('/', importRoutes);
  app.route('/', decisionRoutes);
  app.route('/', cultivationRoutes);
  app.route('/', deliveryRoutes);
  app.route('/', docsRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'huiqi_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'token', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '惠企 Huiqi API',
      version: 'v1',
      description:
        '中小企业服务平台接口：企业档案、数据导入、策略评价（政策计算器）、决策记录与统计。浏览器会话（Cookie + `x-csrf-token`）或 API 令牌（`Authorization: Bearer`）。错误统一为 `{ error: { code, message: { zh, en }, details } }`。',
    },
    security: [{ session: [] }, { token: [] }],
  });
  // Last: every other GET is a page of the web app.
  app.route('/', webRoutes());
  app.notFound((c) =>
    c.json(
      new AppError(404, 'not_found', {
        zh: `没有这个地址：${c.req.path}`,
        en: `No such address: ${c.req.path}`,
      }).toJSON(),
      404,
    ),
  );
  return app;
}

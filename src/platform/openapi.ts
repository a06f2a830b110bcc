import { z } from '@hono/zod-openapi';

/** Every 4xx answer: a code programs can test and a message people can read, in both languages. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.object({ zh: z.string(), en: z.string() }),
      details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** The error answers most routes can give. */
export const commonErrors = {
  400: json(ErrorBody, '请求内容有误 / bad request'),
  401: json(ErrorBody, '未登录 / not logged in'),
  403: json(ErrorBody, '无权访问 / forbidden'),
  404: json(ErrorBody, '不存在 / not found'),
};

/** The largest id a serial column holds: a larger one in a path or body is refused, not a 500. */
export const MAX_ID = 2_147_483_647;

/**
 * A whole number in a path or query, written in decimal digits only: `0x10`, `1e3`, ` 16` and
 * `16.0` are refused, not read as numbers.
 */
export const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, { message: '须为十进制数字 / must be written in decimal digits 0-9' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** The id of a record in a path (serial columns). */
export const Id = z.object({ id: decimal(1, MAX_ID) });

/** The id of a record in a JSON body. */
export const BodyId = z.number().int().positive().max(MAX_ID);

/** The version a caller saw (optimistic lock), an integer column like the ids. */
export const Version = BodyId.openapi({ description: '您看到的版本号（乐观锁）/ the version you saw' });

/** The error a state machine or an optimistic lock gives. */
export const conflict = { 409: json(ErrorBody, '状态不允许或已被他人更新 / not allowed now, or changed meanwhile') };

/** A required JSON body. */
export const body = <T extends z.ZodTypeAny>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

/** A page of a list, and the query that asks for one. */
export const Page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
export const Paging = {
  page: decimal(1, MAX_ID).default(1),
  pageSize: decimal(1, 200).default(20),
};

/** The common head of a route: method, path, one tag, a bilingual summary. */
export const route = <P extends string>(method: 'get' | 'post' | 'delete', path: P, tag: string, summary: string) => ({
  method,
  path,
  tags: [tag],
  summary,
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The OpenAPI answer of a spreadsheet download. */
export const xlsxContent = { [XLSX]: { schema: z.any() } };

/** A spreadsheet as a download named `name` (any extra headers beside it). */
export const xlsxHeaders = (name: string, extra: Record<string, string> = {}) => ({
  'content-type': XLSX,
  'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
  ...extra,
});

/**
 * A multipart upload's body (a `file` and text fields), described for the API reference only: a
 * zod schema here would have the whole body parsed in memory before the route runs, where
 * uploadedForm reads it as it streams.
 */
export const uploadBody = (fields: Record<string, { description?: string; required?: boolean }> = {}) => ({
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        properties: {
          file: { type: 'string' as const, format: 'binary' },
          ...Object.fromEntries(
            Object.entries(fields).map(([name, f]) => [name, { type: 'string' as const, description: f.description }]),
          ),
        },
        required: ['file', ...Object.keys(fields).filter((name) => fields[name]!.required)],
      },
    },
  },
});

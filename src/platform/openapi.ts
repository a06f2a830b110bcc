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

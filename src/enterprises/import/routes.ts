/** `imports`: upload a spreadsheet (queued as a job), follow its progress, download the rejected rows. */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors.ts';
import { actorOf, newRouter, uploadedForm } from '../../platform/http.ts';
import { commonErrors, ErrorBody, json, xlsxContent, xlsxHeaders, uploadBody } from '../../platform/openapi.ts';
import { getImport, IMPORT_MAX_BYTES, importRejects, submitImport } from './jobs.ts';

const Id = z.object({ id: z.string().uuid() });
const ImportStatus = z
  .object({
    id: z.string(),
    fileName: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    total: z.number().openapi({ description: '数据行数 / data rows' }),
    processed: z.number(),
    imported: z.number(),
    unchanged: z.number().openapi({ description: '数据未变化的行 / rows already recorded' }),
    rejected: z.number(),
    errors: z.array(z.object({ row: z.number(), column: z.string(), reason: z.string() })),
    warnings: z
      .array(z.object({ row: z.number(), column: z.string(), reason: z.string() }))
      .openapi({ description: '未读取的表头列及原因 / header columns not read, and why' }),
    failure: z.string().nullable(),
    rejectsUrl: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Import');

export const importRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/imports',
      tags: ['imports'],
      summary: '导入电子表格 / Import a spreadsheet',
      description:
        '.xlsx or .csv (UTF-8 or GBK), header in Chinese or English. Runs as a background job: poll `GET /api/v1/imports/{id}`. A reviewer imports only firms in their region.',
      request: {
        body: uploadBody({
          year: { description: '数据所属年度（表头未写明时）/ fiscal year if the sheet does not say' },
        }),
      },
      responses: {
        202: json(z.object({ id: z.string() }), '已排队 / queued'),
        ...commonErrors,
        413: json(ErrorBody, '文件过大 / too large'),
        415: json(ErrorBody, '文件类型不支持 / not .xlsx or .csv'),
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { file, fields: form } = await uploadedForm(c, IMPORT_MAX_BYTES);
      const year = typeof form.year === 'string' && form.year ? Number(form.year) : undefined;
      if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100))
        throw new AppError(400, 'invalid_request', { zh: '年度须为四位年份', en: 'year must be a 4-digit year' }, [
          { field: 'year', message: 'must be a year such as 2025' },
        ]);
      return c.json(await submitImport(c.get('platform'), actor, file, year), 202);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/imports/{id}',
      tags: ['imports'],
      summary: '导入进度与结果 / Import progress and outcome',
      request: { params: Id },
      responses: { 200: json(ImportStatus, '导入任务 / the import'), ...commonErrors },
    }),
    async (c) => c.json(await getImport(c.get('platform'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/imports/{id}/rejects.xlsx',
      tags: ['imports'],
      summary: '下载未导入的行 / Download the rejected rows',
      request: { params: Id },
      responses: {
        200: {
          description: '.xlsx',
          content: xlsxContent,
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const f = await importRejects(c.get('platform'), actorOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(f.data), 200, xlsxHeaders(f.name));
    },
  );

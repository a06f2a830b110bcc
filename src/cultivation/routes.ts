/**
 * `batches`, `applications`, `evidence`, `notices`, `objections`, `titles`, `inbox`: the recognition
 * workflow over HTTP. Who may do what is decided in the services; these routes only read the
 * request and name the fields that are wrong.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { isoDate } from '../facts/profile.ts';
import { actorOf, clientIp, newRouter, uploadedForm } from '../platform/http.ts';
import {
  body,
  BodyId,
  commonErrors,
  conflict,
  decimal,
  ErrorBody,
  Id,
  json,
  MAX_ID,
  Page,
  Paging,
  route,
  uploadBody,
  Version,
} from '../platform/openapi.ts';
import {
  applyForTier,
  getApplication,
  listApplications,
  overrideFacts,
  recordSpotCheck,
  resubmitApplication,
  reviewApplication,
  submitApplication,
  withdrawApplication,
} from './applications.ts';
import { getBatch, listBatches, openBatch, shownBatch } from './batches.ts';
import { addEvidence, EVIDENCE_MAX_BYTES, readEvidence, removeEvidence } from './evidence.ts';
import { inboxOf } from './inbox.ts';
import {
  decideNotice,
  getNotice,
  listNotices,
  listObjections,
  lodgeObjection,
  publishNotice,
  resolveObjection,
} from './notices.ts';
import { APPLICATION_STATUSES } from './schema.ts';
import { certificateOf, getTitle, revokeTitle, searchRegister } from './titles.ts';

const day = isoDate;
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const Batch = z
  .object({
    id: z.number(),
    policyId: z.string(),
    title: z.string(),
    regionCode: z.string(),
    levels: z.array(z.string()),
    opensOn: z.string(),
    closesOn: z.string(),
    asOf: z.string(),
    status: z.enum(['scheduled', 'open', 'closed']),
    edition: z.string(),
  })
  .passthrough()
  .openapi('Batch');
const Application = z
  .object({
    id: z.number(),
    batchId: z.number(),
    uscc: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    version: z.number(),
  })
  .passthrough()
  .openapi('Application');
const Title = z
  .object({
    id: z.number(),
    uscc: z.string(),
    certificateNo: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    state: z.string(),
  })
  .passthrough()
  .openapi('Title');
const unprocessable = { 422: json(ErrorBody, '评价不符合 / the evaluation does not qualify') };

export const cultivationRoutes = newRouter()
  .openapi(
    createRoute({
      ...route('get', '/api/v1/batches', 'batches', '申报批次 / Batches'),
      security: [],
      request: {
        query: z.object({ open: flag.optional(), region: z.string().optional(), policy: z.string().optional() }),
      },
      responses: { 200: json(z.object({ items: z.array(Batch) }), '批次 / batches'), ...commonErrors },
    }),
    async (c) => c.json({ items: await listBatches(c.get('platform'), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/batches', 'batches', '发布申报批次 / Open a batch'),
      description:
        'A reviewer of the level that decides the title opens a batch in their region. `levels` run from the first reviewing level to the deciding one (e.g. district, city, province).',
      request: body(
        z.object({
          policyId: z.string().min(1),
          title: z.string().trim().min(2).max(200),
          levels: z.array(z.string()).min(1).max(4),
          opensOn: day,
          closesOn: day,
          asOf: day.optional(),
          reviewDays: z.number().int().min(1).max(120).optional(),
          correctionDays: z.number().int().min(1).max(120).optional(),
          noticeDays: z.number().int().min(1).max(60).optional(),
        }),
      ),
      responses: { 201: json(Batch, '已发布 / opened'), ...commonErrors, ...unprocessable },
    }),
    async (c) => c.json(await openBatch(c.get('platform'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/batches/{id}', 'batches', '申报批次详情 / A batch'),
      security: [],
      request: { params: Id },
      responses: { 200: json(Batch, '批次 / the batch'), ...commonErrors },
    }),
    async (c) => {
      const p = c.get('platform');
      return c.json(shownBatch(p, await getBatch(p, c.req.valid('param').id)), 200);
    },
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/batches/{id}/applications', 'applications', '申报（创建草稿）/ Apply (a draft)'),
      request: { params: Id },
      responses: { 201: json(Application, '草稿 / the draft'), ...commonErrors, ...conflict },
    }),
    async (c) => c.json(await applyForTier(c.get('platform'), actorOf(c), c.req.valid('param').id), 201),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/batches/{id}/notices', 'notices', '发布公示 / Publish the notice'),
      request: { params: Id, ...body(z.object({ title: z.string().max(200).optional() })) },
      responses: {
        201: json(z.object({ id: z.number(), listed: z.number() }).passthrough(), '公示 / the notice'),
        ...commonErrors,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(
        await publishNotice(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json').title),
        201,
      ),
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/applications', 'applications', '申报列表与审核队列 / Applications and the review queue'),
      description:
        'A firm: its own. A reviewer: their region; by default (`queue=true`) those waiting for their level, overdue first. An administrator: all.',
      request: {
        query: z.object({
          batch: decimal(1, MAX_ID).optional(),
          status: z.enum(APPLICATION_STATUSES).optional(),
          queue: flag.optional(),
          overdue: flag.optional(),
          q: z.string().max(100).optional(),
          ...Paging,
        }),
      },
      responses: { 200: json(Page(Application), '申报 / applications'), ...commonErrors },
    }),
    async (c) => c.json(await listApplications(c.get('platform'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/applications/{id}', 'applications', '申报详情 / An application'),
      description: 'With the live and the submitted evaluation, the evidence, the history, objections and the title.',
      request: { params: Id },
      responses: { 200: json(Application, '申报 / the application'), ...commonErrors },
    }),
    async (c) => c.json(await getApplication(c.get('platform'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      ...route(
        'post',
        '/api/v1/applications/{id}/submit',
        'applications',
        '签署诚信承诺并提交 / Sign the pledge and submit',
      ),
      request: {
        params: Id,
        ...body(
          z.object({ version: Version, pledge: z.object({ accepted: z.boolean(), signer: z.string().max(50) }) }),
        ),
      },
      responses: { 200: json(Application, '已提交 / submitted'), ...commonErrors, ...conflict, ...unprocessable },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(
        await submitApplication(c.get('platform'), actorOf(c), c.req.valid('param').id, b.version, b.pledge),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      ...route(
        'post',
        '/api/v1/applications/{id}/resubmit',
        'applications',
        '补正后重新提交 / Resubmit after correction',
      ),
      request: { params: Id, ...body(z.object({ version: Version, note: z.string().max(2000).optional() })) },
      responses: { 200: json(Application, '已重新提交 / resubmitted'), ...commonErrors, ...conflict, ...unprocessable },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(
        await resubmitApplication(c.get('platform'), actorOf(c), c.req.valid('param').id, b.version, b.note),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/applications/{id}/withdraw', 'applications', '撤回 / Withdraw'),
      request: { params: Id, ...body(z.object({ version: Version })) },
      responses: { 200: json(Application, '已撤回 / withdrawn'), ...commonErrors, ...conflict },
    }),
    async (c) =>
      c.json(
        await withdrawApplication(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json').version),
        200,
      ),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/applications/{id}/review', 'applications', '审核：通过 / 退回补正 / 不予通过 / Review'),
      request: {
        params: Id,
        ...body(
          z.object({
            action: z.enum(['approve', 'return', 'reject']),
            version: Version,
            note: z.string().max(2000).optional(),
          }),
        ),
      },
      responses: { 200: json(Application, '已处理 / done'), ...commonErrors, ...conflict, ...unprocessable },
    }),
    async (c) =>
      c.json(await reviewApplication(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/applications/{id}/overrides', 'applications', '审核修正数据 / Correct facts in review'),
      description: 'Written to the ledger as a reviewer override with the reason; the evaluation runs again.',
      request: {
        params: Id,
        ...body(
          z.object({
            version: Version,
            facts: z.record(z.string(), z.unknown()),
            reason: z.string().trim().min(1).max(500),
          }),
        ),
      },
      responses: {
        200: json(z.object({ application: Application, evaluation: z.unknown() }), '已修正 / corrected'),
        ...commonErrors,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(await overrideFacts(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/applications/{id}/spot-checks', 'applications', '记录实地核查 / Record a spot check'),
      request: {
        params: Id,
        ...body(
          z.object({
            on: day,
            result: z.enum(['passed', 'failed']),
            inspectors: z.string().trim().min(1).max(200),
            findings: z.string().trim().min(1).max(2000),
          }),
        ),
      },
      responses: { 201: json(z.object({ recorded: z.boolean() }), '已记录 / recorded'), ...commonErrors, ...conflict },
    }),
    async (c) =>
      c.json(await recordSpotCheck(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/applications/{id}/evidence', 'evidence', '上传佐证材料 / Upload evidence'),
      description:
        'multipart: `claim` (a fact path such as `ip[0]`, `years.2025.rdExpense`, or `other`) and `file` (PDF, PNG or JPEG, ≤ 10 MB).',
      request: {
        params: Id,
        body: uploadBody({ claim: { required: true } }),
      },
      responses: {
        201: json(z.object({ id: z.number(), sha256: z.string(), duplicate: z.boolean() }), '已上传 / stored'),
        ...commonErrors,
        ...conflict,
        413: json(ErrorBody, '文件过大 / too large'),
      },
    }),
    async (c) => {
      const { file, fields: form } = await uploadedForm(c, EVIDENCE_MAX_BYTES);
      const claim = form.claim?.trim() ?? '';
      return c.json(
        await addEvidence(c.get('platform'), actorOf(c), c.req.valid('param').id, {
          claim,
          fileName: file.name,
          data: file.data,
        }),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/evidence/{id}', 'evidence', '下载佐证材料 / Download evidence'),
      request: { params: Id },
      responses: {
        200: { description: 'PDF, PNG or JPEG', content: { 'application/octet-stream': { schema: z.any() } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const f = await readEvidence(c.get('platform'), actorOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(f.content), 200, {
        'content-type': f.mediaType,
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        'x-content-sha256': f.sha256,
        'x-content-type-options': 'nosniff',
      });
    },
  )
  .openapi(
    createRoute({
      ...route('delete', '/api/v1/evidence/{id}', 'evidence', '删除佐证材料 / Remove evidence'),
      request: { params: Id },
      responses: { 204: { description: '已删除 / removed' }, ...commonErrors, ...conflict },
    }),
    async (c) => {
      await removeEvidence(c.get('platform'), actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/notices', 'notices', '公示列表（公开）/ Notices (public)'),
      security: [],
      responses: {
        200: json(z.object({ items: z.array(z.object({ id: z.number() }).passthrough()) }), '公示 / notices'),
      },
    }),
    async (c) => c.json({ items: await listNotices(c.get('platform')) }, 200),
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/notices/{id}', 'notices', '公示详情（公开）/ A notice (public)'),
      security: [],
      request: { params: Id },
      responses: {
        200: json(z.object({ id: z.number() }).passthrough().openapi('Notice'), '公示 / the notice'),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await getNotice(c.get('platform'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/notices/{id}/objections', 'notices', '提出异议（公开）/ Object (public)'),
      security: [],
      description:
        'While the notice runs; a name and a phone number or e-mail address are required; a few per address per hour.',
      request: {
        params: Id,
        ...body(
          z.object({
            applicationId: BodyId,
            text: z.string().max(2000),
            contactName: z.string().max(50),
            contact: z.string().max(100),
          }),
        ),
      },
      responses: {
        201: json(z.object({ id: z.number(), received: z.boolean() }), '已受理 / received'),
        ...commonErrors,
        ...conflict,
        429: json(ErrorBody, '提交过于频繁 / too many'),
      },
    }),
    async (c) =>
      c.json(await lodgeObjection(c.get('platform'), clientIp(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/notices/{id}/objections', 'notices', '公示的异议 / A notice’s objections'),
      description:
        'With the objectors’ contacts: for the publishing authority (reviewers whose region holds the notice’s) and administrators.',
      request: { params: Id },
      responses: {
        200: json(
          z.object({ items: z.array(z.object({ id: z.number(), applicationId: z.number() }).passthrough()) }),
          '异议 / objections',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json({ items: await listObjections(c.get('platform'), actorOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/notices/{id}/decide', 'notices', '公示期满作出认定 / Decide after the notice'),
      request: { params: Id },
      responses: {
        200: json(
          z.object({
            notice: z.number(),
            certified: z.array(z.object({ application: z.number(), certificateNo: z.string() })),
          }),
          '已认定 / decided',
        ),
        ...commonErrors,
        ...conflict,
      },
    }),
    async (c) => c.json(await decideNotice(c.get('platform'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/objections/{id}/resolve', 'notices', '处理异议 / Resolve an objection'),
      request: {
        params: Id,
        ...body(z.object({ outcome: z.enum(['upheld', 'dismissed']), resolution: z.string().max(2000) })),
      },
      responses: {
        200: json(z.object({ id: z.number(), status: z.string() }), '已处理 / resolved'),
        ...commonErrors,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(await resolveObjection(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/titles', 'titles', '认定名录（公开）/ The register (public)'),
      security: [],
      request: { query: z.object({ q: z.string().max(100).optional(), honor: z.string().optional(), ...Paging }) },
      responses: { 200: json(Page(Title), '名录 / the register'), ...commonErrors },
    }),
    async (c) => c.json(await searchRegister(c.get('platform'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/titles/{id}', 'titles', '认定记录（公开）/ A title (public)'),
      security: [],
      request: { params: Id },
      responses: { 200: json(Title, '认定记录 / the title'), ...commonErrors },
    }),
    async (c) => c.json(await getTitle(c.get('platform'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      ...route(
        'get',
        '/api/v1/titles/{id}/certificate.pdf',
        'titles',
        '证书 PDF（公开）/ The certificate as PDF (public)',
      ),
      security: [],
      request: { params: Id },
      responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.any() } } }, ...commonErrors },
    }),
    async (c) => {
      const f = await certificateOf(c.get('platform'), c.req.valid('param').id);
      return c.body(new Uint8Array(f.data), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      });
    },
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/titles/{id}/revoke', 'titles', '撤销称号 / Revoke a title'),
      request: { params: Id, ...body(z.object({ reason: z.string(), note: z.string().max(2000) })) },
      responses: { 200: json(Title, '已撤销 / revoked'), ...commonErrors, ...conflict },
    }),
    async (c) =>
      c.json(await revokeTitle(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/inbox', 'inbox', '我的待办 / What needs my action'),
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                category: z.enum(['todo', 'correction', 'expiring']),
                kind: z.string(),
                title: z.object({ zh: z.string(), en: z.string() }),
                due: z.string().nullable(),
                overdue: z.boolean(),
                link: z.object({ type: z.string(), id: z.union([z.number(), z.string()]) }),
              }),
            ),
          }),
          '待办 / the inbox',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await inboxOf(c.get('platform'), actorOf(c)), 200),
  );

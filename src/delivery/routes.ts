/**
 * `screenings`, `claims`, payments, totals and the sandbox: policy delivery (免申即享 / 快申快享)
 * over HTTP. Who may do what is decided in the services.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { isoDate } from '../facts/profile.ts';
import { actorOf, newRouter, uploadedForm } from '../platform/http.ts';
import {
  body,
  BodyId,
  commonErrors,
  conflict,
  decimal,
  ErrorBody,
  Id,
  json,
  Page,
  Paging,
  route,
  xlsxContent,
  xlsxHeaders,
  uploadBody,
  Version,
} from '../platform/openapi.ts';
import {
  confirmClaim,
  declineClaim,
  deliveryTotals,
  getClaim,
  listClaims,
  publishScreening,
  recheckClaim,
} from './claims.ts';
import { exportPayments, PAYMENT_SHEET_MAX_BYTES, recordPayments, recordPaymentSheet } from './payments.ts';
import { compareSandbox } from './sandbox.ts';
import { CLAIM_STATUSES, SCREENED } from './schema.ts';
import { getScreening, listScreenings, replayScreened, screeningList, startScreening } from './screening.ts';

const PolicyId = z.object({ id: z.string().openapi({ example: 'local.320214.high-tech-reward' }) });
const day = isoDate;
const unprocessable = { 422: json(ErrorBody, '政策不适用 / the policy does not apply') };

const Screening = z
  .object({
    id: z.number(),
    policyId: z.string(),
    edition: z.string(),
    asOf: z.string(),
    regionCode: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    total: z.number(),
    processed: z.number(),
    counts: z.record(z.string(), z.number()),
    amounts: z.record(z.string(), z.number()),
  })
  .passthrough()
  .openapi('Screening');
const Claim = z
  .object({
    id: z.number(),
    policyId: z.string(),
    uscc: z.string(),
    status: z.enum(CLAIM_STATUSES),
    amount: z.number().nullable(),
    respondBy: z.string(),
    version: z.number(),
  })
  .passthrough()
  .openapi('Claim');
const Account = {
  bankName: z.string().max(100).openapi({ description: '开户行 / bank and branch' }),
  accountName: z.string().max(200).openapi({ description: '户名，须与企业名称一致 / holder: the firm itself' }),
  accountNo: z.string().max(40).openapi({ description: '账号 / account number' }),
};
const Payment = z.object({
  claimId: BodyId,
  status: z.enum(['paid', 'payment_failed']),
  paidOn: day.optional(),
  reference: z.string().max(100).optional(),
  note: z.string().max(500).optional(),
});
const PaymentResult = z.object({
  recorded: z.number(),
  rejected: z.number(),
  errors: z.array(z.object({ at: z.string(), claimId: z.number().nullable(), message: z.string() })),
});

export const deliveryRoutes = newRouter()
  .openapi(
    createRoute({
      ...route('post', '/api/v1/screenings', 'delivery', '免申即享筛查 / Screen a region for a reward'),
      description:
        'Queues a background job that evaluates the reward policy for every firm of the region (the reviewer’s, or `region` within it, cut to the policy’s region), one decision record per firm.',
      request: body(z.object({ policyId: z.string().min(1), asOf: day.optional(), region: z.string().optional() })),
      responses: {
        202: json(Screening.partial().passthrough(), '已排队 / queued'),
        ...commonErrors,
        ...conflict,
        ...unprocessable,
      },
    }),
    async (c) => {
      const s = await startScreening(c.get('platform'), actorOf(c), c.req.valid('json'));
      return c.json({ ...s, counts: {}, amounts: {} }, 202);
    },
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/screenings', 'delivery', '筛查记录 / Screenings'),
      request: { query: z.object({ policy: z.string().optional() }) },
      responses: { 200: json(z.object({ items: z.array(Screening) }), '筛查 / screenings'), ...commonErrors },
    }),
    async (c) => c.json(await listScreenings(c.get('platform'), actorOf(c), c.req.valid('query').policy), 200),
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/screenings/{id}', 'delivery', '筛查进度与结果 / A screening, its progress and counts'),
      request: { params: Id },
      responses: { 200: json(Screening, '筛查 / the screening'), ...commonErrors },
    }),
    async (c) => c.json(await getScreening(c.get('platform'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      ...route(
        'get',
        '/api/v1/screenings/{id}/results',
        'delivery',
        '符合 / 不符合 / 待补充名单 / One list of a screening',
      ),
      request: {
        params: Id,
        query: z.object({ verdict: z.enum(SCREENED), ...Paging }),
      },
      responses: { 200: json(Page(z.record(z.string(), z.unknown())), '名单 / the list'), ...commonErrors },
    }),
    async (c) =>
      c.json(await screeningList(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      ...route(
        'get',
        '/api/v1/screenings/{id}/results/{uscc}/replay',
        'delivery',
        '重放一家企业的筛查决策 / Replay one firm’s decision',
      ),
      request: { params: Id.extend({ uscc: z.string().length(18) }) },
      responses: {
        200: json(z.object({ identical: z.boolean() }).passthrough(), '重放结果 / the replay'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, uscc } = c.req.valid('param');
      return c.json(await replayScreened(c.get('platform'), actorOf(c), id, uscc), 200);
    },
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/screenings/{id}/publish', 'delivery', '发布名单 / Publish a screening to the firms'),
      description:
        'Eligible firms get an offer to confirm in one click; undetermined ones an invitation to supply the missing facts (快申快享). Both by `respondBy` (default: the policy’s days to respond).',
      request: { params: Id, ...body(z.object({ respondBy: day.optional() })) },
      responses: {
        200: json(
          z.object({ screening: z.number(), offered: z.number(), invited: z.number(), respondBy: z.string() }),
          '已发布 / published',
        ),
        ...commonErrors,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(await publishScreening(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/claims', 'delivery', '兑现事项 / Claims (a firm’s own, or a region’s)'),
      request: {
        query: z.object({
          policy: z.string().optional(),
          status: z.enum(CLAIM_STATUSES).optional(),
          uscc: z.string().max(18).optional().openapi({ description: '一家企业的事项 / one firm’s claims' }),
          ...Paging,
        }),
      },
      responses: { 200: json(Page(Claim), '事项 / claims'), ...commonErrors },
    }),
    async (c) => {
      const { policy, ...q } = c.req.valid('query');
      return c.json(await listClaims(c.get('platform'), actorOf(c), { policyId: policy, ...q }), 200);
    },
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/claims/{id}', 'delivery', '兑现事项详情 / One claim'),
      request: { params: Id },
      responses: { 200: json(Claim, '事项 / the claim'), ...commonErrors },
    }),
    async (c) => c.json(await getClaim(c.get('platform'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/claims/{id}/confirm', 'delivery', '一键确认 / Confirm an offer'),
      request: { params: Id, ...body(z.object({ version: Version, ...Account })) },
      responses: { 200: json(Claim, '已确认 / confirmed'), ...commonErrors, ...conflict },
    }),
    async (c) =>
      c.json(await confirmClaim(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/claims/{id}/decline', 'delivery', '放弃 / Decline'),
      request: { params: Id, ...body(z.object({ version: Version })) },
      responses: { 200: json(Claim, '已放弃 / declined'), ...commonErrors, ...conflict },
    }),
    async (c) =>
      c.json(await declineClaim(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/claims/{id}/recheck', 'delivery', '补充信息后复核 / Recheck after supplying facts'),
      request: { params: Id, ...body(z.object({ version: Version })) },
      responses: {
        200: json(z.object({ claim: Claim, evaluation: z.record(z.string(), z.unknown()) }), '复核结果 / rechecked'),
        ...commonErrors,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(await recheckClaim(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/policies/{id}/payments/export', 'delivery', '导出支付清单 / Export the payment list'),
      description:
        'The confirmed, unpaid claims of the reviewer’s region as .xlsx. A POST because the export is recorded: each claim is marked exported and each firm’s account leaving the platform is audited.',
      request: { params: PolicyId },
      responses: {
        200: {
          description: '.xlsx',
          content: xlsxContent,
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const f = await exportPayments(c.get('platform'), actorOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(f.data), 200, xlsxHeaders(f.name));
    },
  )
  .openapi(
    createRoute({
      ...route('post', '/api/v1/policies/{id}/payments', 'delivery', '登记支付结果 / Record payments'),
      description: 'Each item is checked on its own: good ones are recorded, bad ones listed with why.',
      request: { params: PolicyId, ...body(z.object({ items: z.array(Payment).min(1).max(10_000) })) },
      responses: { 200: json(PaymentResult, '登记结果 / recorded'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        await recordPayments(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('json').items),
        200,
      ),
  )
  .openapi(
    createRoute({
      ...route(
        'post',
        '/api/v1/policies/{id}/payments/sheet',
        'delivery',
        '上传回填的支付清单 / Upload the filled-in payment list',
      ),
      description:
        'multipart `file`: the exported .xlsx with 支付结果, 支付日期 and 支付凭证号 filled in. Rows left blank are skipped.',
      request: {
        params: PolicyId,
        body: uploadBody(),
      },
      responses: {
        200: json(PaymentResult, '登记结果 / recorded'),
        ...commonErrors,
        422: json(ErrorBody, '不是支付清单 / not a payment list'),
      },
    }),
    async (c) => {
      const { file } = await uploadedForm(c, PAYMENT_SHEET_MAX_BYTES);
      return c.json(await recordPaymentSheet(c.get('platform'), actorOf(c), c.req.valid('param').id, file), 200);
    },
  )
  .openapi(
    createRoute({
      ...route('get', '/api/v1/policies/{id}/delivery', 'delivery', '兑现统计 / Payout totals against the budget'),
      request: {
        params: PolicyId,
        query: z.object({
          round: decimal(2000, 2100)
            .optional()
            .openapi({ description: '兑现年度，默认今年 / the payout round, this year by default' }),
        }),
      },
      responses: { 200: json(z.record(z.string(), z.unknown()), '统计 / totals'), ...commonErrors, ...unprocessable },
    }),
    async (c) =>
      c.json(
        await deliveryTotals(c.get('platform'), actorOf(c), c.req.valid('param').id, c.req.valid('query').round),
        200,
      ),
  )
  .openapi(
    createRoute({
      ...route(
        'post',
        '/api/v1/policies/{id}/sandbox',
        'delivery',
        '政策沙盘 / Compare changed parameters over the region',
      ),
      description:
        'Evaluates the policy as it is and with `parameters` changed over every firm of the region; nothing is stored.',
      request: {
        params: PolicyId,
        ...body(
          z.object({
            asOf: day.optional(),
            region: z.string().optional(),
            parameters: z.record(z.string(), z.number()),
          }),
        ),
      },
      responses: {
        200: json(z.record(z.string(), z.unknown()), '对比 / the comparison'),
        ...commonErrors,
        ...unprocessable,
      },
    }),
    async (c) =>
      c.json(
        await compareSandbox(c.get('platform'), actorOf(c), {
          policyId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );

/** `enterprises` and `stats`: the registry over HTTP. Every check of who may do what is in the service. */
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, newRouter } from '../platform/http.ts';
import { commonErrors, json, Paging, xlsxContent, xlsxHeaders } from '../platform/openapi.ts';
import { AsOf, Evaluation, Profile } from '../policy/routes.ts';
import {
  evaluateFirm,
  evaluateRegion,
  EXPORT_MAX_ROWS,
  exportEnterprises,
  getEnterprise,
  getFactHistory,
  getProfile,
  listEnterprises,
  listFirmDecisions,
  regionStats,
  regionTrends,
  verifyFacts,
  writeFacts,
} from './service.ts';

const Uscc = z.object({ uscc: z.string().min(1).openapi({ example: '91320211MA1XXXXXXX' }) });
const RegionQuery = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code')
    .optional()
    .openapi({ description: '区划代码（须在本人辖区内）/ a region within yours' }),
});
const Firm = z
  .object({
    uscc: z.string(),
    name: z.string().nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    industryCode: z.string().nullable(),
    sizeClass: z.string().nullable(),
    tags: z.array(z.string()),
    updatedAt: z.string(),
  })
  .openapi('EnterpriseListing');
const FactEntry = z.object({
  path: z.string(),
  value: z.unknown(),
  source: z.string(),
  actor: z.string(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
});
const DecisionSummary = z
  .object({
    id: z.number(),
    policyId: z.string(),
    edition: z.string(),
    asOf: z.string(),
    verdict: z.string(),
    outcome: z.union([z.string(), z.number()]).nullable(),
    score: z.number().nullable(),
    purpose: z.string(),
    actor: z.string(),
    createdAt: z.string(),
  })
  .openapi('DecisionSummary');
const tagList = z.union([z.string(), z.array(z.string())]).optional();
/** The filters of the list and the export. */
const ListFilter = RegionQuery.extend({
  industry: z.string().max(5).optional().openapi({ description: '行业门类或代码前缀 / C, C35, C3562' }),
  size: z.enum(['large', 'medium', 'small', 'micro']).optional(),
  tag: tagList.openapi({ description: '须具备的标签，可重复 / tags a firm must have (repeatable)' }),
  notTag: tagList.openapi({
    description:
      '须不具备的标签，可重复 / tags a firm must not have (repeatable): qualifies:X with notTag holds:Y finds candidates',
  }),
  q: z.string().max(60).optional().openapi({ description: '名称或统一社会信用代码 / name or USCC' }),
});
const asList = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
const firmFilter = <T extends { tag?: string | string[] | undefined; notTag?: string | string[] | undefined }>({
  tag,
  notTag,
  ...rest
}: T) => ({ ...rest, tags: asList(tag), notTags: asList(notTag) });
const policyQuery = AsOf.extend({ policy: z.string().min(1).openapi({ example: 'cn.miit.specialized-sme' }) });

export const enterpriseRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/enterprises',
      tags: ['enterprises'],
      summary: '企业名录 / List firms',
      description:
        'Reviewers see firms in their region and below, administrators all, an enterprise only itself. Filters combine; `tag` may repeat (size:small, holds:specialized_sme, qualifies:cn.most.tech-sme).',
      request: {
        query: ListFilter.extend({
          ...Paging,
        }),
      },
      responses: {
        200: json(
          z.object({ items: z.array(Firm), total: z.number(), page: z.number(), pageSize: z.number() }),
          '一页企业 / a page',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await listEnterprises(c.get('platform'), actorOf(c), firmFilter(c.req.valid('query'))), 200),
  )
  // Before `/{uscc}`, which would otherwise take `export.xlsx` for a code.
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/enterprises/export.xlsx',
      tags: ['enterprises'],
      summary: '导出企业名录 / Export the list as .xlsx',
      description: `The firms the same filters as \`GET /api/v1/enterprises\` find, as an .xlsx (at most ${EXPORT_MAX_ROWS.toLocaleString('en')} rows, in name order; a second sheet states the filter and whether rows were left out). Audited like the list.`,
      request: { query: ListFilter },
      responses: {
        200: {
          description: '.xlsx',
          headers: {
            'x-total-count': { schema: { type: 'integer' }, description: '符合条件的企业数 / firms found' },
            'x-exported-count': { schema: { type: 'integer' }, description: '导出的行数 / rows written' },
          },
          content: xlsxContent,
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const f = await exportEnterprises(c.get('platform'), actorOf(c), firmFilter(c.req.valid('query')));
      return c.body(
        new Uint8Array(f.data),
        200,
        xlsxHeaders(f.name, { 'x-total-count': String(f.total), 'x-exported-count': String(f.exported) }),
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/enterprises/{uscc}',
      tags: ['enterprises'],
      summary: '企业档案 / One firm',
      description:
        'The profile contract plus the name, listing columns and tags, and `sources`: the source each fact path stands on (a more trusted source’s value stands over the firm’s own).',
      request: { params: Uscc },
      responses: { 200: json(Profile, '企业 / the firm'), ...commonErrors },
    }),
    async (c) => c.json(await getEnterprise(c.get('platform'), actorOf(c), c.req.valid('param').uscc), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/enterprises/{uscc}/profile',
      tags: ['enterprises'],
      summary: '企业画像 / The profile contract',
      request: { params: Uscc },
      responses: { 200: json(Profile, '画像 / the profile'), ...commonErrors },
    }),
    async (c) => c.json(await getProfile(c.get('platform'), actorOf(c), c.req.valid('param').uscc), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/enterprises/{uscc}/facts',
      tags: ['enterprises'],
      summary: '填报或修正数据 / Write facts',
      description:
        'The firm itself writes self-declared facts; a reviewer of its region or an administrator writes an override and must give a `reason`. Only values that differ are appended to the ledger; `null` clears a fact. A firm’s value never replaces one from a more trusted source (tax, registry, …): it is kept as its claim, listed in `claims`.',
      request: {
        params: Uscc,
        body: {
          required: true,
          content: {
            'application/json': { schema: z.object({ facts: Profile, reason: z.string().max(500).optional() }) },
          },
        },
      },
      responses: {
        200: json(
          z.object({
            written: z.number(),
            claims: z.array(z.object({ path: z.string(), source: z.string() })).openapi({
              description:
                '企业所填与更可信来源不一致的数据：档案仍采用该来源的数值，企业所填作为申报保留，待审核核实 / what the firm wrote that a more trusted source says otherwise: that value stands, the firm’s is kept as its claim',
            }),
          }),
          '写入条数 / facts written',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { facts, reason } = c.req.valid('json');
      return c.json(await writeFacts(c.get('platform'), actorOf(c), c.req.valid('param').uscc, facts, reason), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/enterprises/{uscc}/facts/verify',
      tags: ['enterprises'],
      summary: '核实企业申报 / Verify what a firm declared',
      description:
        'A reviewer of the firm’s region (or an administrator) accepts the firm’s own latest value of each fact path named: it is recorded as a reviewer’s entry, so a policy that pays or grants may take it. A reported list of titles is added to the titles on record, never put in their place.',
      request: {
        params: Uscc,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                paths: z
                  .array(z.string().min(1).max(100))
                  .min(1)
                  .max(200)
                  .openapi({ example: ['years.2025.rdExpense'] }),
                reason: z.string().max(500).optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: json(z.object({ verified: z.array(z.string()), written: z.number() }), '已核实 / verified'),
        ...commonErrors,
      },
    }),
    async (c) =>
      c.json(await verifyFacts(c.get('platform'), actorOf(c), c.req.valid('param').uscc, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/enterprises/{uscc}/facts',
      tags: ['enterprises'],
      summary: '数据变更历史 / Fact history',
      description: 'Every value each fact has had, oldest first, with its source, who and when.',
      request: {
        params: Uscc,
        query: z.object({ path: z.string().optional().openapi({ example: 'years.2025.revenue' }) }),
      },
      responses: { 200: json(z.object({ items: z.array(FactEntry) }), '历史 / history'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        {
          items: await getFactHistory(
            c.get('platform'),
            actorOf(c),
            c.req.valid('param').uscc,
            c.req.valid('query').path,
          ),
        },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/enterprises/{uscc}/evaluate',
      tags: ['enterprises'],
      summary: '评价企业 / Evaluate a firm',
      description:
        'Evaluates the current profile; the result is kept as a decision record (`decisionId`) and can be replayed.',
      request: { params: Uscc, query: policyQuery },
      responses: {
        200: json(Evaluation.extend({ decisionId: z.number() }), '评价结果 / the evaluation'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { policy, asOf } = c.req.valid('query');
      const p = c.get('platform');
      return c.json(await evaluateFirm(p, actorOf(c), c.req.valid('param').uscc, policy, asOf ?? p.today()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/enterprises/{uscc}/decisions',
      tags: ['enterprises', 'decisions'],
      summary: '企业的决策记录 / A firm’s decision records',
      description:
        'The firm’s decision records, newest first, without input and full result (read one with `GET /api/v1/decisions/{id}`). Who may read the firm may read them; reads of another party’s are audited.',
      request: {
        params: Uscc,
        query: z.object({
          policy: z.string().optional().openapi({ example: 'cn.most.tech-sme' }),
          ...Paging,
        }),
      },
      responses: {
        200: json(
          z.object({ items: z.array(DecisionSummary), total: z.number(), page: z.number(), pageSize: z.number() }),
          '一页决策记录 / a page of records',
        ),
        ...commonErrors,
      },
    }),
    async (c) =>
      c.json(
        await listFirmDecisions(c.get('platform'), actorOf(c), c.req.valid('param').uscc, c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/enterprises/evaluate',
      tags: ['enterprises'],
      summary: '区域评价 / Evaluate every firm in a region',
      request: { query: policyQuery.extend(RegionQuery.shape) },
      responses: {
        200: json(
          z.object({
            policy: z.string(),
            edition: z.string(),
            asOf: z.string(),
            total: z.number(),
            counts: z.object({ qualified: z.number(), not_qualified: z.number(), undetermined: z.number() }),
          }),
          '各结论企业数 / firms per verdict',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { policy, asOf, region } = c.req.valid('query');
      const p = c.get('platform');
      return c.json(await evaluateRegion(p, actorOf(c), policy, asOf ?? p.today(), region), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/stats',
      tags: ['stats'],
      summary: '统计 / Counts by region, industry, size class and tier',
      request: { query: RegionQuery },
      responses: {
        200: json(
          z.object({
            region: z.string().nullable(),
            total: z.number(),
            byRegion: z.array(z.object({ code: z.string(), name: z.string().nullable(), count: z.number() })),
            byIndustry: z.array(z.object({ section: z.string(), count: z.number() })),
            bySize: z.array(z.object({ sizeClass: z.string(), count: z.number() })),
            byTag: z.array(z.object({ tag: z.string(), count: z.number() })),
          }),
          '统计 / counts',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await regionStats(c.get('platform'), actorOf(c), c.req.valid('query').region), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/stats/trends',
      tags: ['stats'],
      summary: '年度趋势 / Figures by fiscal year',
      description:
        'Per fiscal year: firms reporting revenue, total revenue and R&D expense (yuan, latest recorded values), and titles that started that year, by kind.',
      request: { query: RegionQuery },
      responses: {
        200: json(
          z.object({
            region: z.string().nullable(),
            years: z.array(
              z.object({
                year: z.number(),
                firmsReporting: z.number(),
                revenue: z.number(),
                rdExpense: z.number(),
                titles: z.record(z.string(), z.number()),
              }),
            ),
          }),
          '年度数据 / by year',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await regionTrends(c.get('platform'), actorOf(c), c.req.valid('query').region), 200),
  );

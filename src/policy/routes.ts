/**
 * `policies`: the library, one policy, and the public 政策计算器 — evaluate an ad-hoc profile
 * without logging in. Nothing is stored for an ad-hoc evaluation.
 */
import { readFileSync } from 'node:fs';
import { createRoute, z } from '@hono/zod-openapi';
import { catalog } from '../facts/catalog.ts';
import { isoDate, parseProfile } from '../facts/profile.ts';
import { invalid, notFound } from '../platform/errors.ts';
import { actorOf, limitAnonymous, newRouter } from '../platform/http.ts';
import { commonErrors, ErrorBody, json } from '../platform/openapi.ts';
import { RateLimit } from '../platform/rate-limit.ts';
import { engineError, evaluationJson } from './evaluation.ts';
import { reloadPolicies } from './reload.ts';

const example: unknown = JSON.parse(readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8'));

export const Profile = z.record(z.string(), z.unknown()).openapi('Profile', {
  description:
    '企业画像（公开契约）：统一社会信用代码、名称、区划、行业、按年度的经营数据（years）、知识产权（ip）、荣誉（honors）、合规（compliance）等。字段见事实目录；每个错误都指明字段。',
  example,
});

const Label = z.object({ zh: z.string(), en: z.string() });
export const Evaluation = z
  .object({
    policy: z.string(),
    edition: z.string(),
    asOf: z.string(),
    verdict: z.enum(['qualified', 'not_qualified', 'undetermined']),
    outcome: z.union([z.string(), z.number()]).nullable(),
    score: z.unknown(),
    criteria: z.array(z.record(z.string(), z.unknown())),
    missing: z
      .array(z.string())
      .openapi({ description: '仍可能改变结论的未知事实 / facts still unknown that could change the verdict' }),
    unverified: z.array(z.string()).openapi({
      description:
        '待核实：仅凭企业自报即可改变结论的事实，须经审核确认 / facts only the firm’s own word supports that would decide it: waiting for a reviewer',
    }),
    gaps: z.array(
      z.object({ changes: z.array(z.unknown()), effects: z.array(z.unknown()), effort: z.number(), text: Label }),
    ),
    unknownParameters: z.array(z.string()),
    policyHash: z.string(),
  })
  .openapi('Evaluation');

const PolicyId = z.object({ id: z.string().openapi({ example: 'cn.most.tech-sme' }) });
export const AsOf = z.object({
  asOf: isoDate.optional().openapi({ description: '评价基准日，默认今天 / as-of date, today by default' }),
});

/**
 * The calculator re-evaluates each chosen policy as a person types (debounced), so a person makes
 * bursts of requests; one client past this starves everyone else's calculator and health checks.
 */
export const CALCULATOR_LIMIT = new RateLimit(120, 120);

export const policyRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/facts',
      tags: ['policies'],
      summary: '事实目录 / The fact catalog',
      description:
        'Every fact the policies read: type, unit, zh/en label, limits, the kinds of list items. The calculator builds its form from it.',
      responses: { 200: json(z.record(z.string(), z.unknown()), '事实目录 / the catalog') },
    }),
    (c) => c.json(catalog as unknown as Record<string, unknown>, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/policies',
      tags: ['policies'],
      summary: '策略列表 / Every policy',
      responses: {
        200: json(
          z.object({ items: z.array(z.record(z.string(), z.unknown())) }),
          '策略及其版本 / policies with editions',
        ),
      },
    }),
    (c) =>
      c.json(
        {
          items: c
            .get('platform')
            .policies.summaries()
            .map(({ file: _f, ...s }) => s),
        },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/policies/{id}',
      tags: ['policies'],
      summary: '策略详情 / One policy',
      description: 'The policy document: editions with their legal sources, parameters, criteria and scores.',
      request: { params: PolicyId },
      responses: { 200: json(z.record(z.string(), z.unknown()), '策略 / the policy'), 404: commonErrors[404] },
    }),
    (c) => {
      const { policies } = c.get('platform');
      const { id } = c.req.valid('param');
      if (!policies.has(id)) throw notFound({ zh: `策略 ${id}`, en: `Policy ${id}` });
      const { doc, hash } = policies.loaded(id);
      const { tests: _tests, ...document } = doc as typeof doc & { tests?: unknown };
      return c.json({ ...document, hash }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/policies/{id}/evaluate',
      tags: ['policies'],
      summary: '政策计算器：评价一份画像 / Evaluate a profile (public, no login)',
      middleware: [limitAnonymous(CALCULATOR_LIMIT, { zh: '政策计算器', en: 'calculator' })] as const,
      description:
        'The same JSON as `huiqi evaluate --json`. Nothing is stored. Anonymous callers get 120 a minute per address (a burst of 120), then 429 with `Retry-After`; logged-in callers are not limited.',
      request: {
        params: PolicyId,
        query: AsOf.extend({
          gaps: z.enum(['true', 'false']).default('true').openapi({
            description: '是否计算差距（what-if 滑动时可关闭）/ search the gaps (off while a what-if slider moves)',
          }),
        }),
        body: { required: true, content: { 'application/json': { schema: Profile } } },
      },
      responses: {
        200: json(Evaluation, '评价结果 / the evaluation'),
        400: commonErrors[400],
        404: commonErrors[404],
        422: json(commonErrors[400].content['application/json'].schema, '该日期没有生效版本 / no edition in force'),
        429: json(ErrorBody, '匿名请求过于频繁（见 Retry-After）/ too many anonymous requests (see Retry-After)'),
      },
    }),
    (c) => {
      const { policies, today } = c.get('platform');
      const { id } = c.req.valid('param');
      const checked = parseProfile(c.req.valid('json'));
      if (!checked.ok) throw invalid(checked.errors);
      const { asOf, gaps } = c.req.valid('query');
      try {
        return c.json(
          evaluationJson(policies.evaluate(id, checked.profile, asOf ?? today(), { gaps: gaps === 'true' })),
          200,
        );
      } catch (e) {
        engineError(e);
      }
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/policies/reload',
      tags: ['policies'],
      summary: '重新加载策略文件 / Reload the policy files (administrators)',
      description:
        'Reads every policy file again and runs every policy’s own test cases; only when all load and pass does the new library replace the one in use. Otherwise 422 lists each broken file or failing case.',
      responses: {
        200: json(
          z.object({
            policies: z.number(),
            added: z.array(z.string()),
            changed: z.array(z.string()),
            removed: z.array(z.string()),
            testCases: z.number(),
          }),
          '已重新加载 / reloaded',
        ),
        ...commonErrors,
        422: json(ErrorBody, '文件有误或测试未通过，未加载 / a file is wrong or a test fails; nothing reloaded'),
      },
    }),
    async (c) => c.json(await reloadPolicies(c.get('platform'), actorOf(c)), 200),
  );

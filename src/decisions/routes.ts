/** `decisions`: read a decision record and replay it. */
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, newRouter } from '../platform/http.ts';
import { commonErrors, decimal, json } from '../platform/openapi.ts';
import { getDecision, replayDecision, type DecisionRecord } from './service.ts';

/** Decision records have bigserial ids. */
const Id = z.object({ id: decimal(1, Number.MAX_SAFE_INTEGER) });
const Decision = z
  .object({
    id: z.number(),
    uscc: z.string().nullable(),
    regionCode: z.string().nullable(),
    policyId: z.string(),
    policyHash: z.string(),
    edition: z.string(),
    asOf: z.string(),
    input: z.unknown(),
    result: z.unknown(),
    verdict: z.string(),
    purpose: z.string(),
    actor: z.string(),
    createdAt: z.string(),
  })
  .openapi('Decision');

const shown = (d: DecisionRecord) => ({ ...d, createdAt: d.createdAt.toISOString() });

export const decisionRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/decisions/{id}',
      tags: ['decisions'],
      summary: '决策记录 / A decision record',
      request: { params: Id },
      responses: { 200: json(Decision, '记录 / the record'), ...commonErrors },
    }),
    async (c) => c.json(shown(await getDecision(c.get('platform'), actorOf(c), c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/decisions/{id}/replay',
      tags: ['decisions'],
      summary: '重放决策 / Replay a decision',
      description:
        'Evaluates the stored input again with the same policy version (kept by its hash even after the file changed) and as-of date; `identical` says whether the result is the same.',
      request: { params: Id },
      responses: {
        200: json(
          z.object({ decision: Decision, replayed: z.unknown(), identical: z.boolean() }),
          '重放结果 / the replay',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const r = await replayDecision(c.get('platform'), actorOf(c), c.req.valid('param').id);
      return c.json({ ...r, decision: shown(r.decision) }, 200);
    },
  );

/**
 * An evaluation as JSON: the shape `huiqi evaluate --json` prints and the API returns, so a tool
 * can switch between them.
 */
import { AppError, notFound } from '../platform/errors.ts';
import { EngineError } from '../rules/engine.ts';
import type { Evaluation } from '../rules/types.ts';

/** `unverified`: facts that would decide it on the firm's own word alone, waiting for a reviewer (待核实). */
export function evaluationJson(r: Evaluation & { unverified?: string[] }) {
  const { policy, edition, asOf, verdict, outcome, score, missing, gaps, policyHash, unknownParameters } = r;
  const criteria = r.criteria.map(({ id, status, actual, required, source, title, unit, depth, kind }) => ({
    id,
    status,
    actual,
    required,
    source,
    title,
    unit,
    depth,
    kind,
  }));
  const unverified = r.unverified ?? [];
  return {
    policy,
    edition,
    asOf,
    verdict,
    outcome,
    score,
    criteria,
    missing,
    unverified,
    gaps,
    unknownParameters,
    policyHash,
  };
}

export type EvaluationJson = ReturnType<typeof evaluationJson>;

/** Engine refusals as API errors: an unknown policy is 404, no edition on that date 422. */
export function engineError(e: unknown): never {
  if (e instanceof EngineError) {
    if (e.code === 'unknown_policy') throw notFound({ zh: `策略（${e.message}）`, en: e.message });
    throw new AppError(422, e.code, {
      zh:
        e.code === 'no_edition'
          ? `该日期没有生效的策略版本：${e.message}`
          : e.code === 'not_recognition'
            ? `该策略不授予称号（非认定类政策）：${e.message}`
            : `日期格式错误：${e.message}`,
      en: e.message,
    });
  }
  throw e;
}

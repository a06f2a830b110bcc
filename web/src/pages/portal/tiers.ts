/**
 * The cultivation tiers a firm sees on its board, and how a card's status is decided from the
 * profile (a title held) and the engine's evaluation (verdict, gaps).
 */
import type { EvaluationData } from '../../components/evaluation/index.ts';

export const SIZE_POLICY = 'cn.nbs.enterprise-size';

/** Each tier's policy and the honour (`honors[].kind`) that says the firm already holds it. */
export const TIERS = [
  { policy: 'cn.most.tech-sme', honor: 'tech_sme' },
  { policy: 'cn.miit.innovative-sme', honor: 'innovative_sme' },
  { policy: 'cn.miit.specialized-sme', honor: 'specialized_sme' },
  { policy: 'cn.miit.little-giant', honor: 'little_giant' },
  { policy: 'cn.miit.single-champion', honor: 'single_champion' },
] as const;

export type TierPolicy = (typeof TIERS)[number]['policy'];
export const BOARD_POLICIES: string[] = [...TIERS.map((t) => t.policy), SIZE_POLICY];

/**
 * "Close": not qualified, but the engine's easiest way to qualify asks a total relative change of
 * at most 30% (a gap's `effort` is the sum of the relative changes of the facts it moves: +20%
 * revenue and +10% R&D staff is 0.3). More than that, or no way found, is "far".
 */
export const CLOSE_EFFORT = 0.3;

export type TierStatus = 'held' | 'qualified' | 'close' | 'far' | 'undetermined';

/** The firm's evaluation of a policy as the enterprise route answers it. */
export type FirmEvaluation = EvaluationData & { decisionId: number };

interface Honour {
  kind?: unknown;
  validFrom?: unknown;
  validTo?: unknown;
}

/** The honour of that kind in force on the date, if the profile has one (the latest-ending first). */
export function heldHonour(honours: unknown, kind: string, asOf: string): Honour | undefined {
  if (!Array.isArray(honours)) return undefined;
  return (honours as Honour[])
    .filter(
      (h) =>
        h.kind === kind &&
        (typeof h.validFrom !== 'string' || h.validFrom <= asOf) &&
        (typeof h.validTo !== 'string' || asOf <= h.validTo),
    )
    .sort((a, b) => String(b.validTo ?? '9999').localeCompare(String(a.validTo ?? '9999')))[0];
}

/** The smallest effort among the engine's gaps, or null when none was found. */
export const bestEffort = (ev: EvaluationData): number | null =>
  ev.gaps.length ? Math.min(...ev.gaps.map((g) => g.effort)) : null;

export function tierStatus(ev: EvaluationData | undefined, held: boolean): TierStatus | null {
  if (held) return 'held';
  if (!ev) return null;
  if (ev.verdict === 'qualified') return 'qualified';
  if (ev.verdict === 'undetermined') return 'undetermined';
  const best = bestEffort(ev);
  return best !== null && best <= CLOSE_EFFORT ? 'close' : 'far';
}

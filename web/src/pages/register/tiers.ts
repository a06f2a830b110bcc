/**
 * The tiers the recognition workflow grants, named by the honour a title carries — the register
 * filters by it, and notices and applications (which know only the policy) map to it.
 */
import { enumLabel } from '../../components/evaluation/index.ts';
import type { useI18n } from '../../i18n/index.tsx';
import { TIERS } from '../portal/tiers.ts';

type T = ReturnType<typeof useI18n>['t'];

export const HONORS: string[] = TIERS.map((tier) => tier.honor);

/** 创新型中小企业 … for a policy id, or the id itself when it grants none of the tiers. */
export function tierOfPolicy(policyId: string, t: T): string {
  const tier = TIERS.find((x) => x.policy === policyId);
  return tier ? enumLabel(tier.honor, t) : policyId;
}

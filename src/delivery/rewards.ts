/**
 * Reward policies as the delivery module sees them: the edition in force with its delivery terms,
 * and the region a reviewer may run it over — where the policy's region and the reviewer's meet.
 */
import { regionPrefix } from '../facts/regions.ts';
import { reviewerCovers, reviewerPrefix, type Actor } from '../platform/actor.ts';
import type { Platform } from '../platform/context.ts';
import { AppError, forbidden, invalid } from '../platform/errors.ts';
import { engineError } from '../policy/evaluation.ts';
import type { CompiledEdition } from '../rules/edition.ts';
import { rewardPrefix } from '../rules/edition.ts';
import type { RewardDoc } from '../rules/schema.ts';

export interface RewardEdition {
  edition: CompiledEdition;
  reward: RewardDoc;
}

/** The edition of a reward policy in force on a date; 404 for an unknown policy, 422 for one that pays nothing. */
export function rewardEdition(p: Platform, policyId: string, asOf: string): RewardEdition {
  let edition: CompiledEdition;
  try {
    edition = p.policies.edition(policyId, asOf);
  } catch (e) {
    engineError(e);
  }
  if (!edition.reward)
    throw new AppError(422, 'not_reward', {
      zh: `${policyId} 不是奖补类政策，不能筛查兑现`,
      en: `${policyId} is not a reward policy: there is nothing to pay out`,
    });
  return { edition, reward: edition.reward };
}

/**
 * The code prefix a screening or sandbox covers: the region asked for (or the actor's own), cut
 * down to the policy's region when it is wider. Refused when the two do not meet.
 */
export function deliveryScope(actor: Actor, reward: RewardDoc, asked?: string): string {
  if (actor.role !== 'reviewer' && actor.role !== 'admin')
    throw forbidden({ zh: '只有审核人员可以筛查和兑现政策', en: 'Only reviewers screen and pay out policies' });
  let own = actor.role === 'admin' ? '' : reviewerPrefix(actor);
  if (asked !== undefined) {
    const prefix = regionPrefix(asked);
    if (prefix === undefined) throw invalid([{ field: 'region', message: `${asked} is not a GB/T 2260 code` }]);
    if (actor.role === 'reviewer' && !reviewerCovers(actor, asked))
      throw forbidden({ zh: `${asked} 不在您的辖区内`, en: `${asked} is outside your region` });
    own = prefix;
  }
  const policy = rewardPrefix(reward.region.code);
  if (own.startsWith(policy)) return own;
  if (policy.startsWith(own)) return policy;
  throw new AppError(422, 'outside_policy_region', {
    zh: `该政策只适用于${reward.region.name.zh}，与所选辖区不重合`,
    en: `The policy covers ${reward.region.name.en} only, which the region chosen does not reach`,
  });
}

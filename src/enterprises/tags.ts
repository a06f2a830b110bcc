/**
 * Tags for filtering, derived from evaluation: the size class, each tier the firm holds (a valid
 * honour) and each policy it qualifies for now. They are recomputed whenever the firm's facts
 * change, so a list filtered by tag always agrees with the engine.
 */
import type { Profile } from '../facts/profile.ts';
import { onRecord, withhold, type FactSources } from '../facts/trust.ts';
import type { PolicySet } from '../rules/engine.ts';
import { plainProjection, type Project } from './ledger.ts';

export const SIZE_POLICY = 'cn.nbs.enterprise-size';

export const tag = {
  size: (c: string) => `size:${c}`,
  holds: (honor: string) => `holds:${honor}`,
  qualifies: (policy: string) => `qualifies:${policy}`,
};

/** Titles held on a date, from a source that may grant them: never a firm's own word. */
function heldHonours(profile: Profile, sources: FactSources, asOf: string): string[] {
  const honours =
    Array.isArray(profile.honors) && onRecord(sources, 'honors') ? (profile.honors as Record<string, unknown>[]) : [];
  const held = honours
    .filter((h) => typeof h.kind === 'string')
    .filter(
      (h) =>
        (typeof h.validFrom !== 'string' || h.validFrom <= asOf) &&
        (typeof h.validTo !== 'string' || asOf <= h.validTo),
    )
    .map((h) => h.kind as string);
  return [...new Set(held)].sort();
}

/** The listing columns of a firm as of a date, with every policy in force then evaluated. */
export function projector(policies: PolicySet, asOf: string): Project {
  const screeners = policies.ids().flatMap((id) => {
    try {
      return [{ id, s: policies.screener(id, asOf) }];
    } catch {
      return []; // no edition in force on that date
    }
  });
  return (profile, sources) => {
    let sizeClass: string | null = null;
    const tags: string[] = [];
    for (const { id, s } of screeners) {
      // A tag is what the platform acts on: a policy that pays or grants is read on the facts it accepts.
      const q = s.quick(withhold(profile, sources, s.edition.trust).profile);
      if (id === SIZE_POLICY) sizeClass = typeof q.outcome === 'string' ? q.outcome : null;
      else if (q.verdict === 'qualified') tags.push(tag.qualifies(id));
    }
    if (sizeClass) tags.unshift(tag.size(sizeClass));
    tags.push(...heldHonours(profile, sources, asOf).map(tag.holds));
    return { ...plainProjection(profile), sizeClass, tags };
  };
}

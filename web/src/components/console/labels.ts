/**
 * Names the console shows for the registry's codes: tiers (an honour kind held, and the policy that
 * recognises it), size classes, GB/T 4754 sections and the sources of facts. Every name is a catalog
 * key (i18n/console.ts); a policy without a tier of its own is named by its title from the API.
 */
import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { ConsoleKey } from '../../i18n/console.ts';
import { usePolicies } from './data.ts';

export interface Tier {
  /** The honour kind (`honors[].kind`, tag `holds:<kind>`). */
  honor: string;
  /** The policy that recognises it (tag `qualifies:<policy>`), when the library has one. */
  policy: string | null;
}

/** From the lowest tier up, then the other titles. */
export const TIERS: readonly Tier[] = [
  { honor: 'tech_sme', policy: 'cn.most.tech-sme' },
  { honor: 'innovative_sme', policy: 'cn.miit.innovative-sme' },
  { honor: 'specialized_sme', policy: 'cn.miit.specialized-sme' },
  { honor: 'little_giant', policy: 'cn.miit.little-giant' },
  { honor: 'single_champion', policy: 'cn.miit.single-champion' },
  { honor: 'high_tech_enterprise', policy: null },
  { honor: 'tech_innovation_demo', policy: null },
  { honor: 'ip_advantage', policy: null },
  { honor: 'ip_demo', policy: null },
];

/** The policy whose outcome is the size class: not a tier, never a tag of its own. */
export const SIZE_POLICY = 'cn.nbs.enterprise-size';

export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];
export const isSizeClass = (s: string | null | undefined): s is SizeClass =>
  (SIZE_CLASSES as readonly string[]).includes(s ?? '');

export const SECTIONS = 'ABCDEFGHIJKLMNOPQRST'.split('');

const tierOfPolicy = new Map(TIERS.filter((t) => t.policy).map((t) => [t.policy!, t]));
const tierOfHonor = new Map(TIERS.map((t) => [t.honor, t]));

export const tierByPolicy = (policyId: string): Tier | undefined => tierOfPolicy.get(policyId);
export const tierByHonor = (honor: string): Tier | undefined => tierOfHonor.get(honor);

export type ParsedTag =
  | { kind: 'size'; value: string }
  | { kind: 'holds'; value: string }
  | { kind: 'qualifies'; value: string }
  | { kind: 'other'; value: string };

export function parseTag(tag: string): ParsedTag {
  const m = /^(size|holds|qualifies):(.+)$/.exec(tag);
  return m ? { kind: m[1] as 'size' | 'holds' | 'qualifies', value: m[2]! } : { kind: 'other', value: tag };
}

/** The name of an honour kind or a policy, the first from the catalog, the second from its tier or title. */
export function useConsoleLabels() {
  const { t, pick, lang } = useI18n();
  const policies = usePolicies().data;
  return useMemo(() => {
    const titles = new Map((policies ?? []).map((p) => [p.id, p.title]));
    const honorName = (honor: string, short = false): string => {
      const key = `console.tier.${honor}${short ? '.short' : ''}` as ConsoleKey;
      return tierByHonor(honor) ? t(key) : honor;
    };
    const policyName = (policyId: string, short = false): string => {
      const tier = tierByPolicy(policyId);
      if (tier) return honorName(tier.honor, short);
      const title = titles.get(policyId);
      return title ? pick(title) : policyId;
    };
    const sizeName = (size: string | null | undefined): string =>
      isSizeClass(size) ? t(`console.size.${size}`) : t('console.size.unknown');
    const sectionName = (section: string | null | undefined): string =>
      section && SECTIONS.includes(section) ? t(`console.section.${section}` as ConsoleKey) : t('console.unknown');
    /** A tag as the list shows it: 已认定·专精特新 / 符合·创新型. */
    const tagName = (tag: string, short = false): string => {
      const p = parseTag(tag);
      if (p.kind === 'size') return sizeName(p.value);
      if (p.kind === 'holds') return t('console.tag.holds', { name: honorName(p.value, short) });
      if (p.kind === 'qualifies') return t('console.tag.qualifies', { name: policyName(p.value, short) });
      return tag;
    };
    return { honorName, policyName, sizeName, sectionName, tagName, lang };
  }, [t, pick, lang, policies]);
}

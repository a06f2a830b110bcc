/**
 * Where a fact's value came from, and how far it is trusted. A value from a higher tier stands in
 * the profile over one from a lower tier, whatever their order; within a tier the latest stands.
 * A firm's own differing figure is kept in the ledger beside the one that stands, as its claim.
 */
import type { Label } from './catalog.ts';

/** `recognition` is a title this platform's own workflow granted; `reviewer` an officer's correction. */
export const FACT_SOURCES = [
  'self',
  'import',
  'tax',
  'social_insurance',
  'registry',
  'court',
  'reviewer',
  'recognition',
] as const;
export type FactSource = (typeof FACT_SOURCES)[number];

/** Self-declared, below an officer's spreadsheet import, below the authorities and this platform's decisions. */
export const TRUST_TIERS = ['declared', 'imported', 'authoritative'] as const;
export type Trust = (typeof TRUST_TIERS)[number];

const TIER: Readonly<Record<FactSource, Trust>> = {
  self: 'declared',
  import: 'imported',
  tax: 'authoritative',
  social_insurance: 'authoritative',
  registry: 'authoritative',
  court: 'authoritative',
  reviewer: 'authoritative',
  recognition: 'authoritative',
};

export const trustOf = (source: FactSource): Trust => TIER[source];
export const trustRank = (t: Trust): number => TRUST_TIERS.indexOf(t);
/** The rank of a source's tier: 0 declared, 1 imported, 2 authoritative. */
export const sourceRank = (source: FactSource): number => trustRank(TIER[source]);

export const SOURCE_LABELS: Readonly<Record<FactSource, Label>> = {
  self: { zh: '企业自报', en: 'Self-declared' },
  import: { zh: '导入', en: 'Import' },
  tax: { zh: '税务', en: 'Tax' },
  social_insurance: { zh: '社保', en: 'Social insurance' },
  registry: { zh: '登记', en: 'Registry' },
  court: { zh: '法院', en: 'Court' },
  reviewer: { zh: '审核更正', en: 'Reviewer' },
  recognition: { zh: '认定', en: 'Recognition' },
};

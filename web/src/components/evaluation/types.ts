/**
 * Shapes the evaluation view reads, as the API sends them. They are the engine's own types
 * (type-only imports), loosened where the JSON answer leaves a field out (`title`, `outcomeLabel`,
 * a criterion's `note`), so a full engine `Evaluation` fits as well.
 */
import type { FactCatalog } from '../../../../src/facts/catalog.ts';
import type {
  CriterionResult,
  Evaluation,
  Gap,
  Label,
  PolicySummary,
  Status,
  Unit,
  Verdict,
} from '../../../../src/rules/types.ts';

export type { FactCatalog, Gap, Label, Status, Unit, Verdict };

export type EvaluationCriterion = Omit<CriterionResult, 'note'> & { note?: string | null };

/** One evaluation: the answer of `POST /api/v1/policies/{id}/evaluate` (or the engine's `Evaluation`). */
export interface EvaluationData extends Omit<Evaluation, 'title' | 'outcomeLabel' | 'criteria'> {
  title?: Label;
  outcomeLabel?: Label | null;
  criteria: EvaluationCriterion[];
  /** 待核实: facts only the firm's own word supports that would decide a payout or a title (the API's, not the engine's). */
  unverified?: string[];
}

/** A profile as the public contract has it: money in yuan, ratios as fractions. */
export interface Profile {
  years?: Record<string, Record<string, unknown>>;
  compliance?: Record<string, unknown>;
  [key: string]: unknown;
}

export type PolicyListItem = Omit<PolicySummary, 'file'>;

export interface PolicyParameter {
  ref: string;
  unit?: Unit;
  status?: 'confirmed' | 'single-source' | 'unverified';
  note?: string;
  label?: Label;
  value?: number | string | boolean | null;
  bands?: [string, number][];
  tables?: Record<string, [string, number][]>;
  otherwise?: number;
  prefixes?: Record<string, string | null>;
  list?: (string | number)[];
}

export interface PolicyCriterionDoc {
  id: string;
  title: Label;
  source?: string;
  note?: string;
  test?: string;
  actual?: string;
  all?: PolicyCriterionDoc[];
  any?: PolicyCriterionDoc[];
}

export interface PolicyEditionDoc {
  edition: string;
  from: string;
  to?: string | null;
  document: string;
  source: string;
  /** Who published `source` when it is a copy (转载). */
  reprint?: string;
  notes?: string;
  uses?: Record<string, string>;
  parameters?: Record<string, PolicyParameter>;
  definitions?: Record<string, string | { expr: string; label?: Label; unit?: Unit }>;
  score?: {
    categories?: { id: string; title: Label }[];
    items: { id: string; title: Label; category?: string; expr: string; source?: string }[];
  };
  criteria?: PolicyCriterionDoc[];
  outcome?: { expr: string; labels?: Record<string, Label> };
}

/** `GET /api/v1/policies/{id}`: the policy document without its tests. */
export interface PolicyDocument {
  id: string;
  title: Label;
  issuer: Label;
  kind?: string;
  hash: string;
  editions: PolicyEditionDoc[];
  profiles?: Record<string, Profile>;
}

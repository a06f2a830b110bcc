/**
 * Public types of the rules engine. The engine knows facts only through `FactSchema`, which the
 * fact catalog satisfies structurally, so this folder imports nothing else from the project.
 */

export interface Label {
  zh: string;
  en: string;
}

export type Unit = 'yuan' | 'ratio' | 'persons' | 'points' | 'items' | 'years' | 'rank' | 'level';
export type GapDirection = 'up' | 'down' | 'none';

export interface FactSpec {
  type: 'number' | 'integer' | 'boolean' | 'string' | 'date' | 'enum';
  label: Label;
  unit?: Unit;
  min?: number;
  max?: number;
  values?: readonly string[];
  absentAs?: number | boolean | string;
  gap?: GapDirection;
  step?: number;
}

export type DerivedItemSpec =
  | { type: 'number' | 'string'; label: Label; from: string; map: Readonly<Record<string, number | string>> }
  | { type: 'boolean'; label: Label; validFrom: string; validTo: string };

export interface ListSpec {
  label: Label;
  itemLabel: Label;
  item: Readonly<Record<string, FactSpec>>;
  derived?: Readonly<Record<string, DerivedItemSpec>>;
}

export interface FactSchema {
  scalars: Readonly<Record<string, FactSpec>>;
  yearly: Readonly<Record<string, FactSpec>>;
  lists: Readonly<Record<string, ListSpec>>;
  compliance: Readonly<Record<string, FactSpec>>;
}

/** A profile as the engine reads it: the public contract, already validated at the edge. */
export interface ProfileInput {
  years?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  compliance?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

export type Verdict = 'qualified' | 'not_qualified' | 'undetermined';
export type Status = 'met' | 'not_met' | 'unknown';

export interface Required {
  op: string;
  value: number | string | boolean | null;
}

export interface CriterionResult {
  id: string;
  title: Label;
  /** `all` / `any` for a group, `test` for a single condition. */
  kind: 'all' | 'any' | 'test';
  depth: number;
  status: Status;
  actual: number | string | boolean | null;
  required: Required | null;
  unit: Unit | null;
  source: string | null;
  note: string | null;
}

export interface ScoreItemResult {
  id: string;
  title: Label;
  category: string | null;
  points: number | null;
  max: number;
  source: string | null;
}

export interface ScoreResult {
  total: number | null;
  max: number;
  categories: { id: string; title: Label; points: number | null; max: number }[];
  items: ScoreItemResult[];
}

export interface GapChange {
  /** Profile path of the fact, e.g. `years.2025.rdExpense`, or `count:<definition>` for a count. */
  fact: string;
  label: Label;
  unit: Unit | null;
  from: number;
  to: number;
}

export interface GapEffect {
  criterion: string;
  title: Label;
  unit: Unit | null;
  from: number | string | boolean | null;
  to: number | string | boolean | null;
}

export interface Gap {
  changes: GapChange[];
  effects: GapEffect[];
  /** Sum of relative changes: smaller asks less. */
  effort: number;
  text: Label;
}

export interface Evaluation {
  policy: string;
  title: Label;
  edition: string;
  asOf: string;
  verdict: Verdict;
  outcome: string | number | null;
  outcomeLabel: Label | null;
  score: ScoreResult | null;
  criteria: CriterionResult[];
  missing: string[];
  unknownParameters: string[];
  gaps: Gap[];
  policyHash: string;
}

export interface PolicySummary {
  id: string;
  kind: 'classification' | 'recognition' | 'assessment' | 'reward' | 'eligibility';
  title: Label;
  issuer: Label;
  file: string;
  hash: string;
  editions: { edition: string; from: string; to: string | null; document: string; source: string }[];
}

/** The shape of a policy file (YAML), checked before anything is compiled. */
import { z } from 'zod';

const label = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const date = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a date written YYYY-MM-DD` });
  }
  return s;
});
const unit = z.enum(['yuan', 'ratio', 'persons', 'points', 'items', 'years', 'rank', 'level']);
const status = z.enum(['confirmed', 'single-source', 'unverified']);

const bandRow = z.tuple([z.string(), z.number()]);
const bands = z.array(bandRow).min(1);

const paramCommon = {
  ref: z.string().min(1),
  unit: unit.optional(),
  status: status.optional(),
  note: z.string().optional(),
  label: label.optional(),
};

export const parameterSchema = z.union([
  z.strictObject({ ...paramCommon, value: z.union([z.number(), z.string(), z.boolean(), z.null()]) }),
  z.strictObject({ ...paramCommon, bands }),
  z.strictObject({ ...paramCommon, tables: z.record(z.string(), bands), otherwise: z.number() }),
  z.strictObject({ ...paramCommon, prefixes: z.record(z.string(), z.string().nullable()) }),
  z.strictObject({ ...paramCommon, list: z.array(z.union([z.string(), z.number()])).min(1) }),
]);

const definition = z.union([
  z.string().min(1),
  z.strictObject({ expr: z.string().min(1), label: label.optional(), unit: unit.optional() }),
]);

interface CriterionShape {
  id: string;
  title: z.infer<typeof label>;
  source?: string | undefined;
  note?: string | undefined;
  test?: string | undefined;
  actual?: string | undefined;
  all?: CriterionShape[] | undefined;
  any?: CriterionShape[] | undefined;
}

const criterion: z.ZodType<CriterionShape> = z.lazy(() =>
  z
    .strictObject({
      id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: 'an id is letters, digits and _' }),
      title: label,
      source: z.string().optional(),
      note: z.string().optional(),
      test: z.string().min(1).optional(),
      actual: z.string().optional(),
      all: z.array(criterion).min(1).optional(),
      any: z.array(criterion).min(1).optional(),
    })
    .refine((c) => [c.test, c.all, c.any].filter((x) => x !== undefined).length === 1, {
      message: 'a criterion has exactly one of test, all, any',
    }),
);

const scoreItem = z.strictObject({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  title: label,
  category: z.string().optional(),
  expr: z.string().min(1),
  source: z.string().optional(),
});

/** A length of time in a recognition's terms: `3y` (years), `year-end` (until 31 December), `none`. */
const term = z.strictObject({
  value: z.string().regex(/^(\d+y|year-end|none)$/, { message: 'a term is Ny (years), year-end or none' }),
  ref: z.string().min(1),
  status: status.optional(),
  note: z.string().optional(),
});

/**
 * What a recognised title means once granted (a `kind: recognition` policy): the honour it puts in
 * the profile, who decides, how long it lasts, when the yearly information update is due, and how
 * long each ground of revocation bars a new application within the same programme.
 */
const recognition = z.strictObject({
  honor: z.string().min(1),
  /** The title as the certificate prints it. */
  name: label,
  programme: z.string().regex(/^[a-z0-9-]+$/),
  decidedBy: z.enum(['district', 'city', 'province', 'national']),
  numberPrefix: z.string().regex(/^[A-Z]{2,8}$/),
  validity: term,
  infoUpdateBy: z
    .strictObject({
      value: z.string().regex(/^\d{2}-\d{2}$/, { message: 'a yearly date is MM-DD' }),
      ref: z.string().min(1),
      status: status.optional(),
      note: z.string().optional(),
    })
    .optional(),
  revocation: z.record(z.string().regex(/^[a-z_]+$/), term.extend({ label })),
});

/**
 * How a reward or subsidy reaches firms (a `kind: reward` policy): the region whose firms it
 * covers, the adverse records its credit check refuses, the budget, who answers questions, and
 * the deadlines. The amount is the edition's `outcome` (yuan). The region and the credit check
 * become the first and last criteria, so firms and officers see them like any other condition.
 */
const reward = z.strictObject({
  region: z.strictObject({
    code: z.string().regex(/^\d{6}$/, { message: 'a six-digit GB/T 2260 code' }),
    name: label,
  }),
  /** 免申即享: firms found eligible by data are paid after one-click confirmation. */
  delivery: z.enum(['no_application', 'quick_application']),
  eligible: label,
  budget: z.strictObject({
    value: z.number().nonnegative().nullable(),
    ref: z.string().min(1),
    status: status.optional(),
    note: z.string().optional(),
  }),
  office: label,
  /** null when the policy publishes none: the page then says so rather than guess. */
  phone: z
    .string()
    .regex(/^[\d-]{7,20}$/, { message: 'a phone number: digits and dashes' })
    .nullable(),
  legalBasis: z.string().min(1),
  /** Days a firm has to confirm (or to supply missing facts) after the list is published. */
  respondWithinDays: z.number().int().min(1).max(365),
  /** The last day the policy pays out for this edition, when it sets one. */
  deadline: date.optional(),
  credit: z.array(z.string().min(1)).min(1),
});

/**
 * The least trusted source a decision takes its facts from: `declared` (the firm's own word),
 * `imported` (an officer's spreadsheet), `authoritative` (registry, tax, social insurance, court,
 * a reviewer's correction, this platform's titles). Defaults: a reward takes nothing declared; a
 * recognition takes no declared titles; every other policy takes all.
 */
const trust = z.enum(['declared', 'imported', 'authoritative']);
const sources = z.strictObject({
  default: trust.optional(),
  /** By fact name: a scalar (`regionCode`), a yearly fact (`revenue`), a list (`honors`) or `compliance`. */
  facts: z.record(z.string(), trust).optional(),
});

const edition = z.strictObject({
  edition: z.union([z.string(), z.number()]).transform(String),
  from: date,
  to: date.optional(),
  document: z.string().min(1),
  source: z.string().url(),
  /** Who published `source` when it is a copy (转载), not the issuer's or a government's own page. */
  reprint: z.string().min(1).optional(),
  notes: z.string().optional(),
  uses: z.record(z.string(), z.string()).optional(),
  parameters: z.record(z.string(), parameterSchema).optional(),
  definitions: z.record(z.string(), definition).optional(),
  score: z
    .strictObject({
      categories: z.array(z.strictObject({ id: z.string(), title: label })).optional(),
      items: z.array(scoreItem).min(1),
    })
    .optional(),
  criteria: z.array(criterion).min(1),
  outcome: z
    .strictObject({
      expr: z.string().min(1),
      labels: z.record(z.string(), label).optional(),
    })
    .optional(),
  recognition: recognition.optional(),
  reward: reward.optional(),
  sources: sources.optional(),
});

const expectation = z.strictObject({
  verdict: z.enum(['qualified', 'not_qualified', 'undetermined']).optional(),
  outcome: z.union([z.string(), z.number(), z.null()]).optional(),
  score: z.union([z.number(), z.null()]).optional(),
  edition: z.union([z.string(), z.number()]).transform(String).optional(),
  criteria: z.record(z.string(), z.enum(['met', 'not_met', 'unknown'])).optional(),
  scores: z.record(z.string(), z.union([z.number(), z.null()])).optional(),
  missing: z.array(z.string()).optional(),
  gaps: z
    .array(z.strictObject({ changes: z.record(z.string(), z.number()), rank: z.number().int().min(1).optional() }))
    .optional(),
});

const testCase = z.strictObject({
  name: z.string().min(1),
  asOf: date,
  given: z.string().optional(),
  profile: z.record(z.string(), z.unknown()).optional(),
  expect: expectation,
});

export const policySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, { message: 'an id is dotted lowercase, e.g. cn.most.tech-sme' }),
  title: label,
  issuer: label,
  kind: z.enum(['classification', 'recognition', 'assessment', 'reward', 'eligibility']),
  editions: z.array(edition).min(1),
  profiles: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  tests: z.array(testCase).optional(),
});

export type PolicyDoc = z.infer<typeof policySchema>;
export type EditionDoc = PolicyDoc['editions'][number];
export type ParameterDoc = z.infer<typeof parameterSchema>;
export type RecognitionDoc = z.infer<typeof recognition>;
export type RewardDoc = z.infer<typeof reward>;
export type TrustDoc = z.infer<typeof trust>;
export type CriterionDoc = CriterionShape;
export type TestDoc = NonNullable<PolicyDoc['tests']>[number];
export type Expectation = z.infer<typeof expectation>;

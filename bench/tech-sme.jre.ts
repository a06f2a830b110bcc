/**
 * 科技型中小企业评价 in json-rules-engine (v7), the usual npm choice, written with its idioms:
 * profile values go in as runtime facts, computed values (ratios, band points, IP counts, the score)
 * are dynamic almanac facts, and the criteria are rules of `all` / `any` conditions over them.
 *
 * json-rules-engine is two-valued, so three-valued logic is encoded the usual way: unknown values are
 * null (its numeric operators fail on null), score items are carried as a lowest and a highest
 * possible value, and there are two rules — one whose conditions all hold only when the firm
 * certainly qualifies, one that fires only when it certainly does not. Neither firing means
 * `undetermined`.
 */
import { Engine, type Almanac, type RuleProperties } from 'json-rules-engine';
import type { ProfileInput, Verdict } from '../src/rules/types.ts';
import { IP_CLASS } from '../src/facts/catalog.ts';

type Item = Readonly<Record<string, unknown>>;
interface Range {
  min: number;
  max: number;
}
/** How many list items certainly pass a filter, and how many only might (a field unknown). */
interface Tally {
  sure: number;
  maybe: number;
}

/** Band tables `[lower bound, points]`, highest first; a value takes the first row it reaches. */
const TECH_STAFF_POINTS: readonly (readonly [number, number])[] = [
  [0.3, 20],
  [0.25, 16],
  [0.2, 12],
  [0.15, 8],
  [0.1, 4],
  [0, 0],
];
const RD_REVENUE_POINTS: readonly (readonly [number, number])[] = [
  [0.06, 50],
  [0.05, 40],
  [0.04, 30],
  [0.03, 20],
  [0.02, 10],
  [0, 0],
];
const RD_COSTS_POINTS: readonly (readonly [number, number])[] = [
  [0.3, 50],
  [0.25, 40],
  [0.2, 30],
  [0.15, 20],
  [0.1, 10],
  [0, 0],
];
const CLASS_TWO_POINTS: readonly (readonly [number, number])[] = [
  [4, 24],
  [3, 18],
  [2, 12],
  [1, 6],
  [0, 0],
];
const CLASS_ONE_POINTS = 30;

const COMPLIANCE = [
  'prohibitedProducts',
  'majorAccident',
  'researchMisconduct',
  'abnormalOperationList',
  'seriousDishonesty',
] as const;
const NON_MAINLAND = ['71', '81', '82'];
const EXCLUDED_INDUSTRIES = ['16', 'F', 'H', 'K', 'L', '90'];

/** Points of a value; bounds tolerate floating-point noise like the engine (1e-12). */
function band(rows: readonly (readonly [number, number])[], x: number): number {
  for (const [lo, points] of rows) if (x >= lo - 1e-12 * Math.max(1, Math.abs(lo))) return points;
  return 0;
}
const bandRange = (rows: readonly (readonly [number, number])[], x: number | null): Range => {
  if (x === null) return { min: rows[rows.length - 1]![1], max: rows[0]![1] };
  const v = band(rows, x);
  return { min: v, max: v };
};
/** x / y: 0 / 0 reads as 0, x / 0 as ∞ (the policy language's rule); null when either is unknown. */
function ratio(x: unknown, y: unknown): number | null {
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  const q = x / y;
  return Number.isNaN(q) ? 0 : q;
}

/** GB/T 4754 code matches a list of section letters and division prefixes ("C1610" matches "16"). */
function industryMatches(code: string, prefixes: readonly string[]): boolean {
  const digits = /^[A-Z]/.test(code) ? code.slice(1) : code;
  return prefixes.some((k) => code.startsWith(k) || (/^\d/.test(k) && digits.startsWith(k)));
}

function tally(items: unknown, test: (it: Item) => boolean | undefined): Tally {
  const t: Tally = { sure: 0, maybe: 0 };
  if (!Array.isArray(items)) return t;
  for (const it of items as Item[]) {
    const v = test(it);
    if (v === true) t.sure++;
    else if (v === undefined) t.maybe++;
  }
  return t;
}

/** Kleene and of item tests: false wins, then unknown (a null field). */
function all3(...vs: (boolean | undefined)[]): boolean | undefined {
  let unknown = false;
  for (const v of vs) {
    if (v === false) return false;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}
const eq = (v: unknown, want: unknown) => (v == null ? undefined : v === want);
const oneOf = (v: unknown, want: readonly unknown[]) => (v == null ? undefined : want.includes(v));
const atLeast = (v: unknown, min: number) => (typeof v === 'number' ? v >= min : undefined);
const atMost = (v: unknown, max: number) => (typeof v === 'number' ? v <= max : undefined);

function addFacts(engine: Engine, asOf: string): void {
  const since = Number(asOf.slice(0, 4)) - 5;
  const fact = <T>(id: string, calc: (a: Almanac) => Promise<T>) =>
    engine.addFact<Promise<T>>(id, (_params, almanac) => calc(almanac));
  const v = <T>(a: Almanac, id: string) => a.factValue<T>(id);

  fact('techStaffRatio', async (a) => ratio(await v(a, 'techStaff'), await v(a, 'employees')));
  fact('rdToRevenue', async (a) => ratio(await v(a, 'rdExpense'), await v(a, 'revenue')));
  fact('rdToCosts', async (a) => ratio(await v(a, 'rdExpense'), await v(a, 'totalCosts')));

  fact('techStaffPoints', async (a) => bandRange(TECH_STAFF_POINTS, await v<number | null>(a, 'techStaffRatio')));
  fact('rdInputPoints', async (a) => {
    const r = bandRange(RD_REVENUE_POINTS, await v<number | null>(a, 'rdToRevenue'));
    const c = bandRange(RD_COSTS_POINTS, await v<number | null>(a, 'rdToCosts'));
    return { min: Math.max(r.min, c.min), max: Math.max(r.max, c.max) };
  });
  const ipOfClass = (k: number) => async (a: Almanac) =>
    tally(await v(a, 'ip'), (it) =>
      (IP_CLASS as Readonly<Record<string, number>>)[String(it.kind)] === k
        ? it.mainProduct == null
          ? undefined
          : it.mainProduct === true
        : false,
    );
  fact('classOneIp', ipOfClass(1));
  fact('classTwoIp', ipOfClass(2));
  fact('resultsPoints', async (a): Promise<Range> => {
    const one = await v<Tally>(a, 'classOneIp');
    const two = await v<Tally>(a, 'classTwoIp');
    if (one.sure > 0) return { min: CLASS_ONE_POINTS, max: CLASS_ONE_POINTS };
    const min = band(CLASS_TWO_POINTS, two.sure);
    return { min, max: one.maybe > 0 ? CLASS_ONE_POINTS : band(CLASS_TWO_POINTS, two.sure + two.maybe) };
  });
  const items = ['techStaffPoints', 'rdInputPoints', 'resultsPoints'];
  fact('scoreMin', async (a) => (await Promise.all(items.map((id) => v<Range>(a, id)))).reduce((s, r) => s + r.min, 0));
  fact('scoreMax', async (a) => (await Promise.all(items.map((id) => v<Range>(a, id)))).reduce((s, r) => s + r.max, 0));
  fact('techStaffPointsMin', async (a) => (await v<Range>(a, 'techStaffPoints')).min);
  fact('techStaffPointsMax', async (a) => (await v<Range>(a, 'techStaffPoints')).max);

  // Direct routes (第八条): counts of list items that certainly / possibly pass.
  const route = (id: string, list: string, test: (it: Item) => boolean | undefined) => {
    fact(id, async (a) => tally(await v(a, list), test));
    fact(`${id}Sure`, async (a) => (await v<Tally>(a, id)).sure);
    fact(`${id}Possible`, async (a) => {
      const t = await v<Tally>(a, id);
      return t.sure + t.maybe;
    });
  };
  route('highTech', 'honors', (h) => {
    const from = h.validFrom;
    const to = h.validTo;
    const valid =
      (typeof from === 'string' && from > asOf) || (typeof to === 'string' && to < asOf)
        ? false
        : from == null || to == null
          ? undefined
          : true;
    return all3(eq(h.kind, 'high_tech_enterprise'), valid);
  });
  route('nationalAward', 'awards', (w) =>
    all3(
      eq(w.kind ?? 'science_technology', 'science_technology'),
      eq(w.level, 'national'),
      atLeast(w.year, since),
      atMost(w.rank, 3),
    ),
  );
  route('provincialRd', 'rdInstitutions', (r) => oneOf(r.level, ['national', 'provincial']));
  route('ledStandard', 'standards', (s) =>
    all3(eq(s.role, 'lead'), oneOf(s.level, ['international', 'national', 'industry']), atLeast(s.year, since)),
  );
}

const DIRECT = ['highTech', 'nationalAward', 'provincialRd', 'ledStandard'];

/** Conditions of the entry criteria: all met (`true`), or one certainly failed (`false`). */
function entry(met: boolean) {
  return [
    { fact: 'regionCode', operator: met ? 'prefixNotIn' : 'prefixIn', value: NON_MAINLAND },
    { fact: 'employees', operator: met ? 'lessThanInclusive' : 'greaterThan', value: 500 },
    { fact: 'revenue', operator: met ? 'lessThanInclusive' : 'greaterThan', value: 200_000_000 },
    { fact: 'totalAssets', operator: met ? 'lessThanInclusive' : 'greaterThan', value: 200_000_000 },
    { fact: 'industryCode', operator: met ? 'industryNotIn' : 'industryIn', value: EXCLUDED_INDUSTRIES },
    ...COMPLIANCE.map((f) => ({ fact: f, operator: met ? 'notEqual' : 'equal', value: true })),
  ];
}

export const RULES: RuleProperties[] = [
  {
    name: 'tech-sme qualifies',
    priority: 2,
    conditions: {
      all: [
        ...entry(true),
        {
          any: [
            {
              all: [
                { fact: 'scoreMin', operator: 'greaterThanInclusive', value: 60 },
                { fact: 'techStaffPointsMin', operator: 'greaterThan', value: 0 },
              ],
            },
            ...DIRECT.map((id) => ({ fact: `${id}Sure`, operator: 'greaterThanInclusive', value: 1 })),
          ],
        },
      ],
    },
    event: { type: 'qualified' },
  },
  {
    name: 'tech-sme certainly does not qualify',
    priority: 1,
    conditions: {
      any: [
        ...entry(false),
        {
          all: [
            {
              any: [
                { fact: 'scoreMax', operator: 'lessThan', value: 60 },
                { fact: 'techStaffPointsMax', operator: 'lessThanInclusive', value: 0 },
              ],
            },
            ...DIRECT.map((id) => ({ fact: `${id}Possible`, operator: 'lessThan', value: 1 })),
          ],
        },
      ],
    },
    event: { type: 'not_qualified' },
  },
];

/** The runtime facts of one profile: last fiscal year's figures, lists and flags; null = unknown. */
function toFacts(p: ProfileInput, y1Key: string): Record<string, unknown> {
  const y1 = p.years?.[y1Key];
  const n = (v: unknown) => (typeof v === 'number' ? v : null);
  const facts: Record<string, unknown> = {
    regionCode: p.regionCode ?? null,
    industryCode: p.industryCode ?? null,
    employees: n(y1?.employees),
    techStaff: n(y1?.techStaff),
    revenue: n(y1?.revenue),
    totalAssets: n(y1?.totalAssets),
    totalCosts: n(y1?.totalCosts),
    rdExpense: n(y1?.rdExpense),
    ip: p.ip ?? [],
    honors: p.honors ?? [],
    awards: p.awards ?? [],
    rdInstitutions: p.rdInstitutions ?? [],
    standards: p.standards ?? [],
  };
  for (const f of COMPLIANCE) facts[f] = p.compliance?.[f] ?? false;
  return facts;
}

/** An engine bound to one as-of date; `verdict` maps its events to the three verdicts. */
export function techSmeJre(asOf: string): { engine: Engine; verdict(p: ProfileInput): Promise<Verdict> } {
  const engine = new Engine(RULES, { allowUndefinedFacts: true });
  const isCode = (a: unknown): a is string => typeof a === 'string';
  engine.addOperator<string, string[]>('prefixIn', (a, b) => isCode(a) && b.some((k) => a.startsWith(k)));
  engine.addOperator<string, string[]>('prefixNotIn', (a, b) => isCode(a) && !b.some((k) => a.startsWith(k)));
  engine.addOperator<string, string[]>('industryIn', (a, b) => isCode(a) && industryMatches(a, b));
  engine.addOperator<string, string[]>('industryNotIn', (a, b) => isCode(a) && !industryMatches(a, b));
  addFacts(engine, asOf);
  const y1Key = String(Number(asOf.slice(0, 4)) - 1);
  return {
    engine,
    async verdict(p) {
      const { events } = await engine.run(toFacts(p, y1Key));
      let v: Verdict = 'undetermined';
      for (const e of events) {
        if (e.type === 'qualified') return 'qualified';
        if (e.type === 'not_qualified') v = 'not_qualified';
      }
      return v;
    },
  };
}

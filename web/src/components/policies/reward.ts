/**
 * A reward policy (奖补) as the pages read it: the edition's `reward` block (region, delivery,
 * budget, office, deadlines), the amounts among its parameters, and its conditions with the region
 * and credit checks the engine adds around the policy's own criteria.
 */
import type {
  FactCatalog,
  Label,
  PolicyCriterionDoc,
  PolicyEditionDoc,
  PolicyParameter,
} from '../evaluation/index.ts';
import { formatNumber, formatPercent } from '../../format.ts';
import type { Lang, useI18n } from '../../i18n/index.tsx';

type T = ReturnType<typeof useI18n>['t'];

export const KINDS = ['classification', 'recognition', 'assessment', 'reward', 'eligibility'] as const;
export type PolicyKind = (typeof KINDS)[number];
export const isKind = (k: string | null | undefined): k is PolicyKind => (KINDS as readonly string[]).includes(k ?? '');

export type Delivery = 'no_application' | 'quick_application';

/** An edition's `reward` block, as the policy file has it (src/rules/schema.ts). */
export interface RewardTerms {
  region: { code: string; name: Label };
  delivery: Delivery;
  eligible: Label;
  /** null: the policy publishes no budget. */
  budget: { value: number | null; ref: string; status?: string; note?: string };
  office: Label;
  phone: string | null;
  legalBasis: string;
  respondWithinDays: number;
  deadline?: string;
  /** Compliance facts (adverse records) the credit check refuses. */
  credit: string[];
}

export const rewardOf = (e: PolicyEditionDoc | undefined): RewardTerms | undefined =>
  (e as (PolicyEditionDoc & { reward?: RewardTerms }) | undefined)?.reward;

/** The edition in force on a date (YYYY-MM-DD), or else the latest. */
export function editionOn<E extends PolicyEditionDoc>(editions: E[], date: string): E | undefined {
  return editions.find((e) => e.from <= date && (!e.to || e.to >= date)) ?? editions[editions.length - 1];
}

/**
 * How a parameter makes up the amount: a fixed sum (40 万元), a cap (最高 200 万元: an argument of
 * `min(…)` in the outcome) or a share (20 % of the growth).
 */
export type AmountRole = 'fixed' | 'cap' | 'share';

export interface Amount {
  name: string;
  parameter: PolicyParameter;
  value: number;
  role: AmountRole;
}

/** The names appearing inside `min(…)` anywhere in an expression: they bound the amount from above. */
function insideMin(expr: string): Set<string> {
  const names = new Set<string>();
  for (const m of expr.matchAll(/\bmin\(/g)) {
    const start = m.index + m[0].length;
    let depth = 1;
    let i = start;
    for (; i < expr.length && depth > 0; i++) depth += expr[i] === '(' ? 1 : expr[i] === ')' ? -1 : 0;
    for (const id of expr.slice(start, i).matchAll(/[A-Za-z_]\w*/g)) names.add(id[0]);
  }
  return names;
}

/** The parameters in yuan (sums and caps) and ratios (shares) an edition pays by. */
export function amountsOf(e: PolicyEditionDoc): Amount[] {
  const texts = [
    e.outcome?.expr ?? '',
    ...Object.values(e.definitions ?? {}).map((d) => (typeof d === 'string' ? d : d.expr)),
  ];
  const capped = insideMin(texts.join('\n'));
  return Object.entries(e.parameters ?? {}).flatMap(([name, parameter]) => {
    const value = parameter.value;
    if (typeof value !== 'number' || (parameter.unit !== 'yuan' && parameter.unit !== 'ratio')) return [];
    const role: AmountRole = parameter.unit === 'ratio' ? 'share' : capped.has(name) ? 'cap' : 'fixed';
    return [{ name, parameter, value, role }];
  });
}

/** Yuan as a person says it: 40 万元, 1 亿元 (English: CNY 400,000). */
export function formatYuan(yuan: number, t: T, lang: Lang): string {
  if (lang === 'en') return t('reward.money.yuan', { n: formatNumber(yuan) });
  return yuan >= 100_000_000
    ? t('reward.money.yi', { n: formatNumber(yuan / 100_000_000) })
    : t('reward.money.wan', { n: formatNumber(yuan / 10_000) });
}

/** One amount in words: "40 万元", "最高 200 万元", "比例 20%". */
export function formatAmount(a: Amount, t: T, lang: Lang): string {
  if (a.role === 'share') return t('reward.amount.share', { share: formatPercent(a.value) });
  const sum = formatYuan(a.value, t, lang);
  return a.role === 'cap' ? t('reward.amount.cap', { amount: sum }) : sum;
}

/** The amounts in yuan of an edition, largest first: "60 万元 / 25 万元 / 5 万元", "最高 200 万元". */
export function amountSummary(e: PolicyEditionDoc, t: T, lang: Lang): string | null {
  const sums = amountsOf(e)
    .filter((a) => a.role !== 'share')
    .sort((a, b) => b.value - a.value);
  return sums.length ? sums.map((a) => formatAmount(a, t, lang)).join(' / ') : null;
}

/**
 * The conditions a firm must meet, in the engine's order and words (src/rules/edition.ts):
 * registered in the region first, the policy's own criteria, and the credit check last with one
 * child per adverse record.
 */
export function rewardCriteria(
  e: PolicyEditionDoc,
  reward: RewardTerms,
  catalog: FactCatalog | undefined,
): PolicyCriterionDoc[] {
  const { region } = reward;
  return [
    {
      id: 'inRegion',
      title: { zh: `在${region.name.zh}注册`, en: `Registered in ${region.name.en}` },
      source: reward.legalBasis,
    },
    ...(e.criteria ?? []),
    {
      id: 'credit',
      title: { zh: '信用审查：无下列不良记录', en: 'Credit check: none of these adverse records' },
      source: reward.legalBasis,
      all: reward.credit.map((flag) => ({
        id: `credit_${flag}`,
        title: catalog?.compliance[flag]?.label ?? { zh: flag, en: flag },
      })),
    },
  ];
}

/** Whether two region codes meet: one covers the other (320200 and 320214 do; 320214 and 320211 do not). */
export function regionsMeet(a: string, b: string): boolean {
  const prefix = (code: string) => code.replace(/(00){1,2}$/, '');
  const [x, y] = [prefix(a), prefix(b)];
  return x.startsWith(y) || y.startsWith(x);
}

/**
 * 科技型中小企业评价 (国科发政〔2017〕115号) written by hand in plain TypeScript: the speed-limit
 * yardstick for the engine. Same criteria as policies/cn/most/tech-sme.yaml:
 *
 * - entry: mainland registration, ≤ 500 employees, revenue ≤ ¥200m, assets ≤ ¥200m, industry not
 *   excluded from the R&D super-deduction, no adverse record;
 * - then either score ≥ 60 with a tech-staff score above 0 (tech staff 20 + R&D input 50, the better
 *   of two ratios + results 30), or one of the four direct routes of 第八条.
 *
 * Three-valued like the engine: an absent or null fact is unknown; Kleene and/or; a score item whose
 * input is unknown spans its band table's range, so "score ≥ 60" is decided when it passes (or fails)
 * whatever the unknown item scores. Comparisons tolerate floating-point noise as the engine's do
 * (|a − b| ≤ 1e-12·max(1, |a|, |b|)).
 */
import type { ProfileInput, Verdict } from '../src/rules/types.ts';

type T3 = boolean | undefined;

const MAX_EMPLOYEES = 500;
const MAX_REVENUE = 200_000_000;
const MAX_ASSETS = 200_000_000;
const PASS_SCORE = 60;
const LOOKBACK_YEARS = 5;

/** The engine's tolerance for floating-point noise (src/rules/nodes.ts, bands.ts). */
const TOL = 1e-12;
const eps = (a: number, b: number) => Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b));
const le = (a: number, b: number) => a <= b || eps(a, b);
const ge = (a: number, b: number) => a >= b || eps(a, b);
const gt = (a: number, b: number) => a > b && !eps(a, b);

/** Band edges `[lower, …)` with the engine's tolerance on the lower bound (all lower bounds < 1). */
const E = TOL;

function techStaffPoints(r: number): number {
  return r >= 0.3 - E ? 20 : r >= 0.25 - E ? 16 : r >= 0.2 - E ? 12 : r >= 0.15 - E ? 8 : r >= 0.1 - E ? 4 : 0;
}
function rdToRevenuePoints(r: number): number {
  return r >= 0.06 - E ? 50 : r >= 0.05 - E ? 40 : r >= 0.04 - E ? 30 : r >= 0.03 - E ? 20 : r >= 0.02 - E ? 10 : 0;
}
function rdToCostsPoints(r: number): number {
  return r >= 0.3 - E ? 50 : r >= 0.25 - E ? 40 : r >= 0.2 - E ? 30 : r >= 0.15 - E ? 20 : r >= 0.1 - E ? 10 : 0;
}
function classTwoPoints(n: number): number {
  return n >= 4 ? 24 : n * 6;
}

/** x / y with the policy language's rule: 0 / 0 reads as 0, x / 0 as ∞. */
function ratio(x: number, y: number): number {
  const q = x / y;
  return q !== q ? 0 : q;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Ⅰ类 = 1, Ⅱ类 = 2 (国科发政〔2017〕115号 附件). */
function ipClass(kind: unknown): number {
  switch (kind) {
    case 'invention_patent':
    case 'defense_patent':
    case 'plant_variety':
    case 'national_crop_variety':
    case 'national_new_drug':
    case 'tcm_protected_grade1':
    case 'ic_layout_design':
      return 1;
    case 'utility_model_patent':
    case 'design_patent':
    case 'software_copyright':
      return 2;
    default:
      return 0;
  }
}

type Item = Readonly<Record<string, unknown>>;
type List = readonly Item[] | undefined;

/** "At least one item passes": true, false, or unknown when only items with an unknown field could. */
const atLeastOne = (sure: number, maybe: number): T3 => (sure > 0 ? true : maybe > 0 ? undefined : false);

/** Kleene and of one more operand into an accumulator: false wins, then unknown. */
const and3 = (a: T3, b: T3): T3 =>
  a === false || b === false ? false : a === undefined || b === undefined ? undefined : true;
const or3 = (a: T3, b: T3): T3 =>
  a === true || b === true ? true : a === undefined || b === undefined ? undefined : false;

/** Region GB/T 2260: 71 Taiwan, 81 Hong Kong, 82 Macau are not mainland. */
function mainland(region: unknown): T3 {
  if (typeof region !== 'string') return undefined;
  return !(region.startsWith('71') || region.startsWith('81') || region.startsWith('82'));
}

/** 烟草 16, 批发和零售 F, 住宿和餐饮 H, 房地产 K, 租赁和商务服务 L, 娱乐 90 (财税〔2015〕119号). */
function industryAllowed(code: unknown): T3 {
  if (typeof code !== 'string') return undefined;
  const c0 = code.charCodeAt(0);
  const digits = c0 >= 65 && c0 <= 90 ? code.slice(1) : code;
  if (c0 === 70 /* F */ || c0 === 72 /* H */ || c0 === 75 /* K */ || c0 === 76 /* L */) return false;
  return !(digits.startsWith('16') || digits.startsWith('90'));
}

/** A cap "x ≤ max": unknown when x is. */
const cap = (x: number | undefined, max: number): T3 => (x === undefined ? undefined : le(x, max));

/** Returns the screener for one as-of date, as the engine's `PolicySet.screener` does. */
export function techSmeHand(asOf: string): (p: ProfileInput) => Verdict {
  const asOfYear = Number(asOf.slice(0, 4));
  const y1Key = String(asOfYear - 1);
  const since = asOfYear - LOOKBACK_YEARS;

  return (p: ProfileInput): Verdict => {
    const y1 = p.years?.[y1Key];
    const employees = num(y1?.employees);
    const revenue = num(y1?.revenue);

    // ---- entry conditions (第六条（一）至（四）)
    let entry: T3 = mainland(p.regionCode);
    entry = and3(entry, cap(employees, MAX_EMPLOYEES));
    entry = and3(entry, cap(revenue, MAX_REVENUE));
    entry = and3(entry, cap(num(y1?.totalAssets), MAX_ASSETS));
    entry = and3(entry, industryAllowed(p.industryCode));
    const c = p.compliance;
    if (
      c &&
      (c.prohibitedProducts === true ||
        c.majorAccident === true ||
        c.researchMisconduct === true ||
        c.abnormalOperationList === true ||
        c.seriousDishonesty === true)
    ) {
      entry = false;
    }
    if (entry === false) return 'not_qualified';

    // ---- direct routes (第八条): any one
    let direct: T3 = false;
    const honors = p.honors as List;
    if (honors) {
      let sure = 0;
      let maybe = 0;
      for (const h of honors) {
        if (h.kind !== 'high_tech_enterprise') continue;
        const from = h.validFrom;
        const to = h.validTo;
        if ((typeof from === 'string' && from > asOf) || (typeof to === 'string' && to < asOf)) continue;
        if (from == null || to == null) maybe++;
        else sure++;
      }
      direct = atLeastOne(sure, maybe);
    }
    if (direct !== true) {
      const awards = p.awards as List;
      if (awards) {
        let sure = 0;
        let maybe = 0;
        for (const a of awards) {
          const kind = a.kind ?? 'science_technology'; // an award of no stated kind is a S&T award
          const level = a.level;
          if (kind !== 'science_technology' || (level != null && level !== 'national')) continue;
          const year = num(a.year);
          const rank = num(a.rank);
          if ((year !== undefined && year < since) || (rank !== undefined && gt(rank, 3))) continue;
          if (level == null || year === undefined || rank === undefined) maybe++;
          else sure++;
        }
        direct = or3(direct, atLeastOne(sure, maybe));
      }
    }
    if (direct !== true) {
      const inst = p.rdInstitutions as List;
      if (inst) {
        let sure = 0;
        let maybe = 0;
        for (const r of inst) {
          if (r.level === 'national' || r.level === 'provincial') sure++;
          else if (r.level == null) maybe++;
        }
        direct = or3(direct, atLeastOne(sure, maybe));
      }
    }
    if (direct !== true) {
      const standards = p.standards as List;
      if (standards) {
        let sure = 0;
        let maybe = 0;
        for (const s of standards) {
          const role = s.role;
          const level = s.level;
          const year = num(s.year);
          if (role != null && role !== 'lead') continue;
          if (level != null && level !== 'international' && level !== 'national' && level !== 'industry') continue;
          if (year !== undefined && year < since) continue;
          if (role == null || level == null || year === undefined) maybe++;
          else sure++;
        }
        direct = or3(direct, atLeastOne(sure, maybe));
      }
    }
    if (direct === true) return entry === true ? 'qualified' : 'undetermined';

    // ---- score (附件): each item as a [lo, hi] range, exact when its inputs are known
    const techStaff = num(y1?.techStaff);
    let tLo = 0;
    let tHi = 20;
    if (techStaff !== undefined && employees !== undefined) tLo = tHi = techStaffPoints(ratio(techStaff, employees));

    const rd = num(y1?.rdExpense);
    const costs = num(y1?.totalCosts);
    let aLo = 0;
    let aHi = 50;
    if (rd !== undefined && revenue !== undefined) aLo = aHi = rdToRevenuePoints(ratio(rd, revenue));
    let bLo = 0;
    let bHi = 50;
    if (rd !== undefined && costs !== undefined) bLo = bHi = rdToCostsPoints(ratio(rd, costs));
    const rLo = aLo > bLo ? aLo : bLo;
    const rHi = aHi > bHi ? aHi : bHi;

    // results: 30 for any class-I IP related to the main products, else by class-II count
    let one = 0;
    let oneMaybe = 0;
    let two = 0;
    let twoMaybe = 0;
    const ip = p.ip as List;
    if (ip) {
      for (const it of ip) {
        const k = ipClass(it.kind);
        if (k === 0 || it.mainProduct === false) continue;
        const unsure = it.mainProduct == null;
        if (k === 1) {
          if (unsure) oneMaybe++;
          else one++;
        } else if (unsure) twoMaybe++;
        else two++;
      }
    }
    let sLo: number;
    let sHi: number;
    if (one > 0) sLo = sHi = 30;
    else if (oneMaybe === 0) {
      sLo = classTwoPoints(two);
      sHi = classTwoPoints(two + twoMaybe);
    } else {
      sLo = classTwoPoints(two);
      sHi = 30;
    }

    const lo = tLo + rLo + sLo;
    const hi = tHi + rHi + sHi;
    const scorePass: T3 = ge(lo, PASS_SCORE) ? true : !ge(hi, PASS_SCORE) ? false : undefined;
    const techNonZero: T3 = gt(tLo, 0) ? true : !gt(tHi, 0) ? false : undefined;
    const route = or3(and3(scorePass, techNonZero), direct);
    const v = and3(entry, route);
    return v === true ? 'qualified' : v === false ? 'not_qualified' : 'undetermined';
  };
}

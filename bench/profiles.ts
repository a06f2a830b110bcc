/**
 * Deterministic generator of realistic, varied enterprise profiles in the public contract shape
 * (src/facts/catalog.ts), for the benchmark and the yardstick agreement test.
 *
 * Every profile i is drawn from its own PRNG stream seeded from (seed, i), so profile i is the same
 * whatever the pool size: a 5,000-profile pool is the prefix of a 20,000-profile one. No
 * Math.random anywhere.
 *
 * The mix is built so that all three verdicts occur for 科技型中小企业评价: tech manufacturers and
 * software houses that pass on score or on a direct route, traders and developers that fail on the
 * excluded-industry list, firms over the size caps, firms with adverse records, a few per cent with
 * a fact left out (absent or null, which the contract reads as unknown), a few per cent placed
 * exactly on a band or cap edge, and a few pre-revenue start-ups (revenue 0, R&D spent).
 */
import type { Profile } from '../src/facts/profile.ts';
import { checkCharacter } from '../src/facts/uscc.ts';

/** sfc32: small, fast, good-quality 32-bit PRNG (PractRand-clean), seeded through splitmix32. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const mix = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform real in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Log-uniform real in [lo, hi): sizes and money spread over orders of magnitude. */
  logRange(lo: number, hi: number): number {
    return Math.exp(this.range(Math.log(lo), Math.log(hi)));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }

  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of xs) total += w;
    let r = this.next() * total;
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return xs[xs.length - 1]![0];
  }

  /** Geometric-like count with the given mean (0, 1, 2, … with a long tail). */
  count(mean: number, cap: number): number {
    if (mean <= 0) return 0;
    const p = 1 / (1 + mean);
    let n = 0;
    while (n < cap && this.next() > p) n++;
    return n;
  }
}

/** The profile of this generator: the contract shape (validated by parseProfile in the tests). */
export type BenchProfile = Profile;

type Sector =
  | 'hightechManufacturing'
  | 'manufacturing'
  | 'software'
  | 'research'
  | 'wholesale'
  | 'retail'
  | 'construction'
  | 'realEstate'
  | 'leasing'
  | 'other';

interface SectorSpec {
  weight: number;
  /** GB/T 4754-2017 class codes with their section letter. */
  codes: readonly string[];
  employees: readonly [number, number];
  /** Revenue per employee, yuan. */
  revenuePerHead: readonly [number, number];
  techShare: readonly [number, number];
  /** Probability of any R&D and, if so, the R&D share of revenue. */
  rdProbability: number;
  rdShare: readonly [number, number];
  /** Total assets ÷ revenue. */
  assetTurn: readonly [number, number];
  classOneMean: number;
  classTwoMean: number;
  highTech: number;
  provincialRd: number;
}

const SECTORS: Readonly<Record<Sector, SectorSpec>> = {
  hightechManufacturing: {
    weight: 22,
    codes: [
      'C3562',
      'C3973',
      'C3976',
      'C3841',
      'C2710',
      'C2761',
      'C3581',
      'C4011',
      'C3824',
      'C3911',
      'C3670',
      'C3446',
      'C3599',
    ],
    employees: [8, 1400],
    revenuePerHead: [350_000, 2_600_000],
    techShare: [0.06, 0.5],
    rdProbability: 0.96,
    rdShare: [0.01, 0.12],
    assetTurn: [0.6, 2.2],
    classOneMean: 2.5,
    classTwoMean: 6,
    highTech: 0.32,
    provincialRd: 0.1,
  },
  manufacturing: {
    weight: 18,
    codes: ['C3311', 'C3484', 'C2641', 'C1713', 'C2929', 'C3130', 'C1391', 'C2231', 'C1610', 'C2110', 'C1811', 'C3021'],
    employees: [10, 1600],
    revenuePerHead: [300_000, 2_000_000],
    techShare: [0.01, 0.2],
    rdProbability: 0.6,
    rdShare: [0.002, 0.05],
    assetTurn: [0.5, 1.8],
    classOneMean: 0.4,
    classTwoMean: 2.5,
    highTech: 0.06,
    provincialRd: 0.02,
  },
  software: {
    weight: 18,
    codes: ['I6511', 'I6512', 'I6513', 'I6519', 'I6520', 'I6531', 'I6550', 'I6560', 'I6421', 'I6432', 'I6311'],
    employees: [3, 900],
    revenuePerHead: [180_000, 1_300_000],
    techShare: [0.15, 0.92],
    rdProbability: 0.95,
    rdShare: [0.02, 0.32],
    assetTurn: [0.4, 1.6],
    classOneMean: 0.7,
    classTwoMean: 9,
    highTech: 0.3,
    provincialRd: 0.05,
  },
  research: {
    weight: 7,
    codes: ['M7320', 'M7340', 'M7452', 'M7513', 'M7520', 'M7483', 'M7310'],
    employees: [3, 450],
    revenuePerHead: [150_000, 900_000],
    techShare: [0.25, 0.95],
    rdProbability: 0.95,
    rdShare: [0.03, 0.45],
    assetTurn: [0.5, 2.5],
    classOneMean: 2.5,
    classTwoMean: 4,
    highTech: 0.35,
    provincialRd: 0.12,
  },
  wholesale: {
    weight: 9,
    codes: ['F5171', 'F5172', 'F5176', 'F5177', 'F5151', 'F5123', 'F5162', 'F5191'],
    employees: [3, 320],
    revenuePerHead: [900_000, 12_000_000],
    techShare: [0, 0.1],
    rdProbability: 0.15,
    rdShare: [0, 0.012],
    assetTurn: [0.2, 0.9],
    classOneMean: 0.05,
    classTwoMean: 0.4,
    highTech: 0.01,
    provincialRd: 0.002,
  },
  retail: {
    weight: 5,
    codes: ['F5211', 'F5212', 'F5261', 'F5273', 'F5292', 'F5251'],
    employees: [5, 650],
    revenuePerHead: [300_000, 3_500_000],
    techShare: [0, 0.06],
    rdProbability: 0.06,
    rdShare: [0, 0.008],
    assetTurn: [0.3, 1.2],
    classOneMean: 0.02,
    classTwoMean: 0.3,
    highTech: 0.005,
    provincialRd: 0.001,
  },
  construction: {
    weight: 6,
    codes: ['E4710', 'E4811', 'E4852', 'E4910', 'E4999', 'E5011', 'E5021'],
    employees: [10, 2200],
    revenuePerHead: [400_000, 2_200_000],
    techShare: [0.02, 0.22],
    rdProbability: 0.45,
    rdShare: [0.002, 0.04],
    assetTurn: [0.6, 1.8],
    classOneMean: 0.3,
    classTwoMean: 1.5,
    highTech: 0.08,
    provincialRd: 0.02,
  },
  realEstate: {
    weight: 3,
    codes: ['K7010', 'K7010', 'K7020', 'K7030', 'K7040'],
    employees: [5, 500],
    revenuePerHead: [400_000, 20_000_000],
    techShare: [0, 0.05],
    rdProbability: 0.03,
    rdShare: [0, 0.005],
    assetTurn: [1.5, 8],
    classOneMean: 0.01,
    classTwoMean: 0.1,
    highTech: 0.002,
    provincialRd: 0,
  },
  leasing: {
    weight: 4,
    codes: ['L7111', 'L7114', 'L7211', 'L7241', 'L7251', 'L7281', 'L7295'],
    employees: [3, 420],
    revenuePerHead: [250_000, 4_000_000],
    techShare: [0, 0.12],
    rdProbability: 0.12,
    rdShare: [0, 0.02],
    assetTurn: [0.5, 4],
    classOneMean: 0.03,
    classTwoMean: 0.5,
    highTech: 0.01,
    provincialRd: 0.003,
  },
  other: {
    weight: 8,
    codes: [
      'A0111',
      'A0412',
      'B0610',
      'D4411',
      'D4420',
      'G5431',
      'G5920',
      'G5910',
      'G6010',
      'H6110',
      'H6210',
      'J6621',
      'N7721',
      'O8010',
      'R8710',
      'R9011',
      'Q8411',
      'P8331',
    ],
    employees: [3, 1500],
    revenuePerHead: [150_000, 3_000_000],
    techShare: [0, 0.16],
    rdProbability: 0.3,
    rdShare: [0, 0.03],
    assetTurn: [0.5, 3],
    classOneMean: 0.15,
    classTwoMean: 0.6,
    highTech: 0.03,
    provincialRd: 0.01,
  },
};

const SECTOR_WEIGHTS = Object.entries(SECTORS).map(([k, s]) => [k as Sector, s.weight] as const);

/** GB/T 2260 county-level codes across the country; 71/81/82 are Taiwan, Hong Kong and Macau. */
const REGIONS = [
  '320214',
  '320506',
  '320115',
  '440305',
  '440106',
  '440604',
  '310115',
  '310112',
  '110108',
  '110105',
  '330106',
  '330110',
  '510107',
  '420111',
  '370212',
  '370102',
  '500112',
  '610113',
  '350203',
  '340104',
  '430104',
  '120116',
  '210211',
  '410105',
  '360111',
  '450103',
  '520115',
  '130104',
  '220104',
  '230103',
  '530102',
  '620102',
  '640104',
  '650104',
  '150102',
  '140105',
  '460106',
  '320413',
  '330782',
  '441900',
] as const;
const NON_MAINLAND = ['710000', '810000', '820000'] as const;

const CLASS_ONE = [
  'invention_patent',
  'invention_patent',
  'invention_patent',
  'invention_patent',
  'ic_layout_design',
  'plant_variety',
  'national_new_drug',
  'defense_patent',
  'national_crop_variety',
  'tcm_protected_grade1',
] as const;
const CLASS_TWO = ['utility_model_patent', 'utility_model_patent', 'design_patent', 'software_copyright'] as const;

export interface GenerateOptions {
  /** Seed of the whole pool (default 20260601). */
  seed?: number;
  /** The as-of date the profiles are made for: fiscal years Y1..Y3 are counted back from its year. */
  asOf?: string;
}

export const DEFAULT_SEED = 20260601;
export const DEFAULT_AS_OF = '2026-06-01';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date `days` days from `iso` (negative goes back). */
function addDays(iso: string, days: number): string {
  const t =
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86_400_000;
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function yearsLater(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(4) === '-02-29' ? '-02-28' : iso.slice(4);
  return `${y}${md}`;
}

const round = (x: number, step = 1) => Math.round(x / step) * step;

type Item = Record<string, string | number | boolean | null>;
type YearFacts = Record<string, number | null>;

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** One profile, drawn from its own stream. */
export function generateProfile(index: number, opts: GenerateOptions = {}): BenchProfile {
  const seed = opts.seed ?? DEFAULT_SEED;
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  const rng = new Rng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0);
  const asOfYear = Number(asOf.slice(0, 4));
  const sector = rng.weighted(SECTOR_WEIGHTS);
  const s = SECTORS[sector];
  // Latent strength of the firm (skewed low): ties R&D, IP, titles and market position together.
  const q = rng.next() ** 1.6;
  const lerp = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * (0.55 * q + 0.45 * rng.next());

  // ---- identity
  const regionCode = rng.chance(0.006) ? rng.pick(NON_MAINLAND) : rng.pick(REGIONS);
  let uscc = '91' + regionCode;
  for (let i = 0; i < 9; i++) uscc += USCC_CHARS[rng.int(0, USCC_CHARS.length - 1)];
  uscc += checkCharacter(uscc);
  const age = rng.logRange(1, 32);
  const establishedOn = addDays(asOf, -Math.round(age * 365.25));
  const nicheSince = addDays(establishedOn, Math.round(rng.range(0, age * (0.85 - 0.6 * q)) * 365.25));

  // ---- last fiscal year (Y1)
  const preRevenue =
    (sector === 'hightechManufacturing' || sector === 'software' || sector === 'research') && rng.chance(0.025);
  let employees = Math.max(1, Math.round(rng.logRange(s.employees[0], s.employees[1])));
  if (preRevenue) employees = rng.int(3, 60);
  let techStaff = Math.min(employees, Math.round(employees * lerp(s.techShare)));
  let revenue = preRevenue ? 0 : round(employees * rng.logRange(s.revenuePerHead[0], s.revenuePerHead[1]), 100);
  const doesRd = preRevenue || rng.chance(s.rdProbability);
  let rdExpense = 0;
  if (preRevenue) rdExpense = round(rng.logRange(300_000, 8_000_000), 100);
  else if (doesRd) rdExpense = round(revenue * lerp(s.rdShare), 100);
  const margin = rng.range(-0.12, 0.18);
  let totalCosts = preRevenue
    ? rdExpense + round(rng.logRange(200_000, 30_000_000), 100)
    : Math.max(rdExpense, round(revenue * (1 - margin), 100));
  let totalAssets = round(
    Math.max(revenue, totalCosts) * rng.range(s.assetTurn[0], s.assetTurn[1]) + rng.logRange(200_000, 5_000_000),
    100,
  );

  // A few per cent sit exactly on an edge the policies draw: bands, caps, counts.
  let exactClassTwo: number | null = null;
  if (!preRevenue && rng.chance(0.04)) {
    switch (rng.int(0, 5)) {
      case 0: {
        // tech-staff share exactly 10/15/20/25/30 %
        employees = 20 * rng.int(1, 24);
        techStaff = (employees * rng.pick([10, 15, 20, 25, 30])) / 100;
        break;
      }
      case 1:
        rdExpense = (revenue * rng.pick([2, 3, 4, 5, 6])) / 100; // revenue is a multiple of 100
        totalCosts = Math.max(totalCosts, rdExpense);
        break;
      case 2:
        totalCosts = round(totalCosts, 100);
        rdExpense = (totalCosts * rng.pick([10, 15, 20, 25, 30])) / 100;
        break;
      case 3:
        employees = rng.pick([500, 501]);
        techStaff = Math.min(techStaff, employees);
        break;
      case 4:
        revenue = rng.pick([200_000_000, 200_000_100]);
        totalCosts = Math.max(rdExpense, round(revenue * (1 - margin), 100));
        break;
      default:
        totalAssets = rng.pick([200_000_000, 200_000_100]);
        exactClassTwo = rng.int(3, 5);
    }
  }
  const mainRevenue = round(revenue * rng.range(0.82, 1), 100);
  const netProfit = preRevenue ? -totalCosts : round((revenue - totalCosts) * rng.range(0.7, 0.9), 100);
  const totalLiabilities = round(totalAssets * rng.range(0.15, 0.85), 100);
  const rdStaff = Math.min(techStaff, Math.round(techStaff * rng.range(0.4, 1)));

  const years: Record<string, YearFacts> = {};
  const y1: YearFacts = {
    employees,
    techStaff,
    rdStaff,
    revenue,
    mainRevenue,
    totalAssets,
    totalLiabilities,
    totalCosts,
    rdExpense,
    netProfit,
  };
  // 专精特新 development score: this year's (Y0) for firms heading for the MIIT tiers, last year's too.
  const scored = rng.chance(0.1 + 0.5 * q);
  const devScore = () => Math.max(0, Math.min(100, Math.round(30 + 65 * q + rng.range(-12, 12))));
  if (scored) years[String(asOfYear)] = { developmentScore: devScore() };
  if (scored && rng.chance(0.6)) y1.developmentScore = devScore();
  years[String(asOfYear - 1)] = y1;
  // Y2 and Y3 shrink backwards by a growth rate; a young firm may have no Y3.
  let prev = y1;
  for (let n = 2; n <= 3; n++) {
    if (age < n - 0.5) break;
    const g = 1 + rng.range(-0.15, 0.55);
    const k = (x: number | null | undefined, step = 100) => round((x ?? 0) / g, step);
    const yr: YearFacts = {
      employees: Math.max(1, Math.round((prev.employees ?? 1) / (1 + (g - 1) * 0.5))),
      revenue: k(prev.revenue),
      mainRevenue: k(prev.mainRevenue),
      totalAssets: k(prev.totalAssets),
      totalLiabilities: k(prev.totalLiabilities),
      totalCosts: k(prev.totalCosts),
      rdExpense: k(prev.rdExpense),
      netProfit: k(prev.netProfit),
    };
    yr.techStaff = Math.min(yr.employees!, Math.round((prev.techStaff ?? 0) / g));
    yr.rdStaff = Math.min(yr.techStaff, Math.round((prev.rdStaff ?? 0) / g));
    if (prev.developmentScore !== undefined && rng.chance(0.7)) yr.developmentScore = rng.int(30, 95);
    years[String(asOfYear - n)] = yr;
    prev = yr;
  }

  // ---- intellectual property
  const ip: Item[] = [];
  const grant = () => addDays(asOf, -rng.int(30, Math.max(60, Math.round(age * 365))));
  const nOne = rng.count(s.classOneMean * (0.3 + 2 * q), 25);
  const nTwo = exactClassTwo ?? rng.count(s.classTwoMean * (0.3 + 2 * q), 40);
  const nMarks = rng.count(sector === 'retail' || sector === 'wholesale' ? 1.5 : 0.8, 6);
  for (let i = 0; i < nOne; i++) {
    const kind = rng.pick(CLASS_ONE);
    ip.push({
      kind,
      grantedOn: grant(),
      mainProduct: rng.chance(0.75),
      selfDeveloped: rng.chance(0.8),
      highValue: kind === 'invention_patent' && rng.chance(0.25),
    });
  }
  for (let i = 0; i < nTwo; i++) {
    const kind = sector === 'software' && rng.chance(0.7) ? 'software_copyright' : rng.pick(CLASS_TWO);
    ip.push({
      kind,
      grantedOn: grant(),
      mainProduct: exactClassTwo !== null || rng.chance(0.7),
      selfDeveloped: rng.chance(0.85),
      highValue: false,
    });
  }
  for (let i = 0; i < nMarks; i++) ip.push({ kind: 'trademark', grantedOn: grant(), mainProduct: rng.chance(0.5) });
  // shuffle so class-I items are not always first
  for (let i = ip.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [ip[i], ip[j]] = [ip[j]!, ip[i]!];
  }

  // ---- titles (validity windows around the as-of date; some expired)
  const honors: Item[] = [];
  /** Adds a title with probability p; true when one was added and is valid on the as-of date. */
  const title = (kind: string, years: number, p: number): boolean => {
    if (!rng.chance(p)) return false;
    const from = addDays(asOf, -rng.int(-60, 365 * (years + 1)));
    const to = addDays(yearsLater(from, years), -1);
    honors.push({ kind, validFrom: from, validTo: to });
    return from <= asOf && asOf <= to;
  };
  title('high_tech_enterprise', 3, Math.min(1, s.highTech * (0.3 + 1.8 * q)));
  title('tech_sme', 1, Math.min(1, s.highTech * (0.5 + 2.5 * q)));
  // The MIIT ladder: 创新型 → 专精特新 → 小巨人, each mostly held by the stronger firms of the tier below.
  const innovative = title('innovative_sme', 3, Math.min(1, s.highTech * (0.2 + 2.5 * q)));
  const specialized = title('specialized_sme', 3, innovative && q > 0.35 ? 0.6 : 0.01);
  title('little_giant', 3, specialized && q > 0.7 ? 0.4 : 0.002);
  title('ip_advantage', 3, s.highTech * 0.3 * q);

  // ---- awards, R&D institutions, standards, equity
  const awards: Item[] = [];
  const techy = s.classOneMean >= 0.7;
  for (let i = rng.count(techy ? 0.35 : 0.05, 5); i > 0; i--) {
    const kind = rng.weighted([
      ['science_technology', 6],
      ['quality', 2],
      ['maker_china', 1],
    ] as const);
    const level = rng.weighted([
      ['national', 0.6],
      ['provincial', 4],
      ['municipal', 6],
      ['other', 1],
    ] as const);
    const a: Item = { kind, level, year: asOfYear - rng.int(0, 9), rank: rng.int(1, 7) };
    if (kind === 'science_technology' && rng.chance(0.15)) delete a.kind; // absent kind reads as a S&T award
    awards.push(a);
  }
  const rdInstitutions: Item[] = [];
  if (rng.chance(s.provincialRd)) rdInstitutions.push({ level: rng.chance(0.08) ? 'national' : 'provincial' });
  if (rng.chance(s.provincialRd * 2)) rdInstitutions.push({ level: rng.chance(0.6) ? 'municipal' : 'other' });
  const standards: Item[] = [];
  for (let i = rng.count(techy ? 0.25 : 0.04, 4); i > 0; i--) {
    standards.push({
      level: rng.weighted([
        ['international', 0.2],
        ['national', 1],
        ['industry', 2],
        ['local', 2],
        ['group', 3],
      ] as const),
      role: rng.chance(0.35) ? 'lead' : 'participant',
      year: asOfYear - rng.int(0, 9),
    });
  }
  const equityFinancing: Item[] = [];
  for (let i = rng.count(techy ? 0.3 : 0.05, 3); i > 0; i--) {
    equityFinancing.push({
      date: addDays(asOf, -rng.int(30, 365 * 4)),
      amount: round(rng.logRange(1_000_000, 200_000_000), 10_000),
      qualifiedInvestor: rng.chance(0.7),
    });
  }

  // ---- the profile
  const p: BenchProfile = {
    uscc,
    name: `基准企业${index}`,
    regionCode,
    industryCode: rng.pick(s.codes),
    establishedOn,
    nicheSince,
    years,
  };
  if (ip.length) p.ip = ip;
  if (honors.length) p.honors = honors;
  if (awards.length) p.awards = awards;
  if (rdInstitutions.length) p.rdInstitutions = rdInstitutions;
  if (standards.length) p.standards = standards;
  if (equityFinancing.length) p.equityFinancing = equityFinancing;

  // Market and product facts (used by the MIIT standards).
  const share = Math.min(1, rng.logRange(0.0005, 0.02 + 0.6 * q));
  p.marketShareDomestic = Math.round(share * 10_000) / 10_000;
  if (rng.chance(0.4)) p.marketShareGlobal = Math.round(share * rng.range(0.05, 0.5) * 10_000) / 10_000;
  if (rng.chance(0.5)) p.marketRankChina = Math.max(1, Math.round(rng.logRange(1, 2 + 200 * (1 - q))));
  if (rng.chance(0.2)) p.marketRankGlobal = Math.max(1, Math.round(rng.logRange(1, 2 + 500 * (1 - q))));
  p.mainProductStrategicEmerging = rng.chance(techy ? 0.55 : 0.1);
  p.mainProductChainRole = rng.weighted([
    ['key_link', 1],
    ['foundation', 1.5],
    ['none', 4],
  ] as const);
  p.mainProductKeyField = rng.chance(techy ? 0.5 : 0.1);
  p.digitalLevel = rng.weighted([
    [0, 1],
    [1, 3],
    [2, 4],
    [3, 2],
    [4, 0.5],
  ] as const);
  if (rng.chance(0.3)) p.featurePoints = rng.int(0, 15);
  p.qualityCertified = rng.chance(0.6);
  p.productCertifiedAbroad = rng.chance(0.15);
  p.ownBrand = rng.chance(0.55);
  p.mainProductNew = rng.chance(0.25);
  p.marketShareRecognized = rng.chance(0.2);
  if (rng.chance(0.05)) p.groupHasLittleGiant = rng.chance(0.3);
  p.coreBusinessOnInfoSystem = rng.chance(0.7);
  if (rng.chance(0.35)) {
    p.digitalScoreFoundation = round(rng.range(20, 100), 0.5);
    p.digitalScoreOperation = round(rng.range(20, 100), 0.5);
    p.digitalScoreManagement = round(rng.range(20, 100), 0.5);
    p.digitalScoreEffect = round(rng.range(20, 100), 0.5);
  }

  // Adverse records: mostly false; some profiles declare none (absent = none declared).
  if (rng.chance(0.7)) {
    const flag = (q: number) => rng.chance(q);
    p.compliance = {
      abnormalOperationList: flag(0.015),
      seriousDishonesty: flag(0.004),
      majorAccident: flag(0.004),
      taxEvasion: flag(0.003),
      dataFraud: flag(0.002),
      researchMisconduct: flag(0.002),
      prohibitedProducts: flag(0.004),
    };
    if (rng.chance(0.1)) p.compliance.dataFraud = null;
  } else if (rng.chance(0.03)) {
    p.compliance = { abnormalOperationList: true };
  }

  // A fact left out (absent or null: both mean unknown) in a few per cent of profiles.
  const omissions = rng.chance(0.05) ? (rng.chance(0.2) ? 2 : 1) : 0;
  for (let i = 0; i < omissions; i++) leaveOut(p, rng, String(asOfYear - 1));
  return p;
}

const LEAVE_OUT = [
  ['Y1.techStaff', 3],
  ['Y1.rdExpense', 3],
  ['Y1.totalCosts', 2],
  ['Y1.revenue', 2],
  ['Y1.employees', 2],
  ['Y1.totalAssets', 2],
  ['regionCode', 1],
  ['industryCode', 1],
  ['ip.mainProduct', 2],
  ['honors.validTo', 1],
  ['awards.rank', 1],
  ['Y1.netProfit', 1],
  ['Y1.rdStaff', 1],
  ['Y1.totalLiabilities', 1],
  ['Y2.revenue', 1],
  ['marketShareDomestic', 1],
  ['nicheSince', 1],
] as const;

function leaveOut(p: BenchProfile, rng: Rng, y1Key: string): void {
  const what = rng.weighted(LEAVE_OUT);
  const asNull = rng.chance(0.5);
  const drop = (o: Record<string, unknown> | undefined, k: string) => {
    if (!o) return;
    if (asNull) o[k] = null;
    else delete o[k];
  };
  const dot = what.indexOf('.');
  const head = what.slice(0, dot);
  const key = what.slice(dot + 1);
  if (dot < 0) drop(p, what);
  else if (head === 'Y1') drop(p.years?.[y1Key], key);
  else if (head === 'Y2') drop(p.years?.[String(Number(y1Key) - 1)], key);
  else {
    const list = p[head] as Record<string, unknown>[] | undefined;
    if (list?.length) drop(list[rng.int(0, list.length - 1)], key);
  }
}

/** A pool of distinct profiles; benchmarks cycle through it so memory stays flat. */
export function generatePool(size: number, opts: GenerateOptions = {}): BenchProfile[] {
  const out = new Array<BenchProfile>(size);
  for (let i = 0; i < size; i++) out[i] = generateProfile(i, opts);
  return out;
}

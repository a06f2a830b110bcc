/**
 * Deterministic demo enterprises: plausible firms in nine cities, with codes, names, three fiscal
 * years of figures, IP, titles and the other facts the policies read, correlated the way real
 * firms are (R&D with size and sector, IP with R&D, titles along the 优质中小企业 ladder) and with
 * a realistic share of facts left undeclared. Pure: the same options give byte-identical output.
 *
 * Every firm is drawn in four steps: city and county, industry class (tilted to the city's known
 * industries), a ladder tier (which titles it holds, from none to 专精特新"小巨人"), and a size class;
 * the figures follow from those, then some facts are left out as firms leave them out.
 */
import type { ListItem, Profile, YearFacts } from '../facts/profile.ts';
import { CITY_SPECS, countiesOf, type DemoCity, type DemoCounty } from './cities.ts';
import { enterpriseUscc } from './codes.ts';
import { DEMO_INDUSTRIES, type DemoIndustry, type IndustryKind } from './industries.ts';
import { Rng } from './random.ts';

export { describeDemo, formatDemoMix, type DemoMix, type PolicyMix } from './describe.ts';

export interface DemoEnterprise {
  profile: Profile;
}

export interface DemoOptions {
  seed: number;
  count: number;
  /** The day the demo is looked at (YYYY-MM-DD): fiscal years, titles and dates are set around it. */
  asOf: string;
}

/** The nine cities, by GB/T 2260 code (上海 as the municipality 310000, 中山 as 442000). */
export const DEMO_CITIES: readonly { code: string; name: string }[] = CITY_SPECS.map(({ code, name }) => ({
  code,
  name,
}));

// ── Dates ────────────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;

function toDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `n` years later (29 February becomes 28 February). */
function addYears(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4)) + n;
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** The last day of a validity of `years` years starting on `from`. */
const validUntil = (from: string, years: number) => fromDay(toDay(addYears(from, years)) - 1);

const dateIn = (rng: Rng, from: string, to: string) => fromDay(rng.int(toDay(from), Math.max(toDay(from), toDay(to))));
const daysBefore = (iso: string, days: number) => fromDay(toDay(iso) - Math.round(days));
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

// ── The firm model ───────────────────────────────────────────────────────────────────────────

/**
 * The highest title a firm holds (or, for `tech`, is registered for), top of the ladder first; a
 * tier also holds the titles below it, and its figures are drawn to match (mostly — titles are
 * awarded on past figures, so some holders no longer qualify).
 */
type Tier = 'littleGiant' | 'specialized' | 'innovative' | 'tech' | 'none';
type Size = 0 | 1 | 2 | 3; // micro, small, medium, large (the intended class; the figures decide)

const SIZE_MIX: Readonly<Record<Tier, readonly number[]>> = {
  littleGiant: [0, 0.35, 0.65, 0],
  specialized: [0, 0.6, 0.4, 0],
  innovative: [0.05, 0.75, 0.2, 0],
  tech: [0.22, 0.7, 0.08, 0],
  none: [0.33, 0.42, 0.19, 0.06],
};

/** Employees by size class: [from, to) per class, for each kind of industry. */
const EMPLOYEES: Readonly<Record<IndustryKind, readonly (readonly [number, number])[]>> = {
  mfg: [
    [3, 20],
    [20, 300],
    [300, 1000],
    [1000, 6000],
  ],
  software: [
    [2, 10],
    [10, 100],
    [100, 300],
    [300, 3000],
  ],
  internet: [
    [2, 10],
    [10, 100],
    [100, 1200],
    [2000, 6000],
  ],
  research: [
    [2, 10],
    [10, 100],
    [100, 300],
    [300, 1500],
  ],
  wholesale: [
    [1, 5],
    [5, 20],
    [20, 200],
    [200, 800],
  ],
  retail: [
    [2, 10],
    [10, 50],
    [50, 300],
    [300, 2000],
  ],
  construction: [
    [3, 20],
    [20, 300],
    [300, 1500],
    [1500, 6000],
  ],
};

/** Revenue per employee (yuan): median and log-spread. */
const PRODUCTIVITY: Readonly<Record<IndustryKind, readonly [number, number]>> = {
  mfg: [750_000, 0.4],
  software: [420_000, 0.45],
  internet: [600_000, 0.5],
  research: [380_000, 0.45],
  wholesale: [4_500_000, 0.5],
  retail: [900_000, 0.45],
  construction: [900_000, 0.45],
};

/** Total assets per yuan of revenue: median. */
const ASSET_RATIO: Readonly<Record<IndustryKind, number>> = {
  mfg: 0.95,
  software: 0.8,
  internet: 1,
  research: 1.1,
  wholesale: 0.45,
  retail: 0.5,
  construction: 1.1,
};

/** Mean yearly revenue growth; firms below the innovative tier either grow or stagnate. */
const GROWTH: Readonly<Record<Tier, number>> = {
  littleGiant: 0.16,
  specialized: 0.12,
  innovative: 0.1,
  tech: 0.04,
  none: 0.04,
};
const STAGNANT_GROWTH = -0.09;

/** R&D expense as a share of revenue: [from, to) by tier (tier `none` is drawn separately). */
const RD_RATIO: Readonly<Record<Exclude<Tier, 'none'>, readonly [number, number]>> = {
  littleGiant: [0.05, 0.09],
  specialized: [0.033, 0.08],
  innovative: [0.025, 0.07],
  tech: [0.02, 0.065],
};

/** Technology staff as a share of employees. */
const TECH_STAFF: Readonly<Record<Tier, readonly [number, number]>> = {
  littleGiant: [0.18, 0.35],
  specialized: [0.15, 0.35],
  innovative: [0.12, 0.35],
  tech: [0.12, 0.45],
  none: [0.04, 0.2],
};

const MEDIAN_AGE: Readonly<Record<Tier, number>> = {
  littleGiant: 16,
  specialized: 12,
  innovative: 9,
  tech: 7,
  none: 8,
};

const TIERS: readonly Tier[] = ['littleGiant', 'specialized', 'innovative', 'tech', 'none'];
/** True when `tier` is `floor` or above it on the ladder. */
const atLeast = (tier: Tier, floor: Tier) => TIERS.indexOf(tier) <= TIERS.indexOf(floor);
const isTechKind = (k: IndustryKind) => k === 'mfg' || k === 'software' || k === 'internet' || k === 'research';

function pickTier(rng: Rng, ind: DemoIndustry): Tier {
  if (ind.kind === 'wholesale' || ind.kind === 'retail') return 'none';
  if (ind.kind === 'construction') return rng.chance(0.04) ? 'tech' : 'none';
  const f = 0.3 + 1.4 * ind.tech;
  const shares: [Tier, number][] = [
    ['littleGiant', (ind.kind === 'mfg' ? 0.018 : 0.006) * f],
    ['specialized', 0.048 * f],
    ['innovative', 0.036 * f],
    ['tech', 0.35 * f],
  ];
  let r = rng.next();
  for (const [tier, p] of shares) {
    if (r < p) return tier;
    r -= p;
  }
  return 'none';
}

const round = (x: number) => Math.round(x);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const logUniform = (rng: Rng, lo: number, hi: number) => Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));
const half = (x: number) => Math.round(x * 2) / 2;

// ── Names and codes ──────────────────────────────────────────────────────────────────────────

const BRAND_CHARS = [
  ...'恒川华盛鑫锐博创远航科达精诚信泰安瑞德宏兴隆丰源通汇嘉鼎峰海天宇辰星光明新润和欣中金凯晟昊弘思智微立维邦力捷越卓展尚灵奥特普联亿万众睿骏顺永益合江明康正元亨利贞长弘毅翔云腾飞扬舜禾',
].filter((c, i, all) => all.indexOf(c) === i);

const USCC_LETTERS = 'ABCDEFGHJKLMNPQRTUWXY';
const DIGITS = '0123456789';

interface Registry {
  names: Set<string>;
  usccs: Set<string>;
}

function firmName(
  rng: Rng,
  reg: Registry,
  city: DemoCity,
  county: DemoCounty,
  ind: DemoIndustry,
  joint: boolean,
): string {
  const suffix = joint ? '股份有限公司' : '有限公司';
  for (let attempt = 0; ; attempt++) {
    let prefix = rng.chance(0.55) || city.short === '上海' ? city.short : city.name;
    const countyName = county.name;
    if (/[市县]$/.test(countyName) && !countyName.includes('自治') && countyName !== city.name && rng.chance(0.5)) {
      prefix = rng.chance(0.5) ? countyName : countyName.slice(0, -1);
    } else if (city.short === '佛山' && rng.chance(0.35)) {
      prefix = `${city.name}${countyName}`;
    }
    const first = rng.pick(BRAND_CHARS);
    let second = rng.pick(BRAND_CHARS);
    while (second === first) second = rng.pick(BRAND_CHARS);
    const brand = attempt < 40 ? first + second : first + second + rng.pick(BRAND_CHARS);
    const name = `${prefix}${brand}${rng.pick(ind.words)}${suffix}`;
    if (!reg.names.has(name)) {
      reg.names.add(name);
      return name;
    }
  }
}

function firmUscc(rng: Rng, reg: Registry, regionCode: string, establishedOn: string): string {
  for (;;) {
    let body: string;
    if (establishedOn >= '2015-10-01') {
      // Codes assigned at registration since the 2015 reform start with MA.
      body = 'MA' + rng.pick(['1', '2', '3', '4', '5', '6', '7']);
      for (let i = 0; i < 5; i++) body += rng.pick([...DIGITS, ...USCC_LETTERS]);
    } else {
      body = rng.pick(['5', '6', '7']);
      for (let i = 0; i < 7; i++) body += rng.pick([...DIGITS]);
    }
    const code = enterpriseUscc(regionCode, body);
    if (!reg.usccs.has(code)) {
      reg.usccs.add(code);
      return code;
    }
  }
}

// ── One firm ─────────────────────────────────────────────────────────────────────────────────

interface YearFigures {
  year: number;
  employees: number;
  techStaff: number;
  rdStaff: number;
  revenue: number;
  mainRevenue: number;
  totalAssets: number;
  totalLiabilities: number;
  totalCosts: number;
  rdExpense: number;
  netProfit: number;
}

interface Draft {
  tier: Tier;
  size: Size;
  ind: DemoIndustry;
  establishedOn: string;
  years: YearFigures[];
  /** Declares everything (full), leaves some out (partial) or only the basics (sparse). */
  detail: 'full' | 'partial' | 'sparse';
  /** Pursues the next title: has declared its niche share and development score. */
  applicant: boolean;
  /** A large manufacturer in the global top 3 of its niche (制造业单项冠军 material). */
  champion: boolean;
}

function drawYears(rng: Rng, tier: Tier, size: Size, ind: DemoIndustry, asOfYear: number, established: string) {
  const kind = ind.kind;
  let [lo, hi] = EMPLOYEES[kind][size]!;
  if (tier === 'littleGiant' || tier === 'specialized')
    lo = Math.max(lo, size === 1 ? (tier === 'littleGiant' ? 120 : 30) : lo);
  // Registered technology SMEs stay under the 500-person cap.
  if (tier === 'tech' || tier === 'innovative') hi = Math.min(hi, 450);
  const emp1 = round(logUniform(rng, lo, hi));
  const [prodMedian, prodSpread] = PRODUCTIVITY[kind];
  const boost = tier === 'littleGiant' ? 1.25 : tier === 'specialized' ? 1.15 : 1;
  let revenue1 = emp1 * rng.logNormal(prodMedian * boost, prodSpread);
  if (tier === 'littleGiant') revenue1 = logUniform(rng, rng.chance(0.1) ? 70_000_000 : 100_000_000, 350_000_000);
  if (tier === 'specialized') revenue1 = Math.max(revenue1, rng.uniform(13_000_000, 25_000_000));
  // Firms registered as technology SMEs this year were under the ¥200m caps last year.
  if (tier === 'tech') revenue1 = Math.min(revenue1, rng.uniform(120_000_000, 200_000_000));

  const stagnant = rng.chance(tier === 'tech' ? 0.8 : tier === 'none' ? 0.75 : 0);
  const growth = stagnant
    ? rng.normal(STAGNANT_GROWTH, 0.07)
    : clamp(
        rng.normal(GROWTH[tier] + (kind === 'software' ? 0.03 : 0), tier === 'littleGiant' ? 0.06 : 0.1),
        -0.35,
        0.8,
      );
  let assetRatio = rng.logNormal(ASSET_RATIO[kind], 0.3);
  if (tier === 'tech') assetRatio = Math.min(assetRatio, rng.uniform(150_000_000, 195_000_000) / revenue1);
  const debtMean = atLeast(tier, 'specialized') ? 0.4 : tier === 'innovative' ? 0.45 : tier === 'tech' ? 0.58 : 0.52;
  // Stagnating firms borrow more.
  const debt = clamp(rng.normal(debtMean + (stagnant ? 0.06 : 0), 0.16), 0.05, 0.97);
  const margin = clamp(rng.normal(atLeast(tier, 'specialized') ? 0.09 : 0.055, 0.06), -0.3, 0.35);
  const mainShare =
    kind === 'wholesale' || kind === 'retail'
      ? rng.uniform(0.9, 1)
      : atLeast(tier, 'specialized')
        ? rng.uniform(tier === 'littleGiant' ? 0.92 : 0.9, 0.995)
        : tier === 'innovative'
          ? rng.uniform(0.8, 0.99)
          : rng.chance(0.75)
            ? rng.uniform(0.85, 1)
            : rng.uniform(0.5, 0.85);
  let rdRatio: number;
  if (tier !== 'none') {
    const [a, b] = RD_RATIO[tier];
    rdRatio = rng.uniform(a, b) * (kind === 'software' ? 1.3 : 1);
  } else if (!isTechKind(kind)) {
    rdRatio = kind === 'construction' ? rng.uniform(0, 0.02) : rng.chance(0.85) ? 0 : rng.uniform(0, 0.005);
  } else {
    const r = rng.next();
    rdRatio = r < 0.6 ? rng.uniform(0, 0.01) : r < 0.95 ? rng.uniform(0.01, 0.025) : rng.uniform(0.025, 0.05);
  }
  const [ta, tb] = TECH_STAFF[tier];
  const techShare = clamp(rng.uniform(ta, tb) * (kind === 'software' || kind === 'internet' ? 1.7 : 1), 0, 0.92);
  const rdShare = rng.uniform(0.55, 0.9);

  const estYear = Number(established.slice(0, 4));
  const years: YearFigures[] = [];
  let revenue = revenue1;
  let employees = emp1;
  for (let year = asOfYear - 1; year >= asOfYear - 3 && year >= estYear; year--) {
    // A firm founded during the year reports the months it existed.
    const part = year === estYear ? clamp((toDay(`${year + 1}-01-01`) - toDay(established)) / 365, 0.1, 1) : 1;
    const rev = revenue * part;
    const r = Math.max(0, rdRatio * (1 + rng.normal(0, 0.1)));
    const m = margin + rng.normal(0, 0.02);
    const netProfit = rev * m;
    const pretax = netProfit > 0 ? netProfit / 0.85 : netProfit;
    const assets = revenue * assetRatio * (1 + rng.normal(0, 0.04));
    const tech = Math.min(employees, round(employees * techShare * (1 + rng.normal(0, 0.05))));
    years.push({
      year,
      employees,
      techStaff: tech,
      rdStaff: round(tech * rdShare),
      revenue: round(rev),
      mainRevenue: round(rev * clamp(mainShare + rng.normal(0, 0.01), 0.3, 1)),
      totalAssets: round(assets),
      totalLiabilities: round(assets * clamp(debt + rng.normal(0, 0.03), 0.02, 1.2)),
      totalCosts: round(Math.max(0, rev - pretax)),
      rdExpense: round(rev * r),
      netProfit: round(netProfit),
    });
    const g = growth + rng.normal(0, 0.07);
    revenue = revenue / (1 + g);
    employees = Math.max(1, round(employees / (1 + 0.5 * g + rng.normal(0, 0.03))));
  }
  return years;
}

interface FirmContext {
  rng: Rng;
  reg: Registry;
  asOf: string;
  asOfYear: number;
}

function makeFirm(c: FirmContext, city: DemoCity, county: DemoCounty): Profile {
  const { rng, asOf, asOfYear } = c;
  const ind = rng.weighted(DEMO_INDUSTRIES, (i) => i.weight * (city.tilt[i.code] ?? 1));
  const tier = pickTier(rng, ind);
  const size = rng.weighted([0, 1, 2, 3] as const, (s) => SIZE_MIX[tier][s]!);
  // Larger firms took years to grow; the ladder's upper titles need a few years in the niche.
  const minAge = Math.max(
    atLeast(tier, 'specialized') ? 4.6 : tier === 'innovative' ? 2 : 0.8,
    [0.8, 1.5, 4, 8][size]!,
  );
  const age = clamp(rng.logNormal(MEDIAN_AGE[tier] + size * 2, 0.6), minAge, 35);
  const champion = size === 3 && ind.kind === 'mfg' && ind.tech >= 0.3 && age >= 12 && rng.chance(0.15);
  const establishedOn = minDate(daysBefore(asOf, age * 365.25), `${asOfYear - 1}-10-31`);
  const years = drawYears(rng, tier, size, ind, asOfYear, establishedOn);
  const detail = atLeast(tier, 'specialized')
    ? rng.chance(0.9)
      ? 'full'
      : 'partial'
    : tier === 'none'
      ? rng.weighted(['full', 'partial', 'sparse'] as const, (d) => ({ full: 0.62, partial: 0.27, sparse: 0.11 })[d])
      : rng.weighted(['full', 'partial', 'sparse'] as const, (d) => ({ full: 0.82, partial: 0.16, sparse: 0.02 })[d]);
  const applicant =
    atLeast(tier, 'specialized') ||
    (tier === 'innovative' && rng.chance(0.45)) ||
    (tier === 'tech' && rng.chance(0.08));
  const d: Draft = { tier, size, ind, establishedOn, years, detail, applicant, champion };

  const large = size === 3;
  const joint = rng.chance(
    tier === 'littleGiant' ? 0.6 : large ? 0.5 : tier === 'specialized' ? 0.3 : size === 2 ? 0.15 : 0.04,
  );
  const profile: Profile = {};
  profile.uscc = firmUscc(rng, c.reg, county.code, establishedOn);
  profile.name = firmName(rng, c.reg, city, county, ind, joint);
  profile.regionCode = county.code;
  profile.industryCode = ind.code;
  profile.establishedOn = establishedOn;
  Object.assign(profile, scalars(c, d));
  profile.years = yearly(c, d);
  const lists = {
    ip: ipItems(c, d),
    honors: honors(c, d),
    awards: awards(c, d),
    rdInstitutions: rdInstitutions(c, d),
    standards: standards(c, d),
    equityFinancing: equity(c, d),
  };
  for (const [k, v] of Object.entries(lists)) if (v.length > 0) profile[k] = v;
  const compliance = complianceFlags(c, d);
  if (compliance) profile.compliance = compliance;
  if (d.detail === 'sparse') {
    // Only the basics were filled in.
    for (const k of ['nicheSince', 'mainProductStrategicEmerging', 'qualityCertified', 'ownBrand', 'mainProductNew'])
      delete profile[k];
    if (rng.chance(0.5)) delete profile.ip;
  }
  return profile;
}

function scalars(c: FirmContext, d: Draft): Record<string, unknown> {
  const { rng, asOfYear } = c;
  const { tier, ind } = d;
  const s: Record<string, unknown> = {};
  const techy = isTechKind(ind.kind);
  const top = atLeast(tier, 'specialized');
  // The niche is declared by firms that have applied for something.
  if (
    (top && (d.detail === 'full' || rng.chance(0.9))) ||
    (tier !== 'none' && techy && rng.chance(0.9)) ||
    (tier === 'none' && rng.chance(0.2))
  ) {
    const lastYearEnd = `${asOfYear - 1}-12-31`;
    let niche = dateIn(rng, d.establishedOn, minDate(addYears(d.establishedOn, 3), lastYearEnd));
    if (top) niche = minDate(niche, maxDate(d.establishedOn, `${asOfYear - 5}-06-30`));
    s.nicheSince = niche;
  }
  if (techy && rng.chance(0.8)) s.mainProductStrategicEmerging = rng.chance(0.05 + 0.85 * ind.tech);
  if (top || (tier === 'innovative' && rng.chance(0.4)) || rng.chance(0.05)) {
    s.mainProductChainRole = rng.weighted(
      ['key_link', 'foundation', 'none'] as const,
      (r) =>
        ({
          key_link: tier === 'littleGiant' ? 0.9 : top ? 0.5 : 0.2,
          foundation: tier === 'littleGiant' ? 0.1 : 0.35,
          none: tier === 'littleGiant' ? 0 : top ? 0.15 : 0.45,
        })[r],
    );
  }
  if (top || (tier === 'innovative' && rng.chance(0.3))) {
    s.mainProductKeyField = rng.chance(tier === 'littleGiant' ? 0.96 : tier === 'specialized' ? 0.6 : 0.35);
  }
  const digital = rng.chance(top ? 0.7 : 0.3);
  if (digital) {
    const level = rng.weighted(
      [0, 1, 2, 3, 4] as const,
      (l) => [0.1, 0.35, 0.3, 0.18, 0.07][l]! * (top && l >= 2 ? 2 : 1),
    );
    const lowest = [5, 20, 40, 60, 80][level]!;
    const total = rng.uniform(lowest, level === 4 ? 95 : lowest + 20);
    s.digitalLevel = level;
    s.digitalScoreFoundation = half(total * 0.4);
    s.digitalScoreOperation = half(total * 0.25);
    s.digitalScoreManagement = half(total * 0.2);
    s.digitalScoreEffect = half(Math.max(0, total - half(total * 0.4) - half(total * 0.25) - half(total * 0.2)));
  }
  if (top && rng.chance(0.7)) s.featurePoints = half(rng.uniform(3, 15));
  if (tier === 'littleGiant')
    s.marketShareDomestic = round3(rng.chance(0.95) ? rng.uniform(0.1, 0.35) : rng.uniform(0.07, 0.1));
  else if (tier === 'specialized' && rng.chance(0.6)) s.marketShareDomestic = round3(rng.uniform(0.01, 0.2));
  else if (d.applicant && rng.chance(0.25)) s.marketShareDomestic = round3(rng.uniform(0.005, 0.08));
  if (tier === 'littleGiant' && rng.chance(0.4)) s.marketShareGlobal = round3(rng.uniform(0.01, 0.2));
  if (tier === 'littleGiant' && rng.chance(0.7)) s.marketRankChina = rng.int(1, 5);
  else if (tier === 'specialized' && rng.chance(0.5)) s.marketRankChina = rng.int(2, 30);
  if (d.champion) s.marketRankGlobal = rng.int(1, 3);
  else if (tier === 'littleGiant' && rng.chance(0.2)) s.marketRankGlobal = rng.int(3, 20);
  if (ind.kind === 'mfg' || rng.chance(0.3)) {
    if (top || rng.chance(0.8)) s.qualityCertified = rng.chance(top ? 0.97 : 0.72);
    if (ind.kind === 'mfg' && rng.chance(0.4)) s.productCertifiedAbroad = rng.chance(0.2 + 0.4 * ind.tech);
  }
  if (rng.chance(top ? 0.95 : 0.7))
    s.ownBrand = rng.chance(tier === 'littleGiant' ? 0.92 : ind.consumer ? 0.85 : top ? 0.8 : 0.55);
  if (techy && rng.chance(0.5)) s.mainProductNew = rng.chance(0.1 + 0.3 * ind.tech);
  if (d.applicant) s.marketShareRecognized = rng.chance(top ? 0.97 : 0.8);
  if (d.champion) s.nicheSince = dateIn(rng, d.establishedOn, addYears(d.establishedOn, 1));
  if (rng.chance(0.004)) s.groupHasLittleGiant = true;
  else if (top && rng.chance(0.5)) s.groupHasLittleGiant = false;
  if (rng.chance(top ? 0.95 : 0.55)) s.coreBusinessOnInfoSystem = rng.chance(top ? 0.96 : 0.75);
  return s;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function yearly(c: FirmContext, d: Draft): Record<string, YearFacts> {
  const { rng, asOfYear } = c;
  const out: Record<string, YearFacts> = {};
  for (const f of [...d.years].reverse()) {
    const y: YearFacts = {
      employees: f.employees,
      techStaff: f.techStaff,
      rdStaff: f.rdStaff,
      revenue: f.revenue,
      mainRevenue: f.mainRevenue,
      totalAssets: f.totalAssets,
      totalLiabilities: f.totalLiabilities,
      totalCosts: f.totalCosts,
      rdExpense: f.rdExpense,
      netProfit: f.netProfit,
    };
    const lag = asOfYear - f.year;
    if (d.detail === 'partial') {
      const drop: [string, number][] = [
        ['techStaff', 0.2],
        ['rdStaff', 0.3],
        ['totalCosts', 0.35],
        ['totalAssets', 0.08],
        ['totalLiabilities', 0.15],
        ['mainRevenue', lag === 3 ? 0.4 : 0.08],
        ['netProfit', 0.2],
      ];
      for (const [k, p] of drop) if (rng.chance(p)) delete y[k];
    } else if (d.detail === 'sparse') {
      if (lag > 1) continue;
      for (const k of Object.keys(y))
        if (!['employees', 'revenue', 'totalAssets', 'rdExpense'].includes(k)) delete y[k];
      if (rng.chance(0.5)) delete y.totalAssets;
      if (rng.chance(0.5)) delete y.rdExpense;
    }
    if (d.applicant && lag === 1) y.developmentScore = devScore(rng, d.tier);
    out[String(f.year)] = y;
  }
  if (d.applicant && rng.chance(d.tier === 'littleGiant' ? 0.98 : d.tier === 'specialized' ? 0.96 : 0.9))
    out[String(asOfYear)] = { developmentScore: devScore(rng, d.tier) };
  return out;
}

function devScore(rng: Rng, tier: Tier): number {
  const [mean, sd] = tier === 'littleGiant' ? [78, 8] : tier === 'specialized' ? [66, 9] : [56, 9];
  return clamp(half(rng.normal(mean, sd)), 20, 98);
}

function ipItems(c: FirmContext, d: Draft): ListItem[] {
  const { rng, asOf } = c;
  const { tier, ind } = d;
  const k = ind.kind;
  const techy = isTechKind(k);
  const code = ind.code.slice(1);
  const counts: [string, number][] = [];
  const byTier = (lg: number, sp: number, inn: number, te: number, no: number) =>
    ({ littleGiant: lg, specialized: sp, innovative: inn, tech: te, none: no })[tier];
  let invention = 0;
  if (tier === 'littleGiant') invention = rng.int(4, 24);
  else if (tier === 'specialized') invention = rng.chance(0.95) ? 1 + rng.poisson(2.5) : 0;
  else if (tier === 'tech') invention = rng.chance(0.8) ? 1 + rng.poisson(0.8) : 0;
  else if (techy) invention = rng.poisson(tier === 'innovative' ? 1.6 : 0.03 + 0.15 * ind.tech);
  counts.push(['invention_patent', invention]);
  if (k === 'mfg' || k === 'construction' || (k === 'research' && rng.chance(0.5)))
    counts.push(['utility_model_patent', rng.poisson(byTier(16, 9, 5, 3, 0.6 + ind.tech))]);
  counts.push(['design_patent', rng.poisson(ind.consumer ? byTier(8, 6, 4, 3, 1.2) : 0.15)]);
  const softwareish = k === 'software' || k === 'internet';
  counts.push([
    'software_copyright',
    softwareish
      ? 1 + rng.poisson(byTier(14, 10, 8, 5, 1.2))
      : rng.poisson(techy && ind.tech >= 0.6 ? byTier(4, 3, 2, 1.2, 0.3) : 0.1),
  ]);
  if (['3973', '6520', '3562', '3976'].includes(code) && tier !== 'none')
    counts.push(['ic_layout_design', rng.poisson(1.2)]);
  if (['2720', '2761'].includes(code) && atLeast(tier, 'specialized') && rng.chance(0.2))
    counts.push(['national_new_drug', 1]);
  counts.push(['trademark', rng.chance(ind.consumer ? 0.8 : 0.4) ? 1 + rng.poisson(1.2) : 0]);

  const flagsKnown = d.detail === 'full' || rng.chance(0.6);
  const first = maxDate(daysBefore(d.establishedOn, -120), daysBefore(asOf, 12 * 365));
  const last = daysBefore(asOf, 20);
  const items: ListItem[] = [];
  for (const [kind, n] of counts) {
    for (let i = 0; i < Math.min(n, 30); i++) {
      const item: ListItem = { kind, grantedOn: dateIn(rng, first, last) };
      if (kind !== 'trademark') {
        if (flagsKnown || rng.chance(0.5))
          item.mainProduct = rng.chance(tier === 'littleGiant' ? 0.95 : tier === 'specialized' ? 0.92 : 0.8);
        if (flagsKnown) item.selfDeveloped = rng.chance(0.87);
        if (kind === 'invention_patent' && flagsKnown) item.highValue = rng.chance(tier === 'littleGiant' ? 0.3 : 0.12);
      }
      items.push(item);
    }
  }
  items.sort((a, b) => String(a.grantedOn).localeCompare(String(b.grantedOn)));
  return items;
}

function honors(c: FirmContext, d: Draft): ListItem[] {
  const { rng, asOf, asOfYear } = c;
  const { tier, ind, size } = d;
  const estYear = Number(d.establishedOn.slice(0, 4));
  const out: ListItem[] = [];
  const yearsBack = (y: number) => daysBefore(asOf, y * 365.25);
  const honor = (kind: string, validFrom: string, years: number) =>
    out.push({ kind, validFrom, validTo: validUntil(validFrom, years) });
  const yearTitle = (kind: string, validFrom: string) =>
    out.push({ kind, validFrom, validTo: `${validFrom.slice(0, 4)}-12-31` });
  // 高新技术企业: three-year certificates, issued in November or December.
  const highTech = rng.chance(
    size === 3 && isTechKind(ind.kind)
      ? 0.4
      : { littleGiant: 0.88, specialized: 0.7, innovative: 0.45, tech: 0.06, none: isTechKind(ind.kind) ? 0.006 : 0 }[
          tier
        ],
  );
  const certYear = asOfYear - rng.int(1, 3);
  // A firm is certified after a year of operation at the earliest.
  if (highTech && certYear > estYear) {
    const from = `${certYear}-${rng.chance(0.5) ? '11' : '12'}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const before = addYears(from, -3);
    if (before.slice(0, 4) > String(estYear) && rng.chance(0.5)) honor('high_tech_enterprise', before, 3);
    honor('high_tech_enterprise', from, 3);
  }
  // 科技型中小企业: registered each year, valid to the end of that year.
  if (tier !== 'none' && !(size === 3)) {
    const thisYear = dateIn(rng, `${asOfYear}-03-01`, `${asOfYear}-10-31`);
    const lastYear = dateIn(rng, `${asOfYear - 1}-03-01`, `${asOfYear - 1}-10-31`);
    if (lastYear > d.establishedOn && rng.chance(0.7)) yearTitle('tech_sme', lastYear);
    if (thisYear > d.establishedOn && thisYear <= asOf && rng.chance(tier === 'tech' ? 0.85 : 0.8))
      yearTitle('tech_sme', thisYear);
  }
  // The MIIT ladder: 创新型 → 专精特新 → 小巨人, each valid three years, each held under the next.
  if (atLeast(tier, 'innovative')) {
    const innovFrom = dateIn(rng, yearsBack(2.9), yearsBack(atLeast(tier, 'specialized') ? 1 : 0.1));
    if (tier === 'innovative' && rng.chance(0.06)) honor('innovative_sme', yearsBack(rng.uniform(3.1, 3.8)), 3);
    else honor('innovative_sme', innovFrom, 3);
    if (atLeast(tier, 'specialized')) {
      const specFrom = dateIn(rng, daysBefore(innovFrom, -55), yearsBack(0.3));
      honor('specialized_sme', specFrom, 3);
      if (tier === 'littleGiant') honor('little_giant', dateIn(rng, daysBefore(specFrom, -40), yearsBack(0.03)), 3);
    }
  }
  if (atLeast(tier, 'specialized') && rng.chance(0.08))
    honor('tech_innovation_demo', dateIn(rng, yearsBack(2.5), yearsBack(0.1)), 3);
  if (atLeast(tier, 'innovative') && rng.chance(tier === 'innovative' ? 0.05 : 0.15))
    honor(rng.chance(0.7) ? 'ip_advantage' : 'ip_demo', dateIn(rng, yearsBack(2.5), yearsBack(0.1)), 3);
  // 单项冠军: some of the champions (global top 3, long in the niche) already hold the title.
  if (d.champion && rng.chance(0.4)) honor('single_champion', dateIn(rng, yearsBack(2.5), yearsBack(0.1)), 3);
  return out.sort((a, b) => String(a.validFrom).localeCompare(String(b.validFrom)));
}

/** A year from `from` to last year, not before the firm existed. */
function yearSince(c: FirmContext, d: Draft) {
  const estYear = Number(d.establishedOn.slice(0, 4));
  return (from: number) => c.rng.int(Math.min(Math.max(from, estYear), c.asOfYear - 1), c.asOfYear - 1);
}

function awards(c: FirmContext, d: Draft): ListItem[] {
  const { rng, asOfYear } = c;
  const since = yearSince(c, d);
  const out: ListItem[] = [];
  const p = (lg: number, sp: number, inn: number, te: number, no: number) =>
    ({ littleGiant: lg, specialized: sp, innovative: inn, tech: te, none: no })[d.tier];
  if (rng.chance(p(0.35, 0.15, 0.05, 0.015, 0.002)))
    out.push({
      kind: 'science_technology',
      level: 'provincial',
      year: since(asOfYear - 5),
      rank: rng.int(1, 5),
    });
  if (rng.chance(p(0.05, 0.012, 0.002, 0, 0)))
    out.push({
      kind: 'science_technology',
      level: 'national',
      year: since(asOfYear - 5),
      rank: rng.int(1, 6),
    });
  if (rng.chance(p(0.2, 0.15, 0.08, 0.04, 0.005)))
    out.push({
      kind: 'science_technology',
      level: 'municipal',
      year: since(asOfYear - 5),
      rank: rng.int(1, 5),
    });
  if (d.ind.kind === 'mfg' && rng.chance(p(0.15, 0.08, 0.03, 0.01, 0.005)))
    out.push({
      kind: 'quality',
      level: rng.chance(0.3) ? 'provincial' : 'municipal',
      year: since(asOfYear - 5),
    });
  if (rng.chance(p(0, 0.03, 0.05, 0.03, 0.002)))
    out.push({
      kind: 'maker_china',
      level: rng.chance(0.3) ? 'national' : 'provincial',
      year: since(asOfYear - 4),
      rank: rng.int(1, 800),
    });
  return out;
}

function rdInstitutions(c: FirmContext, d: Draft): ListItem[] {
  const { rng } = c;
  const out: ListItem[] = [];
  const p = { littleGiant: 0.72, specialized: 0.33, innovative: 0.1, tech: 0.015, none: 0.002 }[d.tier];
  if (rng.chance(p)) out.push({ level: d.tier === 'littleGiant' && rng.chance(0.1) ? 'national' : 'provincial' });
  if (d.tier !== 'none' && rng.chance(out.length === 0 && d.tier === 'littleGiant' ? 0.9 : 0.3))
    out.push({ level: 'municipal' });
  return out;
}

function standards(c: FirmContext, d: Draft): ListItem[] {
  const { rng, asOfYear } = c;
  const since = yearSince(c, d);
  const out: ListItem[] = [];
  const year = () => since(asOfYear - 7);
  const t = d.tier;
  if (rng.chance(t === 'littleGiant' ? 0.35 : t === 'specialized' ? 0.1 : t === 'innovative' ? 0.02 : 0))
    out.push({ level: rng.chance(0.25) ? 'national' : 'industry', role: 'lead', year: year() });
  if (rng.chance(t === 'littleGiant' ? 0.4 : t === 'specialized' ? 0.3 : t === 'innovative' ? 0.08 : 0.005))
    out.push({ level: rng.chance(0.5) ? 'national' : 'industry', role: 'participant', year: year() });
  if (rng.chance(t === 'none' ? 0.005 : t === 'tech' ? 0.04 : 0.25))
    out.push({ level: 'group', role: rng.chance(0.4) ? 'lead' : 'participant', year: year() });
  return out;
}

function equity(c: FirmContext, d: Draft): ListItem[] {
  const { rng, asOf } = c;
  const age = (toDay(asOf) - toDay(d.establishedOn)) / 365.25;
  const p = d.tier === 'none' ? 0.004 : d.ind.tech >= 0.6 && age < 12 ? (d.tier === 'tech' ? 0.05 : 0.15) : 0.02;
  // Angel and A rounds for small firms, larger rounds further up the ladder.
  const median = atLeast(d.tier, 'innovative') ? 20_000_000 : 5_000_000;
  if (!rng.chance(p)) return [];
  const out: ListItem[] = [];
  const rounds = rng.int(1, 3);
  const from = maxDate(d.establishedOn, daysBefore(asOf, 4 * 365));
  for (let i = 0; i < rounds; i++) {
    out.push({
      date: dateIn(rng, from, daysBefore(asOf, 10)),
      amount: round(rng.logNormal(median, 0.8) / 10_000) * 10_000,
      qualifiedInvestor: rng.chance(0.85),
    });
  }
  return out.sort((a, b) => String(a.date).localeCompare(String(b.date)));
}

const ADVERSE: readonly [string, number][] = [
  ['abnormalOperationList', 0.015],
  ['seriousDishonesty', 0.003],
  ['majorAccident', 0.004],
  ['taxEvasion', 0.004],
  ['dataFraud', 0.002],
  ['researchMisconduct', 0.001],
  ['prohibitedProducts', 0.003],
];

function complianceFlags(c: FirmContext, d: Draft): Record<string, boolean> | undefined {
  const { rng } = c;
  const scale = atLeast(d.tier, 'specialized') ? 0.3 : 1;
  const bad = ADVERSE.filter(([, p]) => rng.chance(p * scale)).map(([k]) => k);
  const declared = d.detail !== 'sparse' && rng.chance(0.45);
  if (bad.length === 0 && !declared) return undefined;
  const out: Record<string, boolean> = {};
  for (const [k] of ADVERSE) if (declared || bad.includes(k)) out[k] = bad.includes(k);
  return out;
}

// ── The demo ─────────────────────────────────────────────────────────────────────────────────

/** Firms per city, proportional to the weights (largest remainder), every city at least one. */
function cityQuotas(count: number): number[] {
  const total = CITY_SPECS.reduce((s, c) => s + c.weight, 0);
  const exact = CITY_SPECS.map((c) => (count * c.weight) / total);
  const quotas = exact.map((x) => Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = count - quotas.reduce((s, q) => s + q, 0);
  for (const [, i] of order) {
    if (left <= 0) break;
    quotas[i]!++;
    left--;
  }
  if (count >= CITY_SPECS.length) {
    for (let i = 0; i < quotas.length; i++) {
      if (quotas[i] === 0) {
        const biggest = quotas.indexOf(Math.max(...quotas));
        quotas[biggest]!--;
        quotas[i] = 1;
      }
    }
  }
  return quotas;
}

/** Generates `count` demo enterprises; the same options always give the same firms. */
export function generateDemo(opts: DemoOptions): DemoEnterprise[] {
  const { seed, count, asOf } = opts;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, not ${count}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || fromDay(toDay(asOf)) !== asOf)
    throw new RangeError(`asOf must be a date written YYYY-MM-DD, not "${asOf}"`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a number, not ${seed}`);
  const rng = new Rng(seed);
  const c: FirmContext = { rng, reg: { names: new Set(), usccs: new Set() }, asOf, asOfYear: Number(asOf.slice(0, 4)) };
  const counties = CITY_SPECS.map(countiesOf);
  const slots: number[] = [];
  cityQuotas(count).forEach((q, i) => {
    for (let j = 0; j < q; j++) slots.push(i);
  });
  rng.shuffle(slots);
  return slots.map((i) => {
    const city = CITY_SPECS[i]!;
    const county = rng.weighted(counties[i]!, (u) => u.weight);
    return { profile: makeFirm(c, city, county) };
  });
}

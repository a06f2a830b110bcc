import { describe, expect, it } from 'vitest';
import { normalizeIndustryCode } from '../facts/industry.ts';
import { parseProfile } from '../facts/profile.ts';
import { isRegionCode, isWithinRegion, regionLevel } from '../facts/regions.ts';
import { checkUscc } from '../facts/uscc.ts';
import { loadLibrary } from '../policy/library.ts';
import { DEMO_INDUSTRIES } from './industries.ts';
import { Rng } from './random.ts';
import { DEMO_CITIES, describeDemo, formatDemoMix, generateDemo, type DemoMix } from './generate.ts';

const ASOF = '2026-11-26';
const demo = generateDemo({ seed: 1, count: 2000, asOf: ASOF });
const profiles = demo.map((d) => d.profile);

type Item = Record<string, unknown>;
const list = (p: Record<string, unknown>, k: string) => (p[k] ?? []) as Item[];

describe('Rng', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Rng(43).next()).not.toBe(xs[0]);
    const r = new Rng(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
  });
});

describe('generateDemo', () => {
  it('gives byte-identical output for the same options, and other firms for another seed', () => {
    const again = generateDemo({ seed: 1, count: 2000, asOf: ASOF });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = generateDemo({ seed: 2, count: 50, asOf: ASOF });
    expect(other[0]!.profile.uscc).not.toBe(generateDemo({ seed: 1, count: 50, asOf: ASOF })[0]!.profile.uscc);
  });

  it('makes exactly `count` firms and rejects bad options', () => {
    expect(demo).toHaveLength(2000);
    expect(generateDemo({ seed: 3, count: 0, asOf: ASOF })).toEqual([]);
    expect(generateDemo({ seed: 3, count: 5, asOf: ASOF })).toHaveLength(5);
    expect(() => generateDemo({ seed: 1, count: -1, asOf: ASOF })).toThrow(RangeError);
    expect(() => generateDemo({ seed: 1, count: 10, asOf: '2026-02-30' })).toThrow(RangeError);
  });

  it('writes profiles that pass parseProfile unchanged', () => {
    for (const p of profiles) {
      const r = parseProfile(structuredClone(p));
      if (!r.ok) expect.fail(`${p.name}: ${JSON.stringify(r.errors)}`);
      expect(r.profile).toEqual(p);
    }
  });

  it('gives every firm a valid, unique 统一社会信用代码 registered in its own county', () => {
    const seen = new Set<string>();
    for (const p of profiles) {
      const code = p.uscc!;
      expect(checkUscc(code).ok, code).toBe(true);
      expect(code.slice(0, 2)).toBe('91');
      expect(code.slice(2, 8)).toBe(p.regionCode);
      seen.add(code);
    }
    expect(seen.size).toBe(profiles.length);
  });

  it('gives unique names made of place, brand, trade and company form', () => {
    const names = profiles.map((p) => p.name!);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^\p{Script=Han}{6,}(股份)?有限公司$/u);
  });

  it('places firms in county-level units of all nine cities', () => {
    expect(DEMO_CITIES).toHaveLength(9);
    const perCity = new Map(DEMO_CITIES.map((c) => [c.code, 0]));
    for (const p of profiles) {
      const region = p.regionCode!;
      expect(isRegionCode(region), region).toBe(true);
      expect(region.endsWith('01') && region !== '442000').toBe(false);
      expect(Number(region.slice(4)) >= 71 && Number(region.slice(4)) <= 79).toBe(false);
      if (region !== '442000') expect(regionLevel(region)).toBe('county');
      const city = DEMO_CITIES.find((c) => isWithinRegion(region, c.code));
      expect(city, region).toBeDefined();
      perCity.set(city!.code, perCity.get(city!.code)! + 1);
    }
    for (const [code, n] of perCity) expect(n, code).toBeGreaterThan(20);
    expect(perCity.get('310000')!).toBeGreaterThan(perCity.get('341700')! * 5);
  });

  it('uses GB/T 4754-2017 classes, mostly manufacturing', () => {
    for (const i of DEMO_INDUSTRIES) {
      expect(i.code).toMatch(/^[A-T]\d{4}$/);
      expect(normalizeIndustryCode(i.code), i.code).toEqual({ ok: true, code: i.code });
    }
    const sections = new Map<string, number>();
    for (const p of profiles) sections.set(p.industryCode![0]!, (sections.get(p.industryCode![0]!) ?? 0) + 1);
    expect(sections.get('C')! / profiles.length).toBeGreaterThan(0.55);
    for (const s of ['I', 'M', 'F', 'E']) expect(sections.get(s) ?? 0, s).toBeGreaterThan(20);
  });

  it('reports the three fiscal years before the as-of year, and this year only as a development score', () => {
    for (const p of profiles) {
      const years = Object.keys(p.years ?? {});
      expect(
        years.every((y) => ['2023', '2024', '2025', '2026'].includes(y)),
        years.join(),
      ).toBe(true);
      expect(years).toContain('2025');
      if (p.years!['2026']) expect(Object.keys(p.years!['2026'])).toEqual(['developmentScore']);
      expect((p.establishedOn as string) <= '2025-10-31').toBe(true);
    }
  });

  it('keeps titles on the ladder: 小巨人 holders hold 专精特新, 专精特新 holders hold 创新型, all in force', () => {
    const valid = (p: Record<string, unknown>, kind: string) =>
      list(p, 'honors').some(
        (h) => h.kind === kind && (h.validFrom as string) <= ASOF && ASOF <= (h.validTo as string),
      );
    let specialised = 0;
    for (const p of profiles) {
      for (const h of list(p, 'honors')) expect((h.validFrom as string) <= (h.validTo as string)).toBe(true);
      for (const h of list(p, 'honors')) expect((h.validFrom as string) >= (p.establishedOn as string)).toBe(true);
      for (const i of list(p, 'ip')) expect((i.grantedOn as string) <= ASOF).toBe(true);
      if (valid(p, 'little_giant')) expect(valid(p, 'specialized_sme'), p.name as string).toBe(true);
      if (valid(p, 'specialized_sme')) {
        specialised++;
        expect(valid(p, 'innovative_sme'), p.name as string).toBe(true);
      }
    }
    expect(specialised).toBeGreaterThan(40);
  });

  it('declares adverse records for a few firms only', () => {
    const adverse = profiles.filter((p) => Object.values(p.compliance ?? {}).some((v) => v === true));
    expect(adverse.length).toBeGreaterThan(10);
    expect(adverse.length / profiles.length).toBeLessThan(0.06);
  });
});

describe('the demo mix (seed 1, 2000 firms, as of 2026-11-26)', () => {
  const set = loadLibrary();
  const mix: DemoMix = describeDemo(demo, set, ASOF);
  const of = (id: string) => mix.policies.find((p) => p.policy === id)!;
  const share = (n: number) => n / mix.total;

  it('counts every firm once per policy', () => {
    expect(mix.policies.map((p) => p.policy)).toEqual(set.ids());
    for (const p of mix.policies) expect(p.qualified + p.not_qualified + p.undetermined).toBe(2000);
    expect(formatDemoMix(mix)).toContain('cn.most.tech-sme');
  });

  it('is mostly micro, small and medium firms with some large ones', () => {
    const size = of('cn.nbs.enterprise-size').outcomes;
    const large = share(size.large ?? 0);
    expect(large).toBeGreaterThan(0.01);
    expect(large).toBeLessThan(0.1);
    for (const c of ['micro', 'small', 'medium']) expect(share(size[c] ?? 0), c).toBeGreaterThan(0.1);
  });

  it('qualifies about a third for 科技型, fewer up the ladder', () => {
    const q = (id: string) => share(of(id).qualified);
    expect(q('cn.most.tech-sme')).toBeGreaterThanOrEqual(0.25);
    expect(q('cn.most.tech-sme')).toBeLessThanOrEqual(0.4);
    expect(q('cn.miit.innovative-sme')).toBeGreaterThanOrEqual(0.1);
    expect(q('cn.miit.innovative-sme')).toBeLessThanOrEqual(0.2);
    expect(q('cn.miit.specialized-sme')).toBeGreaterThanOrEqual(0.03);
    expect(q('cn.miit.specialized-sme')).toBeLessThanOrEqual(0.08);
    expect(q('cn.miit.little-giant')).toBeGreaterThanOrEqual(0.005);
    expect(q('cn.miit.little-giant')).toBeLessThanOrEqual(0.02);
  });

  it('leaves a visible group of near misses and of undetermined verdicts', () => {
    expect(share(of('cn.most.tech-sme').nearMiss)).toBeGreaterThan(0.02);
    expect(of('cn.miit.innovative-sme').nearMiss).toBeGreaterThan(10);
    expect(of('cn.miit.specialized-sme').nearMiss).toBeGreaterThan(10);
    expect(of('cn.miit.little-giant').nearMiss).toBeGreaterThan(0);
    for (const id of ['cn.most.tech-sme', 'cn.miit.innovative-sme', 'cn.miit.specialized-sme'])
      expect(share(of(id).undetermined), id).toBeGreaterThan(0.02);
  });
});

import { describe, expect, it } from 'vitest';
import { contains } from './bands.ts';
import { PolicySet } from './engine.ts';
import { parsePolicy, PolicyError } from './load.ts';
import { compare } from './nodes.ts';
import type { FactSchema } from './types.ts';

const L = { zh: '标签', en: 'label' };
const facts: FactSchema = {
  scalars: { industryCode: { type: 'string', label: L }, since: { type: 'date', label: L } },
  yearly: {
    staff: { type: 'integer', unit: 'persons', label: L, min: 0, gap: 'up', step: 1 },
    revenue: { type: 'number', unit: 'yuan', label: L, min: 0, gap: 'up', step: 10_000 },
    rd: { type: 'number', unit: 'yuan', label: L, min: 0, gap: 'up', step: 10_000 },
  },
  lists: {
    ip: {
      label: L,
      itemLabel: L,
      item: { kind: { type: 'enum', values: ['a', 'b'], label: L }, main: { type: 'boolean', label: L } },
      derived: { class: { type: 'number', label: L, from: 'kind', map: { a: 1, b: 2 } } },
    },
  },
  compliance: { bad: { type: 'boolean', label: L, absentAs: false } },
};

function policy(body: string, id = 't.policy'): string {
  return `id: ${id}
title: { zh: 测试, en: test }
issuer: { zh: 测试, en: test }
kind: recognition
editions:
  - edition: "1"
    from: 2020-01-01
    document: 测试〔2020〕1号
    source: https://example.org/1
${body
  .split('\n')
  .map((l) => (l ? `    ${l}` : l))
  .join('\n')}
`;
}

function load(...texts: string[]): PolicySet {
  const set = new PolicySet(facts);
  texts.forEach((t, i) => set.add(parsePolicy(t, `p${i}.yaml`)));
  set.link();
  return set;
}

const RATIO = policy(`parameters:
  min: { value: 0.03, unit: ratio, ref: 第1条 }
  pts: { ref: 第2条, bands: [["[0, 3%)", 0], ["[3%, 5%)", 10], ["[5%, inf)", 20]] }
definitions:
  ratio: { expr: Y1.rd / Y1.revenue, unit: ratio, label: { zh: 研发占比, en: R&D share } }
  classOne: { expr: "count(ip, class == 1 and main)", label: { zh: 项Ⅰ类, en: class-I items } }
score:
  items:
    - { id: rdPts, title: { zh: 研发, en: R&D }, expr: "band(pts, ratio)" }
    - { id: ipPts, title: { zh: 知产, en: IP }, expr: "classOne >= 1 ? 10 : 0" }
criteria:
  - id: clean
    title: { zh: 无不良, en: clean }
    test: not compliance.bad
  - id: route
    title: { zh: 途径, en: route }
    any:
      - { id: ratioOk, title: { zh: 占比, en: share }, test: ratio >= min }
      - { id: scoreOk, title: { zh: 得分, en: score }, test: score >= 10 }`);

const asOf = '2026-06-01';
const firm = (y: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ years: { '2025': y }, ...extra });

describe('evaluation', () => {
  const set = load(RATIO);

  it('meets a ratio exactly at its edge and misses it just below', () => {
    expect(set.evaluate('t.policy', firm({ rd: 300_000, revenue: 10_000_000 }), asOf).verdict).toBe('qualified');
    expect(set.evaluate('t.policy', firm({ rd: 299_999, revenue: 10_000_000 }), asOf).verdict).toBe('not_qualified');
  });

  it('uses the year before the as-of year for Y1', () => {
    const p = { years: { '2024': { rd: 1, revenue: 100 }, '2025': { rd: 5, revenue: 100 } } };
    expect(set.evaluate('t.policy', p, '2026-01-01').criteria.find((c) => c.id === 'ratioOk')?.actual).toBe(0.05);
    expect(set.evaluate('t.policy', p, '2025-12-31').criteria.find((c) => c.id === 'ratioOk')?.actual).toBe(0.01);
  });

  it('is undetermined with exactly the deciding facts missing', () => {
    const r = set.evaluate('t.policy', firm({ revenue: 10_000_000 }), asOf);
    expect(r.verdict).toBe('undetermined');
    expect(r.missing).toEqual(['years.2025.rd']);
  });

  it('decides despite an unknown when another route already qualifies', () => {
    const r = set.evaluate('t.policy', firm({ rd: 600_000, revenue: 10_000_000 }, { ip: [{ kind: 'a' }] }), asOf);
    expect(r.verdict).toBe('qualified');
    expect(r.missing).toEqual([]);
  });

  it('decides false despite an unknown when a required criterion fails', () => {
    const r = set.evaluate('t.policy', firm({ revenue: 10_000_000 }, { compliance: { bad: true } }), asOf);
    expect(r.verdict).toBe('not_qualified');
    expect(r.missing).toEqual([]);
  });

  it('reads an absent adverse flag as none declared and an absent list as none', () => {
    const r = set.evaluate('t.policy', firm({ rd: 1, revenue: 1000 }), asOf);
    expect(r.criteria.find((c) => c.id === 'clean')?.status).toBe('met');
    expect(r.score?.items.find((i) => i.id === 'ipPts')?.points).toBe(0);
  });

  it('widens a count when an item filter is unknown and names the item field', () => {
    const r = set.evaluate('t.policy', firm({ rd: 1, revenue: 1000 }, { ip: [{ kind: 'a' }] }), asOf);
    expect(r.verdict).toBe('undetermined');
    expect(r.missing).toEqual(['ip[0].main']);
  });

  it('scores a value in a top band that ends at inf', () => {
    const r = set.evaluate('t.policy', firm({ rd: 900_000, revenue: 10_000_000 }), asOf);
    expect(r.score?.items.find((i) => i.id === 'rdPts')?.points).toBe(20);
  });

  it('asks nothing superfluous: every change of a gap is needed', () => {
    const base = firm({ rd: 100_000, revenue: 10_000_000 }, { ip: [{ kind: 'a', main: false }] });
    const r = set.evaluate('t.policy', base, asOf);
    expect(r.gaps.length).toBeGreaterThan(0);
    for (const g of r.gaps) {
      for (const drop of g.changes) {
        const p = structuredClone(base) as { years: Record<string, Record<string, number>> };
        for (const c of g.changes)
          if (c !== drop && c.fact.startsWith('years.')) p.years['2025']![c.fact.split('.')[2]!] = c.to;
        if (g.changes.length > 1 && g.changes.every((c) => c.fact.startsWith('years.'))) {
          expect(set.evaluate('t.policy', p, asOf).verdict).toBe('not_qualified');
        }
      }
    }
  });

  it('works out score maxima with lists treated as unknown', () => {
    const r = set.evaluate('t.policy', firm({ rd: 1, revenue: 1000 }), asOf);
    expect(r.score?.max).toBe(30);
    expect(r.score?.items.map((i) => i.max)).toEqual([20, 10]);
  });

  it('finds the smallest change that qualifies, confirmed by re-running the policy', () => {
    const r = set.evaluate('t.policy', firm({ rd: 240_000, revenue: 10_000_000 }), asOf);
    expect(r.verdict).toBe('not_qualified');
    const first = r.gaps[0]!;
    expect(first.changes).toHaveLength(1);
    expect(first.changes[0]).toMatchObject({ fact: 'years.2025.rd', from: 240_000, to: 300_000 });
    expect(first.text.zh).toContain('占比：2.4% → 3%');
    for (const g of r.gaps) {
      const p = structuredClone(firm({ rd: 240_000, revenue: 10_000_000 })) as {
        years: Record<string, Record<string, number>>;
      };
      for (const c of g.changes) if (c.fact.startsWith('years.')) p.years['2025']![c.fact.split('.')[2]!] = c.to;
      if (g.changes.every((c) => c.fact.startsWith('years.'))) {
        expect(set.evaluate('t.policy', p, asOf).verdict).toBe('qualified');
      }
    }
  });

  it('batch screening agrees with the explain path', () => {
    const s = set.screener('t.policy', asOf);
    for (const rd of [0, 100_000, 299_999, 300_000, 500_000]) {
      const p = firm({ rd, revenue: 10_000_000 });
      expect(s.verdict(p)).toBe(set.evaluate('t.policy', p, asOf).verdict);
    }
  });
});

describe('editions and policies using policies', () => {
  const twoEditions = `id: t.dated
title: { zh: 测试, en: test }
issuer: { zh: 测试, en: test }
kind: recognition
editions:
  - edition: old
    from: 2020-01-01
    to: 2026-03-31
    document: 旧
    source: https://example.org/old
    criteria: [{ id: a, title: { zh: a, en: a }, test: Y1.staff >= 2 }]
  - edition: new
    from: 2026-04-01
    document: 新
    source: https://example.org/new
    uses: { base: t.policy }
    criteria: [{ id: a, title: { zh: a, en: a }, test: Y1.staff >= 3 and base.qualified }]
`;
  const set = load(RATIO, twoEditions);

  it('picks the edition in force on the as-of date', () => {
    const p = firm({ staff: 2, rd: 5, revenue: 100 });
    expect(set.evaluate('t.dated', p, '2026-03-31')).toMatchObject({ edition: 'old', verdict: 'qualified' });
    expect(set.evaluate('t.dated', p, '2026-04-01')).toMatchObject({ edition: 'new', verdict: 'not_qualified' });
  });

  it('carries missing facts through a used policy', () => {
    const r = set.evaluate('t.dated', firm({ staff: 5, revenue: 100 }), '2026-06-01');
    expect(r.verdict).toBe('undetermined');
    expect(r.missing).toEqual(['years.2025.rd']);
  });

  it('refuses a date with no edition and an unknown policy', () => {
    expect(() => set.evaluate('t.dated', {}, '2019-01-01')).toThrow(/no edition of t.dated is in force on 2019-01-01/);
    expect(() => set.evaluate('t.none', {}, asOf)).toThrow(/unknown policy "t.none"/);
    expect(() => set.evaluate('t.dated', {}, '2026-13-01')).toThrow(/not a date/);
  });

  it('refuses policies that use each other in a cycle', () => {
    const a = policy(`uses: { b: t.b }\ncriteria: [{ id: x, title: { zh: x, en: x }, test: b.qualified }]`, 't.a');
    const b = policy(`uses: { a: t.a }\ncriteria: [{ id: x, title: { zh: x, en: x }, test: a.qualified }]`, 't.b');
    expect(() => load(a, b)).toThrow(/cycle: t.a → t.b → t.a/);
  });
});

describe('broken policy files are refused with file and line', () => {
  const broken = (body: string) => () => load(policy(body));

  it('names the line of a bad expression', () => {
    const err = (() => {
      try {
        load(policy(`criteria:\n  - id: a\n    title: { zh: a, en: a }\n    test: Y1.staff >=`));
      } catch (e) {
        return e as PolicyError;
      }
    })();
    expect(err).toBeInstanceOf(PolicyError);
    expect(err?.line).toBe(13);
    expect(err?.message).toMatch(/p0\.yaml:13: .*Y1\.staff >=/);
  });

  it('refuses unknown facts, functions, types and missing operators', () => {
    const t = (test: string) => broken(`criteria: [{ id: a, title: { zh: a, en: a }, test: "${test}" }]`);
    expect(t('Y1.staf > 1')).toThrow(/unknown yearly fact "staf"/);
    expect(t('nonsense > 1')).toThrow(/unknown name "nonsense"/);
    expect(t('frob(1) > 1')).toThrow(/unknown function frob\(\)/);
    expect(t("Y1.staff > 'x'")).toThrow(/compares a number with a string/);
    expect(t('Y1.staff 3')).toThrow(/operator .* missing/);
    expect(t('Y1.staff')).toThrow(/must be true or false/);
  });

  it('refuses overlapping bands and malformed intervals', () => {
    const bands = (rows: string) =>
      broken(
        `parameters:\n  p: { ref: r, bands: ${rows} }\ncriteria: [{ id: a, title: { zh: a, en: a }, test: "band(p, 1) > 0" }]`,
      );
    expect(bands('[["[0, 5)", 1], ["[4, 9)", 2]]')).toThrow(/overlap/);
    expect(bands('[["0 to 5", 1]]')).toThrow(/not an interval/);
  });

  it('refuses a definition that refers to itself', () => {
    expect(broken(`definitions: { x: "x + 1" }\ncriteria: [{ id: a, title: { zh: a, en: a }, test: x > 0 }]`)).toThrow(
      /refers to itself/,
    );
  });

  it('refuses unknown keys and invalid YAML', () => {
    expect(() => parsePolicy(policy('critera: []'), 'p.yaml')).toThrow(/unknown key\(s\) critera/);
    expect(() => parsePolicy('id: [unclosed', 'p.yaml')).toThrow(/p\.yaml:1: not valid YAML/);
  });
});

describe('unknown parameters', () => {
  it('leave what depends on them undetermined and are listed', () => {
    const set = load(
      policy(
        `parameters:\n  cut: { value: null, ref: 未公布, status: unverified }\ncriteria: [{ id: a, title: { zh: a, en: a }, test: Y1.staff >= cut }]`,
      ),
    );
    const r = set.evaluate('t.policy', firm({ staff: 10 }), asOf);
    expect(r.verdict).toBe('undetermined');
    expect(r.unknownParameters).toEqual(['cut']);
    expect(r.missing).toEqual([]);
  });
});

describe('growth rates over unknowns', () => {
  it('leaves a compound growth rate undetermined when the base year is missing', () => {
    const set = load(
      policy(`criteria: [{ id: g, title: { zh: g, en: g }, test: "(Y1.revenue / Y3.revenue) ** 0.5 - 1 >= 0.05" }]`),
    );
    const r = set.evaluate('t.policy', { years: { '2025': { revenue: 110_250_000 } } }, asOf);
    expect(r.verdict).toBe('undetermined');
    expect(r.missing).toEqual(['years.2023.revenue']);
    const known = { years: { '2025': { revenue: 110_250_000 }, '2023': { revenue: 100_000_000 } } };
    expect(set.evaluate('t.policy', known, asOf).verdict).toBe('qualified');
  });
});

describe('look-backs', () => {
  it('take the number of years from a parameter', () => {
    const set = load(
      policy(
        `parameters:\n  back: { value: 2, unit: years, ref: r }\ncriteria: [{ id: a, title: { zh: a, en: a }, test: "since <= yearsAgo(back)" }]`,
      ),
    );
    expect(set.evaluate('t.policy', { since: '2024-06-01' }, asOf).verdict).toBe('qualified');
    expect(set.evaluate('t.policy', { since: '2024-06-02' }, asOf).verdict).toBe('not_qualified');
  });
});

describe('comparison tolerance', () => {
  it('absorbs floating-point noise but not one yuan at ¥1 billion', () => {
    expect(compare['>=']!(0.1 + 0.2, 0.3)).toBe(true);
    expect(compare['>=']!(1.05 ** 2 / 1.05 - 1, 0.05)).toBe(true);
    expect(compare['>=']!(999_999_999, 1_000_000_000)).toBe(false);
    expect(contains({ lo: 1e9, hi: Infinity, loIn: true, hiIn: false }, 999_999_999)).toBe(false);
    expect(contains({ lo: 0.3, hi: Infinity, loIn: true, hiIn: false }, 0.3)).toBe(true);
  });
});

/**
 * The benchmark's yardsticks measure the same thing as the engine: on generated profiles the engine,
 * the hand-written TypeScript and json-rules-engine give the same 科技型中小企业评价 verdict.
 */
import { describe, it, expect } from 'vitest';
import { parseProfile } from '../src/facts/profile.ts';
import { loadLibrary } from '../src/policy/library.ts';
import type { Verdict } from '../src/rules/types.ts';
import { generatePool, generateProfile, type BenchProfile } from './profiles.ts';
import { techSmeHand } from './tech-sme.hand.ts';
import { techSmeJre } from './tech-sme.jre.ts';

const AS_OF = '2026-06-01';
const N = 5_000;
const POLICY = 'cn.most.tech-sme';

const pool = generatePool(N, { asOf: AS_OF });
const screener = loadLibrary().screener(POLICY, AS_OF);
const hand = techSmeHand(AS_OF);
const jre = techSmeJre(AS_OF);

interface Row {
  i: number;
  engine: Verdict;
  hand: Verdict;
  jre: Verdict;
}

async function verdicts(profiles: readonly BenchProfile[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (let i = 0; i < profiles.length; i++) {
    const p = profiles[i]!;
    rows.push({ i, engine: screener.verdict(p), hand: hand(p), jre: await jre.verdict(p) });
  }
  return rows;
}

const show = (rows: Row[]) =>
  rows
    .slice(0, 5)
    .map((r) => `#${r.i} engine ${r.engine}, hand ${r.hand}, json-rules-engine ${r.jre}: ${JSON.stringify(pool[r.i])}`)
    .join('\n');

describe('generated profiles', () => {
  it('follow the public profile contract', () => {
    const bad = pool.map((p, i) => ({ i, r: parseProfile(p) })).filter((x) => !x.r.ok);
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it('are deterministic and independent of the pool size', () => {
    expect(generateProfile(1234, { asOf: AS_OF })).toEqual(pool[1234]);
    expect(generatePool(50, { asOf: AS_OF })).toEqual(pool.slice(0, 50));
    expect(generateProfile(7, { asOf: AS_OF, seed: 1 })).not.toEqual(pool[7]);
  });

  it('give all three verdicts, undetermined in a few per cent', () => {
    const count: Record<Verdict, number> = { qualified: 0, not_qualified: 0, undetermined: 0 };
    for (const p of pool) count[screener.verdict(p)]++;
    expect(count.qualified).toBeGreaterThan(N * 0.1);
    expect(count.not_qualified).toBeGreaterThan(N * 0.3);
    expect(count.undetermined).toBeGreaterThan(N * 0.003);
    expect(count.undetermined).toBeLessThan(N * 0.05);
  });
});

describe('yardsticks give the engine’s verdict (科技型中小企业评价, as of 2026-06-01)', async () => {
  const rows = await verdicts(pool);
  const y1 = String(Number(AS_OF.slice(0, 4)) - 1);
  const preRevenue = rows.filter(
    (r) => pool[r.i]!.years?.[y1]?.revenue === 0 && (pool[r.i]!.years?.[y1]?.rdExpense ?? 0) > 0,
  );

  it('hand-written TypeScript agrees with the engine', () => {
    const off = rows.filter((r) => r.hand !== r.engine);
    expect(off.length, show(off)).toBe(0);
  });

  it('json-rules-engine agrees with the engine', () => {
    const off = rows.filter((r) => r.jre !== r.engine);
    expect(off.length, show(off)).toBe(0);
  });

  it('hand-written TypeScript and json-rules-engine agree on every profile', () => {
    const off = rows.filter((r) => r.hand !== r.jre);
    expect(off.length, show(off)).toBe(0);
  });

  it('the verdict path and the explanation agree', () => {
    const off = rows.slice(0, 1_000).filter((r) => screener.explain(pool[r.i]!, { gaps: false }).verdict !== r.engine);
    expect(off.length, show(off)).toBe(0);
  });

  it('the sample holds pre-revenue firms with R&D (R&D ÷ revenue = ∞ scores the top band)', () => {
    expect(preRevenue.length).toBeGreaterThan(5);
  });
});

/**
 * Engine benchmark: `npm run bench` (node --expose-gc --import tsx bench/engine.bench.ts).
 *
 * For every policy in the library: BENCH_N evaluations (default 1,000,000) verdict-only
 * (`screener.verdict`) and with the full explanation (`screener.explain(p, { gaps: false })`), on one
 * core, cycling through a pool of distinct generated profiles. Yardsticks for 科技型中小企业评价: the
 * same criteria hand-written in TypeScript (the speed limit) over BENCH_N, and json-rules-engine (the
 * usual npm choice; slow and async) over a sample. Prints a markdown table and the targets.
 *
 * Environment: BENCH_N (evaluations per row, default 1e6), BENCH_POOL (distinct profiles, default
 * 20,000), BENCH_JRE_N (json-rules-engine sample, default 20,000), BENCH_REPEATS (timed runs of
 * the fast rows, default 5), BENCH_EXPLAIN_REPEATS (default 3), BENCH_BUDGET_S (seconds the timed
 * runs may take in all, default 260: every row runs once at the full count if that fits, spare time
 * buys repeats; if it does not fit, policies other than 科技型 run on a marked sample),
 * BENCH_AS_OF (2026-06-01).
 */
import { cpus, loadavg } from 'node:os';
import { loadLibrary } from '../src/policy/library.ts';
import type { Screener } from '../src/rules/engine.ts';
import type { ProfileInput, Verdict } from '../src/rules/types.ts';
import { generatePool } from './profiles.ts';
import { techSmeHand } from './tech-sme.hand.ts';
import { techSmeJre } from './tech-sme.jre.ts';

const int = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(n) || n < 1) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return Math.floor(n);
};

const N = int('BENCH_N', 1_000_000);
const POOL = Math.min(int('BENCH_POOL', 20_000), N);
const JRE_N = Math.min(int('BENCH_JRE_N', 20_000), N);
const REPEATS = int('BENCH_REPEATS', 5);
const EXPLAIN_REPEATS = int('BENCH_EXPLAIN_REPEATS', 3);
const BUDGET_S = int('BENCH_BUDGET_S', 260);
const AS_OF = process.env.BENCH_AS_OF ?? '2026-06-01';
const TECH_SME = 'cn.most.tech-sme';
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

const TARGET = { verdictVsHand: 2, explainVsHand: 10, vsJre: 100, memory: GIB };

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const fmt = (x: number) => Math.round(x).toLocaleString('en');
const gc = () => globalThis.gc?.();

// ---------------------------------------------------------------------------------------------
// Memory: the loops sample RSS every 16k evaluations and the heap every 128k (a timer would not
// fire inside a synchronous loop); the OS high-water mark is reported as well.

interface Mem {
  rss: number;
  heap: number;
}
const newMem = (): Mem => ({ rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed });
function sample(m: Mem, i: number): void {
  if ((i & 0x3fff) !== 0) return;
  const r = process.memoryUsage.rss();
  if (r > m.rss) m.rss = r;
  if ((i & 0x1ffff) === 0) {
    const h = process.memoryUsage().heapUsed;
    if (h > m.heap) m.heap = h;
  }
}

interface Count {
  qualified: number;
  not_qualified: number;
  undetermined: number;
}
const newCount = (): Count => ({ qualified: 0, not_qualified: 0, undetermined: 0 });

// One loop per kind of call, so each call site sees one function (a shared loop would make the
// hand-written yardstick's call site polymorphic and slow it down unfairly).

function loopHand(f: (p: ProfileInput) => Verdict, pool: readonly ProfileInput[], n: number, m: Mem): Count {
  const c = newCount();
  const size = pool.length;
  for (let i = 0, k = 0; i < n; i++, k = k + 1 === size ? 0 : k + 1) {
    c[f(pool[k]!)]++;
    sample(m, i);
  }
  return c;
}

function loopVerdict(s: Screener, pool: readonly ProfileInput[], n: number, m: Mem): Count {
  const c = newCount();
  const size = pool.length;
  for (let i = 0, k = 0; i < n; i++, k = k + 1 === size ? 0 : k + 1) {
    c[s.verdict(pool[k]!)]++;
    sample(m, i);
  }
  return c;
}

function loopExplain(s: Screener, pool: readonly ProfileInput[], n: number, m: Mem): Count {
  const c = newCount();
  const size = pool.length;
  for (let i = 0, k = 0; i < n; i++, k = k + 1 === size ? 0 : k + 1) {
    const e = s.explain(pool[k]!, { gaps: false });
    c[e.verdict]++;
    sample(m, i);
  }
  return c;
}

async function loopJre(f: (p: ProfileInput) => Promise<Verdict>, pool: readonly ProfileInput[], n: number, m: Mem) {
  const c = newCount();
  const size = pool.length;
  for (let i = 0, k = 0; i < n; i++, k = k + 1 === size ? 0 : k + 1) {
    c[await f(pool[k]!)]++;
    sample(m, i);
  }
  return c;
}

// ---------------------------------------------------------------------------------------------

interface Row {
  policy: string;
  what: string;
  n: number;
  runs: number;
  seconds: number;
  perSecond: number;
  mem: Mem;
  count: Count;
  note?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** One row to measure: its evaluation function and what the plan may do with it. */
interface Spec {
  policy: string;
  what: string;
  run: (n: number, m: Mem) => Count | Promise<Count>;
  minRuns: number;
  maxRuns: number;
  /** Whether a row too slow for the budget may run on fewer evaluations (never for the targets). */
  mayShrink: boolean;
  /** Filled by calibration and planning. */
  perEval: number;
  n: number;
  runs: number;
  note?: string;
}

/** Times `n` evaluations with a short slice first, so JIT state is that of this row. */
async function timeRow(spec: Spec): Promise<Row> {
  gc();
  await spec.run(Math.min(spec.n, Math.max(10_000, Math.floor(spec.n / 50))), newMem());
  const times: number[] = [];
  const mem = newMem();
  let count = newCount();
  for (let r = 0; r < spec.runs; r++) {
    gc();
    const t0 = performance.now();
    count = await spec.run(spec.n, mem);
    times.push((performance.now() - t0) / 1000);
  }
  const seconds = median(times);
  log(
    `  ${spec.policy} ${spec.what}: ${fmt(spec.n)} × ${spec.runs} run(s), median ${seconds.toFixed(3)} s ` +
      `(${times.map((t) => t.toFixed(2)).join(', ')})`,
  );
  return {
    policy: spec.policy,
    what: spec.what,
    n: spec.n,
    runs: spec.runs,
    seconds,
    perSecond: spec.n / seconds,
    mem,
    count,
    note: spec.note,
  };
}

/**
 * The plan: every row gets its minimum runs at the full count; if that does not fit the budget, the
 * rows that may shrink run on a proportionally smaller sample (marked). Time left over buys extra
 * runs, cheapest rows first, up to each row's maximum.
 */
function plan(specs: Spec[], budget: number): void {
  const fixed = specs.filter((x) => !x.mayShrink).reduce((t, x) => t + x.perEval * N * x.minRuns, 0);
  const shrinkable = specs.filter((x) => x.mayShrink).reduce((t, x) => t + x.perEval * N * x.minRuns, 0);
  const scale = shrinkable > 0 ? Math.min(1, Math.max(0, budget - fixed) / shrinkable) : 1;
  for (const x of specs) {
    x.runs = x.minRuns;
    x.n = N;
    if (x.mayShrink && scale < 1) {
      x.n = Math.min(N, Math.max(Math.min(N, 50_000), Math.round((N * scale) / 10_000) * 10_000));
      if (x.n < N)
        x.note = `sample of ${fmt(x.n)}; ${fmt(N)} would take ≈${(x.perEval * N).toFixed(x.perEval * N < 10 ? 1 : 0)} s`;
    }
  }
  let left = budget - specs.reduce((t, x) => t + x.perEval * x.n * x.runs, 0);
  for (let added = true; added;) {
    added = false;
    for (const x of [...specs].sort((a, b) => a.perEval - b.perEval)) {
      const cost = x.perEval * x.n;
      if (x.runs < x.maxRuns && cost <= left) {
        x.runs++;
        left -= cost;
        added = true;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

const started = performance.now();
const startLoad = loadavg()
  .map((x) => x.toFixed(2))
  .join(' / ');
log(`generating ${POOL.toLocaleString('en')} profiles as of ${AS_OF} …`);
const pool: ProfileInput[] = generatePool(POOL, { asOf: AS_OF });
gc();
const poolRss = process.memoryUsage.rss();
log(`loading the policy library …`);
const set = loadLibrary();
const ids = set.ids();
log(`policies: ${ids.join(', ')}`);

// Rows: the 科技型 yardsticks and engine runs (the targets: always the full count), the same on a
// cache-resident pool, then every other policy in the library.
const HOT = Math.min(256, POOL);
const hot = pool.slice(0, HOT);
const hand = techSmeHand(AS_OF);
const minFast = Math.min(3, REPEATS);
const spec = (
  policy: string,
  what: string,
  run: Spec['run'],
  o: { minRuns?: number; maxRuns?: number; mayShrink?: boolean; note?: string } = {},
): Spec => ({
  policy,
  what,
  run,
  minRuns: o.minRuns ?? 1,
  maxRuns: Math.max(o.minRuns ?? 1, o.maxRuns ?? REPEATS),
  mayShrink: o.mayShrink ?? false,
  perEval: 0,
  n: N,
  runs: 1,
  note: o.note,
});
const handSpec = spec(TECH_SME, 'hand-written TypeScript', (n, m) => loopHand(hand, pool, n, m), { minRuns: minFast });
const hotNote = `cache-resident pool of ${HOT}`;
const hotHandSpec = spec(TECH_SME, 'hand-written TypeScript', (n, m) => loopHand(hand, hot, n, m), { note: hotNote });
const policySpecs = new Map<string, { verdict: Spec; explain: Spec }>();
for (const id of [...ids.filter((x) => x === TECH_SME), ...ids.filter((x) => x !== TECH_SME)]) {
  const s = set.screener(id, AS_OF);
  const target = id === TECH_SME;
  policySpecs.set(id, {
    verdict: spec(id, 'engine, verdict only', (n, m) => loopVerdict(s, pool, n, m), {
      minRuns: target ? minFast : 1,
      mayShrink: !target,
    }),
    explain: spec(id, 'engine, full explanation', (n, m) => loopExplain(s, pool, n, m), {
      maxRuns: EXPLAIN_REPEATS,
      mayShrink: !target,
    }),
  });
}
const hotTech = ids.includes(TECH_SME) ? set.screener(TECH_SME, AS_OF) : null;
const hotEngineSpec = hotTech
  ? spec(TECH_SME, 'engine, verdict only', (n, m) => loopVerdict(hotTech, hot, n, m), { note: hotNote })
  : null;
const specs = [
  handSpec,
  ...[...policySpecs.values()].flatMap((x) => [x.verdict, x.explain]),
  hotHandSpec,
  ...(hotEngineSpec ? [hotEngineSpec] : []),
];

// Calibration: a slice of every row (this also warms the engine up), then the plan.
log('calibrating …');
for (const x of specs) {
  const k = Math.min(N, 20_000);
  await x.run(Math.min(N, 5_000), newMem()); // first contact: compilation, not the steady state
  gc();
  const t0 = performance.now();
  await x.run(k, newMem());
  x.perEval = (performance.now() - t0) / 1000 / k;
}
plan(specs, BUDGET_S);
log(
  `plan: ≈${specs.reduce((t, x) => t + x.perEval * x.n * x.runs, 0).toFixed(0)} s of timed runs ` +
    `(budget ${BUDGET_S} s, BENCH_BUDGET_S)`,
);

log('hand-written TypeScript (科技型) …');
const handRow = await timeRow(handSpec);
const engineRows = new Map<string, { verdict: Row; explain: Row }>();
const measurePolicy = async (id: string) => {
  log(`${id} …`);
  const x = policySpecs.get(id)!;
  engineRows.set(id, { verdict: await timeRow(x.verdict), explain: await timeRow(x.explain) });
};
if (ids.includes(TECH_SME)) await measurePolicy(TECH_SME);

log(`json-rules-engine (科技型) on a ${fmt(JRE_N)}-profile sample …`);
const jre = techSmeJre(AS_OF);
const jreSpec = spec(TECH_SME, 'json-rules-engine', (n, m) => loopJre(jre.verdict, pool, n, m), {
  note: `async, awaited one by one; sample of ${fmt(JRE_N)}`,
});
jreSpec.n = JRE_N;
jreSpec.runs = 3;
const jreRow = await timeRow(jreSpec);

log(`cache-resident pool of ${HOT} …`);
const hotHand = await timeRow(hotHandSpec);
const hotEngine = hotEngineSpec ? await timeRow(hotEngineSpec) : null;

for (const id of ids) if (id !== TECH_SME) await measurePolicy(id);

// ---------------------------------------------------------------------------------------------
// Report

const fmtRatio = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pct = (c: Count, k: keyof Count) => {
  const total = c.qualified + c.not_qualified + c.undetermined;
  return total ? ((100 * c[k]) / total).toFixed(1) : '–';
};
const mix = (c: Count) => `${pct(c, 'qualified')} / ${pct(c, 'not_qualified')} / ${pct(c, 'undetermined')}`;
const mib = (b: number) => (b / MIB).toFixed(0);
const ok = (pass: boolean) => (pass ? '✅ met' : '❌ missed');

/** Time per evaluation relative to the hand-written code on the same pool. */
const perEval = (r: Row) => r.seconds / r.n;
const ratioToHand = (r: Row, yard = handRow) => perEval(r) / perEval(yard);
const lines: string[] = [];
const out = (s = '') => lines.push(s);

out(`## Huiqi engine benchmark`);
out();
out(
  `${new Date().toISOString().slice(0, 19)}Z · node ${process.version} · ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length} ` +
    `(one thread used) · load average at start ${startLoad}, at end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')}`,
);
out();
out(
  `As of ${AS_OF}. ${fmt(POOL)} distinct generated profiles (bench/profiles.ts), cycled to ${fmt(N)} evaluations ` +
    `per row unless marked; time is the median of the timed runs after a warm-up. RSS after generating the pool: ` +
    `${mib(poolRss)} MiB.`,
);
out();
out('### 科技型中小企业评价 (cn.most.tech-sme): engine and yardsticks');
out();
out(
  '| implementation | evaluations | runs | time (s) | profiles/s | × hand-written time | peak RSS (MiB) | peak heap (MiB) | qualified / not / undetermined (%) |',
);
out('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
const row = (r: Row, ratio: string) =>
  out(
    `| ${r.what}${r.note ? ` (${r.note})` : ''} | ${fmt(r.n)} | ${r.runs} | ${r.seconds.toFixed(3)} | ` +
      `${fmt(r.perSecond)} | ${ratio} | ${mib(r.mem.rss)} | ${mib(r.mem.heap)} | ${mix(r.count)} |`,
  );
const t = engineRows.get(TECH_SME);
row(handRow, '1.00 (yardstick)');
if (t) {
  row(t.verdict, fmtRatio(ratioToHand(t.verdict)));
  row(t.explain, fmtRatio(ratioToHand(t.explain)));
}
row(jreRow, fmtRatio(ratioToHand(jreRow)));
row(hotHand, '1.00 (yardstick, cache-resident)');
if (hotEngine) row(hotEngine, fmtRatio(ratioToHand(hotEngine, hotHand)));
out();
out(
  `json-rules-engine's time is for its sample; profiles/s and the ratio are comparable. The last two rows repeat ` +
    `the verdict run on the first ${HOT} profiles only (they fit in the CPU caches): their ratio is the engine's ` +
    `computing overhead alone, while on the full pool both sides also wait for memory.`,
);
out();
out('### Every policy in the library');
out();
out(
  '| policy | verdict: time (s) | verdict: profiles/s | verdict × hand* | explain: time (s) | explain: profiles/s | explain × hand* | runs (verdict / explain) | peak RSS (MiB) | qualified / not / undetermined (%) |',
);
out('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const id of ids) {
  const r = engineRows.get(id)!;
  const sampled = [r.verdict, r.explain]
    .filter((x) => x.note)
    .map((x) => `${x === r.verdict ? 'verdict' : 'explain'}: ${x.note}`);
  out(
    `| ${id}${sampled.length ? ` (${sampled.join('; ')})` : ''} | ${r.verdict.seconds.toFixed(3)} | ${fmt(r.verdict.perSecond)} | ` +
      `${fmtRatio(ratioToHand(r.verdict))} | ${r.explain.seconds.toFixed(3)} | ${fmt(r.explain.perSecond)} | ` +
      `${fmtRatio(ratioToHand(r.explain))} | ${r.verdict.runs} / ${r.explain.runs} | ` +
      `${mib(Math.max(r.verdict.mem.rss, r.explain.mem.rss))} | ${mix(r.verdict.count)} |`,
  );
}
out();
out(
  `\\* Per-evaluation time relative to the 科技型 hand-written code on the same pool. Only 科技型 has a hand-written ` +
    `yardstick: for the other policies the ratio only gives a scale. Evaluations per row: ${fmt(N)} unless a ` +
    `sample is noted (when every row at the full count would not fit the ${BUDGET_S} s budget, BENCH_BUDGET_S).`,
);
out();

const allRows = [handRow, ...[...engineRows.values()].flatMap((r) => [r.verdict, r.explain])];
const fullRows = allRows.filter((r) => r.n === N);
const peakRss = Math.max(...fullRows.map((r) => r.mem.rss));
const peakHeap = Math.max(...fullRows.map((r) => r.mem.heap));
const osPeak = process.resourceUsage().maxRSS * 1024;
out('### Targets (科技型中小企业评价)');
out();
out('| target | required | measured | result |');
out('| --- | --- | --- | --- |');
if (t) {
  const v = ratioToHand(t.verdict);
  const e = ratioToHand(t.explain);
  const j = t.verdict.perSecond / jreRow.perSecond;
  out(
    `| verdict only vs hand-written | ≤ ${TARGET.verdictVsHand}× the time | ${fmtRatio(v)}× (${fmt(t.verdict.perSecond)} vs ${fmt(handRow.perSecond)} profiles/s)` +
      `${hotEngine ? `; cache-resident: ${fmtRatio(ratioToHand(hotEngine, hotHand))}×` : ''} | ${ok(v <= TARGET.verdictVsHand)} |`,
  );
  out(
    `| throughput vs json-rules-engine | ≥ ${TARGET.vsJre}× | ${fmtRatio(j)}× (${fmt(t.verdict.perSecond)} vs ${fmt(jreRow.perSecond)} profiles/s, sample) | ${ok(j >= TARGET.vsJre)} |`,
  );
  out(
    `| full explanation vs hand-written | ≤ ${TARGET.explainVsHand}× the time | ${fmtRatio(e)}× (${fmt(t.explain.perSecond)} profiles/s) | ${ok(e <= TARGET.explainVsHand)} |`,
  );
} else {
  out(`| (policy ${TECH_SME} is not in the library) | | | |`);
}
out(
  `| peak memory of the ${fmt(N)}-evaluation runs | < 1 GiB | sampled max RSS ${mib(peakRss)} MiB, heap ${mib(peakHeap)} MiB; ` +
    `OS high-water mark of the whole process ${mib(osPeak)} MiB | ${ok(peakRss < TARGET.memory && osPeak < TARGET.memory)} |`,
);
out();
out(`Whole benchmark: ${((performance.now() - started) / 1000).toFixed(0)} s.`);

process.stdout.write(lines.join('\n') + '\n');

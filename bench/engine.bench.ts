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
 * engine runs may take in all, default 180: slow rows get fewer repeats), BENCH_AS_OF (2026-06-01).
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
const BUDGET_S = int('BENCH_BUDGET_S', 180);
const AS_OF = process.env.BENCH_AS_OF ?? '2026-06-01';
const TECH_SME = 'cn.most.tech-sme';
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

const TARGET = { verdictVsHand: 2, explainVsHand: 10, vsJre: 100, memory: GIB };

const log = (msg: string) => process.stderr.write(`${msg}\n`);
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

/**
 * Warms up on a slice, then times `runs` full runs (fewer when a run would not fit the time cap)
 * and takes the median. RSS and heap are the maxima over the timed runs.
 */
async function measure(
  policy: string,
  what: string,
  wanted: number,
  maxRuns: number,
  budget: { seconds: number; mayShrink: boolean; minRuns?: number; warm?: number },
  run: (n: number, m: Mem) => Count | Promise<Count>,
): Promise<Row> {
  gc();
  const warm = Math.max(1, Math.min(wanted, budget.warm ?? Math.max(20_000, Math.floor(wanted / 20))));
  const w0 = performance.now();
  await run(warm, newMem());
  const perEval = (performance.now() - w0) / 1000 / warm;
  let n = wanted;
  let note: string | undefined;
  if (budget.mayShrink && perEval * wanted > budget.seconds) {
    // A row too slow for the time budget runs on a sample, and says so.
    n = Math.min(wanted, Math.max(50_000, Math.round(budget.seconds / perEval / 10_000) * 10_000));
    if (n < wanted)
      note = `sample of ${n.toLocaleString('en')}; ${wanted.toLocaleString('en')} would take ≈${(perEval * wanted).toFixed(0)} s`;
  }
  const fit = Math.floor(budget.seconds / Math.max(perEval * n, 1e-9));
  const runs = Math.max(budget.minRuns ?? 1, Math.min(maxRuns, fit));
  const times: number[] = [];
  const mem = newMem();
  let count = newCount();
  for (let r = 0; r < runs; r++) {
    gc();
    const t0 = performance.now();
    count = await run(n, mem);
    times.push((performance.now() - t0) / 1000);
  }
  const seconds = median(times);
  log(
    `  ${policy} ${what}: ${runs} run(s), median ${seconds.toFixed(3)} s (${times.map((t) => t.toFixed(2)).join(', ')})`,
  );
  return { policy, what, n, runs, seconds, perSecond: n / seconds, mem, count, note };
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

// The engine rows share the time budget: each gets an equal part of what is left, so fast rows leave
// more for slow ones. 科技型 (the targets) always runs the full count; another policy whose full-count
// run would not fit its part runs on a sample, marked in the table.
const others = ids.filter((x) => x !== TECH_SME);
let budgetLeft = BUDGET_S;
let rowsLeft = 5 + 2 * others.length;
const share = (mayShrink: boolean, minRuns = 1) => ({ seconds: budgetLeft / rowsLeft, mayShrink, minRuns });
const spend = (r: Row) => {
  budgetLeft = Math.max(0, budgetLeft - r.seconds * r.runs);
  rowsLeft--;
  return r;
};
const minFast = Math.min(3, REPEATS);

log('hand-written TypeScript (科技型) …');
const hand = techSmeHand(AS_OF);
const handRow = spend(
  await measure(TECH_SME, 'hand-written TypeScript', N, REPEATS, share(false, minFast), (n, m) =>
    loopHand(hand, pool, n, m),
  ),
);

const engineRows = new Map<string, { verdict: Row; explain: Row }>();
const measurePolicy = async (id: string) => {
  log(`${id} …`);
  const s = set.screener(id, AS_OF);
  const shrink = id !== TECH_SME;
  const verdict = spend(
    await measure(id, 'engine, verdict only', N, REPEATS, share(shrink, shrink ? 1 : minFast), (n, m) =>
      loopVerdict(s, pool, n, m),
    ),
  );
  const explain = spend(
    await measure(id, 'engine, full explanation', N, EXPLAIN_REPEATS, share(shrink), (n, m) =>
      loopExplain(s, pool, n, m),
    ),
  );
  engineRows.set(id, { verdict, explain });
};
if (ids.includes(TECH_SME)) await measurePolicy(TECH_SME);

log(`json-rules-engine (科技型) on a ${JRE_N.toLocaleString('en')}-profile sample …`);
const jre = techSmeJre(AS_OF);
const jreRow = await measure(
  TECH_SME,
  'json-rules-engine',
  JRE_N,
  3,
  { seconds: 60, mayShrink: false, warm: 2_000 },
  (n, m) => loopJre(jre.verdict, pool, n, m),
);
jreRow.note = `async, awaited one by one; sample of ${JRE_N.toLocaleString('en')}`;

// The same two on a pool small enough to stay in the CPU caches: what each costs in computation
// alone, without the memory traffic of reading 20,000 profiles in turn.
const HOT = Math.min(256, POOL);
const hot = pool.slice(0, HOT);
log(`cache-resident pool of ${HOT} …`);
const hotHand = spend(
  await measure(TECH_SME, 'hand-written TypeScript', N, REPEATS, share(false, 1), (n, m) => loopHand(hand, hot, n, m)),
);
const hotEngine = ids.includes(TECH_SME)
  ? spend(
      await measure(TECH_SME, 'engine, verdict only', N, REPEATS, share(false, 1), (n, m) =>
        loopVerdict(set.screener(TECH_SME, AS_OF), hot, n, m),
      ),
    )
  : null;
hotHand.note = hotEngine ? (hotEngine.note = `cache-resident pool of ${HOT}`) : `cache-resident pool of ${HOT}`;

for (const id of others) await measurePolicy(id);

// ---------------------------------------------------------------------------------------------
// Report

const fmtInt = (x: number) => Math.round(x).toLocaleString('en');
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
  `As of ${AS_OF}. ${fmtInt(POOL)} distinct generated profiles (bench/profiles.ts), cycled to ${fmtInt(N)} evaluations ` +
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
    `| ${r.what}${r.note ? ` (${r.note})` : ''} | ${fmtInt(r.n)} | ${r.runs} | ${r.seconds.toFixed(3)} | ` +
      `${fmtInt(r.perSecond)} | ${ratio} | ${mib(r.mem.rss)} | ${mib(r.mem.heap)} | ${mix(r.count)} |`,
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
    `| ${id}${sampled.length ? ` (${sampled.join('; ')})` : ''} | ${r.verdict.seconds.toFixed(3)} | ${fmtInt(r.verdict.perSecond)} | ` +
      `${fmtRatio(ratioToHand(r.verdict))} | ${r.explain.seconds.toFixed(3)} | ${fmtInt(r.explain.perSecond)} | ` +
      `${fmtRatio(ratioToHand(r.explain))} | ${r.verdict.runs} / ${r.explain.runs} | ` +
      `${mib(Math.max(r.verdict.mem.rss, r.explain.mem.rss))} | ${mix(r.verdict.count)} |`,
  );
}
out();
out(
  `\\* Per-evaluation time relative to the 科技型 hand-written code on the same pool. Only 科技型 has a hand-written ` +
    `yardstick: for the other policies the ratio only gives a scale. Evaluations per row: ${fmtInt(N)} unless a ` +
    `sample is noted (rows too slow for the ${BUDGET_S} s budget, BENCH_BUDGET_S).`,
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
    `| verdict only vs hand-written | ≤ ${TARGET.verdictVsHand}× the time | ${fmtRatio(v)}× (${fmtInt(t.verdict.perSecond)} vs ${fmtInt(handRow.perSecond)} profiles/s)` +
      `${hotEngine ? `; cache-resident: ${fmtRatio(ratioToHand(hotEngine, hotHand))}×` : ''} | ${ok(v <= TARGET.verdictVsHand)} |`,
  );
  out(
    `| throughput vs json-rules-engine | ≥ ${TARGET.vsJre}× | ${fmtRatio(j)}× (${fmtInt(t.verdict.perSecond)} vs ${fmtInt(jreRow.perSecond)} profiles/s, sample) | ${ok(j >= TARGET.vsJre)} |`,
  );
  out(
    `| full explanation vs hand-written | ≤ ${TARGET.explainVsHand}× the time | ${fmtRatio(e)}× (${fmtInt(t.explain.perSecond)} profiles/s) | ${ok(e <= TARGET.explainVsHand)} |`,
  );
} else {
  out(`| (policy ${TECH_SME} is not in the library) | | | |`);
}
out(
  `| peak memory of the ${fmtInt(N)}-evaluation runs | < 1 GiB | sampled max RSS ${mib(peakRss)} MiB, heap ${mib(peakHeap)} MiB; ` +
    `OS high-water mark of the whole process ${mib(osPeak)} MiB | ${ok(peakRss < TARGET.memory && osPeak < TARGET.memory)} |`,
);
out();
out(`Whole benchmark: ${((performance.now() - started) / 1000).toFixed(0)} s.`);

process.stdout.write(lines.join('\n') + '\n');

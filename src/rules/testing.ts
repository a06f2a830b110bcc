/**
 * Runs the test cases a policy file carries: inputs → expected verdict, outcome, score, criteria,
 * missing facts and gaps. Readable by policy staff; run in CI by `huiqi policies test`.
 */
import type { PolicySet } from './engine.ts';
import type { LoadedPolicy } from './load.ts';
import type { Expectation, TestDoc } from './schema.ts';
import type { Evaluation, ProfileInput } from './types.ts';

export interface TestResult {
  policy: string;
  name: string;
  file: string;
  line: number | null;
  failures: string[];
}

export type Validate = (
  p: unknown,
) => { ok: true; profile: ProfileInput } | { ok: false; errors: { field: string; message: string }[] };

type Json = Record<string, unknown>;

/** Overlays `over` on `base`: objects merge, arrays and scalars replace, null removes the key. */
export function overlay(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    if (v === null) delete out[k];
    else if (isObject(v) && isObject(b)) out[k] = overlay(b, v);
    else out[k] = v;
  }
  return out;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
const show = (v: unknown) => JSON.stringify(v);

function check(r: Evaluation, x: Expectation): string[] {
  const f: string[] = [];
  if (x.verdict !== undefined && r.verdict !== x.verdict) f.push(`verdict: expected ${x.verdict}, got ${r.verdict}`);
  if (x.edition !== undefined && r.edition !== x.edition) f.push(`edition: expected ${x.edition}, got ${r.edition}`);
  if (x.outcome !== undefined && r.outcome !== x.outcome)
    f.push(`outcome: expected ${show(x.outcome)}, got ${show(r.outcome)}`);
  if (x.score !== undefined) {
    const got = r.score?.total ?? null;
    const ok = got === null || x.score === null ? got === x.score : close(got, x.score);
    if (!ok) f.push(`score: expected ${show(x.score)}, got ${show(got)}`);
  }
  for (const [id, want] of Object.entries(x.scores ?? {})) {
    const item = r.score?.items.find((i) => i.id === id) ?? r.score?.categories.find((c) => c.id === id);
    if (!item) f.push(`scores.${id}: no such score item or category`);
    else if (want === null ? item.points !== null : item.points === null || !close(item.points, want)) {
      f.push(`scores.${id}: expected ${show(want)}, got ${show(item.points)}`);
    }
  }
  for (const [id, want] of Object.entries(x.criteria ?? {})) {
    const c = r.criteria.find((k) => k.id === id);
    if (!c) f.push(`criteria.${id}: no such criterion`);
    else if (c.status !== want) f.push(`criteria.${id}: expected ${want}, got ${c.status} (actual ${show(c.actual)})`);
  }
  if (x.missing !== undefined) {
    const want = [...x.missing].sort();
    if (show(want) !== show(r.missing)) f.push(`missing: expected ${show(want)}, got ${show(r.missing)}`);
  }
  for (const g of x.gaps ?? []) {
    const idx = r.gaps.findIndex(
      (gap) =>
        Object.entries(g.changes).every(([fact, to]) => gap.changes.some((c) => c.fact === fact && close(c.to, to))) &&
        gap.changes.length === Object.keys(g.changes).length,
    );
    const found = r.gaps.map((gap) => gap.changes.map((c) => `${c.fact}→${c.to}`).join(' & '));
    if (idx < 0) f.push(`gaps: expected a gap ${show(g.changes)}, got [${found.join('; ')}]`);
    else if (g.rank !== undefined && idx + 1 !== g.rank)
      f.push(`gaps: ${show(g.changes)} ranked ${idx + 1}, expected ${g.rank}`);
  }
  return f;
}

export function runPolicyTests(set: PolicySet, loaded: LoadedPolicy, validate: Validate): TestResult[] {
  const { doc } = loaded;
  return (doc.tests ?? []).map((t: TestDoc, i) => {
    const line = loaded.lineOf(['tests', i]);
    const base = t.given ? doc.profiles?.[t.given] : {};
    const result: TestResult = { policy: doc.id, name: t.name, file: loaded.file, line, failures: [] };
    if (base === undefined) {
      result.failures.push(`given: no profile named ${t.given} under profiles`);
      return result;
    }
    const v = validate(overlay(base, t.profile ?? {}));
    if (!v.ok) {
      result.failures.push(...v.errors.map((e) => `profile ${e.field}: ${e.message}`));
      return result;
    }
    try {
      const r = set.evaluate(doc.id, v.profile, t.asOf, { gaps: (t.expect.gaps?.length ?? 0) > 0 });
      result.failures.push(...check(r, t.expect));
    } catch (e) {
      result.failures.push((e as Error).message);
    }
    return result;
  });
}

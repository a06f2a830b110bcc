/**
 * Gaps: the nearest ways to qualify. For each route to qualifying (an "any one of" branch is its
 * own route), every unmet condition gets its cheapest fixes — one input moved, or two when one is
 * not enough (points short of a score) — found by a bounded monotone search over the compiled
 * condition. Fixes are combined per route and confirmed by re-running the whole policy; the
 * confirmed ones are ranked by how little they ask.
 */
import type { Ctx } from './context.ts';
import type { CompiledCriterion, CompiledEdition } from './edition.ts';
import { formatDelta, formatValue } from './format.ts';
import type { GapInput, Node } from './nodes.ts';
import type { Gap, GapChange, GapEffect, Label, ProfileInput } from './types.ts';

const MAX_ROUTES = 12;
const FIXES_PER_LEAF = 4;
const MAX_GAPS = 5;
/**
 * Evaluations the search for fixes may spend per policy and profile. The calculator is public, so
 * one request must not buy unbounded work; the count is fixed, so the answer is reproducible.
 * Confirming and describing the fixes found is not counted.
 */
const SEARCH_BUDGET = 1200;

interface Change {
  input: GapInput;
  path: string | null;
  from: number;
  to: number;
}
interface Fix {
  changes: Change[];
  effort: number;
}

type Leaf = CompiledCriterion;

const relative = (from: number, to: number) => Math.abs(to - from) / Math.max(Math.abs(from), Math.abs(to), 1e-12);
const effortOf = (changes: Change[]) => changes.reduce((s, c) => s + relative(c.from, c.to), 0);

/** Unmet leaves that together would qualify, one list per route. */
function routes(c: CompiledCriterion, ctx: Ctx): Leaf[][] {
  const v = c.node.ev(ctx);
  if (v !== false) return [[]];
  if (c.kind === 'test') return [[c]];
  if (c.kind === 'any') return c.kids.flatMap((k) => routes(k, ctx)).slice(0, MAX_ROUTES);
  let acc: Leaf[][] = [[]];
  for (const k of c.kids) {
    const rs = routes(k, ctx);
    acc = acc.flatMap((a) => rs.map((r) => [...a, ...r])).slice(0, MAX_ROUTES);
  }
  return acc;
}

class Workbench {
  private readonly work: ProfileInput;
  /** Search evaluations left; when spent, searches stop finding fixes. */
  budget = SEARCH_BUDGET;
  constructor(
    private readonly profile: ProfileInput,
    private readonly asOf: string,
    readonly ctx: Ctx,
    private readonly e: CompiledEdition,
  ) {
    this.work = structuredClone(profile) as ProfileInput;
  }

  /** Applies changes, runs `f`, and restores the profile. */
  with<T>(changes: readonly Change[], f: () => T): T {
    const undo: (() => void)[] = [];
    for (const ch of changes) if (ch.input.slot === null && ch.path) undo.push(setPath(this.work, ch.path, ch.to));
    this.ctx.reset(this.work, this.asOf);
    // A count asked "what if it were +1" is preset in its memo slot for this evaluation.
    for (const ch of changes) if (ch.input.slot !== null) this.ctx.remember(ch.input.slot, ch.to);
    try {
      return f();
    } finally {
      for (const u of undo.reverse()) u();
      this.ctx.reset(this.profile, this.asOf);
    }
  }

  qualifies(changes: readonly Change[]): boolean {
    return this.with(changes, () => this.e.root.ev(this.ctx) !== false);
  }
}

function setPath(obj: ProfileInput, path: string, value: number): () => void {
  const keys = path.split('.');
  let o = obj as Record<string, unknown>;
  const created: [Record<string, unknown>, string][] = [];
  for (const k of keys.slice(0, -1)) {
    if (typeof o[k] !== 'object' || o[k] === null) {
      o[k] = {};
      created.push([o, k]);
    }
    o = o[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  const had = Object.prototype.hasOwnProperty.call(o, last);
  const old = o[last];
  o[last] = value;
  return () => {
    if (had) o[last] = old;
    else delete o[last];
    for (const [parent, k] of created.reverse()) delete parent[k];
  };
}

/** The inputs a condition depends on that a firm could move, without entering counted lists. */
function inputsOf(
  n: Node,
  defLabels: ReadonlyMap<string, Label>,
  out = new Map<string, GapInput>(),
): Map<string, GapInput> {
  if (n.input) {
    out.set(n.input.key, n.input);
    return out;
  }
  if (n.def && n.kids[0]?.list) {
    const body = n.kids[0];
    const label = defLabels.get(n.def.name);
    if (label && body.unit === 'items') {
      out.set(`count:${n.def.name}`, {
        key: `count:${n.def.name}`,
        label,
        unit: 'items',
        direction: 'up',
        step: 1,
        integer: true,
        min: 0,
        max: Infinity,
        path: () => null,
        slot: n.def.slot,
      });
    }
    return out;
  }
  for (const k of n.kids) inputsOf(k, defLabels, out);
  return out;
}

function currentValue(input: GapInput, root: Node, ctx: Ctx): number | undefined {
  if (input.slot !== null) {
    const node = findSlot(root, input.slot);
    const v = node?.ev(ctx);
    return typeof v === 'number' ? v : undefined;
  }
  const path = input.path(ctx)!;
  let o: unknown = ctx.profile;
  for (const k of path.split('.')) o = (o as Record<string, unknown> | undefined)?.[k];
  return typeof o === 'number' ? o : undefined;
}

function findSlot(n: Node, slot: number): Node | undefined {
  if (n.def?.slot === slot) return n;
  for (const k of n.kids) {
    const f = findSlot(k, slot);
    if (f) return f;
  }
  return undefined;
}

/** Smallest move of one input (others held) that makes `ok` true; monotone search, then tidy rounding. */
function search(input: GapInput, from: number, ok: (x: number) => boolean): number | undefined {
  const sign = input.direction === 'up' ? 1 : -1;
  const limit = sign > 0 ? input.max : input.min;
  const clamp = (x: number) => (sign > 0 ? Math.min(x, limit) : Math.max(x, limit));
  const snap = (x: number) => (input.integer ? (sign > 0 ? Math.ceil(x) : Math.floor(x)) : x);
  let bad = from;
  let delta = Math.max(input.step, Math.abs(from) * 0.01);
  let good: number | undefined;
  for (let i = 0; i < 64; i++) {
    const x = snap(clamp(from + sign * delta));
    if (ok(x)) {
      good = x;
      break;
    }
    bad = x;
    if (x === limit) return undefined;
    delta *= 2;
  }
  if (good === undefined) return undefined;
  const precision = input.integer ? 1 : input.step / 100;
  for (let i = 0; i < 80 && Math.abs(good - bad) > precision; i++) {
    const mid = snap((good + bad) / 2);
    if (mid === good || mid === bad) break;
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  if (!input.integer) {
    // A tidy figure (whole 100 yuan, 0.01 point): the exact threshold if it works, else just above.
    const unit = input.step / 100;
    const tidy = [Math.floor(good / unit), Math.ceil(good / unit)].map((k) => Number((k * unit).toPrecision(12)));
    const pick = (sign > 0 ? tidy : tidy.reverse()).find(ok);
    if (pick !== undefined) good = pick;
  }
  return good;
}

interface Known {
  input: GapInput;
  from: number;
  path: string | null;
}

/** What a leaf's search works with: its movable inputs that have a value, and whether a change meets it. */
function searchFor(leaf: Leaf, bench: Workbench, e: CompiledEdition) {
  const ctx = bench.ctx;
  const known = [...inputsOf(leaf.node, e.definitionLabels).values()]
    .map((input) => ({ input, from: currentValue(input, leaf.node, ctx), path: input.path(ctx) }))
    .filter((x): x is Known => x.from !== undefined);
  const holds = (changes: Change[]) => bench.budget-- > 0 && bench.with(changes, () => leaf.node.ev(ctx) === true);
  const single = (k: Known, base: Change[]): Fix | undefined => {
    const to = search(k.input, k.from, (x) => holds([...base, { ...k, to: x }]));
    if (to === undefined) return undefined;
    const changes = [...base, { ...k, to }];
    return { changes, effort: effortOf(changes) };
  };
  return { known, holds, single };
}

/** One input moved, others held. */
function singleFixes(leaf: Leaf, bench: Workbench, e: CompiledEdition): Fix[] {
  const { known, single } = searchFor(leaf, bench, e);
  return known.map((k) => single(k, [])).filter((f): f is Fix => f !== undefined);
}

/**
 * Two inputs together, for a comparison: step the first through the bands that move the
 * condition's value the right way without meeting it yet, then search the second.
 */
function pairFixes(leaf: Leaf, bench: Workbench, e: CompiledEdition): Fix[] {
  if (!leaf.cmp) return [];
  const { known, holds, single } = searchFor(leaf, bench, e);
  const ctx = bench.ctx;
  const { lhs, op } = leaf.cmp;
  const better = op === '>=' || op === '>' ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
  const valueWith = (changes: Change[]) => (bench.budget-- > 0 ? bench.with(changes, () => lhs.ev(ctx)) : undefined);
  const fixes: Fix[] = [];
  for (const a of known) {
    let base: Change[] = [];
    for (let step = 0; step < 3 && bench.budget > 0; step++) {
      const before = valueWith(base);
      if (typeof before !== 'number') break;
      const at = base[0]?.to ?? a.from;
      const next = search(a.input, at, (x) => {
        const v = valueWith([{ ...a, to: x }]);
        return typeof v === 'number' && better(v, before);
      });
      if (next === undefined) break;
      base = [{ ...a, to: next }];
      if (holds(base)) break; // the single fix already covers this
      for (const b of known) {
        if (b.input.key === a.input.key) continue;
        const f = single(b, base);
        if (f) fixes.push(f);
      }
    }
  }
  return fixes;
}

/** The cheapest fixes, dropping one when another asks no more of the firm (of two equal, the first stays). */
function cheapest(fixes: Fix[]): Fix[] {
  const asksAtLeast = (big: Fix, small: Fix) =>
    small.changes.every((c) =>
      big.changes.some(
        (d) => d.input.key === c.input.key && (c.input.direction === 'up' ? d.to >= c.to : d.to <= c.to),
      ),
    );
  const kept = fixes.filter(
    (f, i) => !fixes.some((g, j) => j !== i && asksAtLeast(f, g) && (!asksAtLeast(g, f) || j < i)),
  );
  return kept.sort((x, y) => x.effort - y.effort).slice(0, FIXES_PER_LEAF);
}

function merge(fixes: Fix[]): Change[] {
  const byKey = new Map<string, Change>();
  for (const f of fixes) {
    for (const c of f.changes) {
      const prev = byKey.get(c.input.key);
      const further = !prev || (c.input.direction === 'up' ? c.to > prev.to : c.to < prev.to);
      if (further) byKey.set(c.input.key, c);
    }
  }
  return [...byKey.values()];
}

function describe(changes: Change[], effects: GapEffect[]): Label {
  const one = (lang: 'zh' | 'en') => {
    const paren = (t: string) => (lang === 'zh' ? `（${t}）` : ` (${t})`);
    const parts = changes.map((c) => {
      const n = c.to - c.from;
      if (c.input.slot !== null)
        return lang === 'zh' ? `再增加 ${n} ${c.input.label.zh}` : `${n} more: ${c.input.label.en}`;
      const year = c.path?.match(/^years\.(\d{4})\./)?.[1];
      const name = c.input.label[lang] + (year ? paren(year + (lang === 'zh' ? '年' : '')) : '');
      const move = `${formatValue(c.from, c.input.unit, lang)} → ${formatValue(c.to, c.input.unit, lang)}`;
      return `${name} ${move}${paren(formatDelta(n, c.input.unit, lang))}`;
    });
    const fx = effects
      .filter((f) => f.from !== f.to)
      .map(
        (f) =>
          `${f.title[lang]}${lang === 'zh' ? '：' : ': '}${formatValue(f.from, f.unit, lang)} → ${formatValue(f.to, f.unit, lang)}`,
      );
    const sep = lang === 'zh' ? '；' : '; ';
    return parts.join(sep) + (fx.length ? paren(fx.join(sep)) : '');
  };
  return { zh: one('zh'), en: one('en') };
}

export function findGaps(e: CompiledEdition, profile: ProfileInput, asOf: string, ctx: Ctx): Gap[] {
  ctx.reset(profile, asOf);
  const top: CompiledCriterion = {
    id: '',
    title: e.title,
    kind: 'all',
    source: null,
    note: null,
    node: e.checked,
    fast: e.root,
    kids: e.criteria,
    cmp: null,
    actual: null,
  };
  const bench = new Workbench(profile, asOf, ctx, e);
  const all = routes(top, ctx).filter((r) => r.length > 0);
  const leaves = [...new Map(all.flat().map((l) => [l.id, l])).values()];
  // Every leaf's one-input fixes first, then pairs while the budget lasts, so a budget spent on
  // one leaf's pairs never leaves another leaf without a fix.
  const found = new Map(leaves.map((l) => [l.id, singleFixes(l, bench, e)]));
  for (const l of leaves) found.get(l.id)!.push(...pairFixes(l, bench, e));
  const leafFixes = new Map([...found].map(([id, fixes]) => [id, cheapest(fixes)]));
  const gaps: Gap[] = [];
  const seen = new Set<string>();
  for (const route of all) {
    const perLeaf = route.map((leaf) => leafFixes.get(leaf.id)!);
    if (perLeaf.some((f) => f.length === 0)) continue;
    let combos: Fix[][] = [[]];
    for (const fs of perLeaf)
      combos = combos
        .flatMap((c) => fs.slice(0, perLeaf.length === 1 ? FIXES_PER_LEAF : 2).map((f) => [...c, f]))
        .slice(0, 16);
    for (const combo of combos) {
      const changes = merge(combo);
      const key = changes
        .map((c) => `${c.input.key}=${c.to}`)
        .sort()
        .join('&');
      if (seen.has(key) || !bench.qualifies(changes)) continue;
      seen.add(key);
      const before = route.map((l) => (l.actual ?? l.cmp?.lhs)?.ev(ctx));
      const after = bench.with(changes, () => route.map((l) => (l.actual ?? l.cmp?.lhs)?.ev(ctx)));
      const effects: GapEffect[] = route.map((l, i) => ({
        criterion: l.id,
        title: l.title,
        unit: (l.actual ?? l.cmp?.lhs)?.unit ?? null,
        from: before[i] ?? null,
        to: after[i] ?? null,
      }));
      const out: GapChange[] = changes.map((c) => ({
        fact: c.path ?? c.input.key,
        label: c.input.label,
        unit: c.input.unit,
        from: c.from,
        to: c.to,
      }));
      gaps.push({
        changes: out,
        effects,
        effort: Number(effortOf(changes).toPrecision(4)),
        text: describe(changes, effects),
      });
    }
  }
  ctx.reset(profile, asOf);
  return gaps.sort((a, b) => a.effort - b.effort).slice(0, MAX_GAPS);
}

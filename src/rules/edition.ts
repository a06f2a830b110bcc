/**
 * Compiles one edition of a policy: parameters, definitions, score, the criteria tree and the
 * outcome. Any error is a PolicyError that names the file and the line.
 */
import type { Expression } from 'jsep';
import { Ctx } from './context.ts';
import { findOverlap, parseInterval, type BandRow } from './bands.ts';
import { Compiler, type Param, type Scope, type UsedPolicy } from './compile.ts';
import { ExpressionError, parseExpression } from './expression.ts';
import { PolicyError, type LoadedPolicy } from './load.ts';
import * as N from './nodes.ts';
import type { Node } from './nodes.ts';
import type { CriterionDoc, EditionDoc, ParameterDoc, RecognitionDoc, RewardDoc, TrustDoc } from './schema.ts';
import type { FactSchema, Label, Unit } from './types.ts';

export interface CompiledCriterion {
  id: string;
  title: Label;
  kind: 'all' | 'any' | 'test';
  source: string | null;
  note: string | null;
  /** Remembered per profile, for the explain path, which reads every criterion. */
  node: Node;
  /** The same test unremembered, for the verdict path, which short-circuits. */
  fast: Node;
  kids: CompiledCriterion[];
  /** For a comparison: its two sides, shown as actual and required. */
  cmp: { op: string; lhs: Node; rhs: Node } | null;
  actual: Node | null;
}

export interface CompiledScore {
  total: Node;
  max: number;
  categories: { id: string; title: Label; node: Node; max: number }[];
  items: { id: string; title: Label; category: string | null; source: string | null; node: Node; max: number }[];
}

export interface CompiledEdition {
  policyId: string;
  title: Label;
  edition: string;
  from: string;
  to: string | null;
  document: string;
  source: string;
  notes: string | null;
  hash: string;
  /** The verdict: short-circuits, remembers nothing beyond definitions. */
  root: Node;
  /** The same verdict over remembered criteria, for explanations and gaps. */
  checked: Node;
  criteria: CompiledCriterion[];
  score: CompiledScore | null;
  outcome: { node: Node; labels: Record<string, Label> } | null;
  params: ReadonlyMap<string, Param>;
  definitions: ReadonlyMap<string, Node>;
  definitionLabels: ReadonlyMap<string, Label>;
  unknownParameters: string[];
  /** The title's terms, for a recognition policy. */
  recognition: RecognitionDoc | null;
  /** How the money reaches firms, for a reward policy; the outcome is then the amount in yuan. */
  reward: RewardDoc | null;
  /** The least trusted source taken, for every fact and by fact name; and the facts it reads (null: not known). */
  trust: { default: TrustDoc; facts: Readonly<Record<string, TrustDoc>>; reads: ReadonlySet<string> | null };
}

export interface EditionEnv {
  facts: FactSchema;
  /** Hands out memo slots unique across every loaded policy. */
  allocate(): number;
  /** The used policy's compiled edition in force on the context's as-of date. */
  resolve(policyId: string): (c: Ctx) => CompiledEdition | undefined;
}

/** Comparison operators as written → as compiled. */
const COMPARISONS = new Map([
  ['>=', '>='],
  ['>', '>'],
  ['<=', '<='],
  ['<', '<'],
  ['==', '=='],
  ['!=', '!='],
  ['===', '=='],
  ['!==', '!='],
]);

function toRows(rows: [string, number][], fail: (m: string) => never): BandRow[] {
  const out = rows.map(([text, value]) => {
    const iv = parseInterval(text);
    if (typeof iv === 'string') fail(iv);
    return { ...iv, value, text };
  });
  const clash = findOverlap(out);
  if (clash) fail(`bands ${clash[0]} and ${clash[1]} overlap`);
  return out;
}

function toParam(p: ParameterDoc, fail: (m: string) => never): Param {
  if ('value' in p) return { kind: 'value', value: p.value, unit: (p.unit ?? null) as Unit | null };
  if ('bands' in p) return { kind: 'bands', rows: toRows(p.bands, fail) };
  if ('tables' in p) {
    const tables: Record<string, BandRow[]> = {};
    for (const [k, rows] of Object.entries(p.tables)) tables[k] = toRows(rows, fail);
    return { kind: 'tables', tables, otherwise: p.otherwise };
  }
  if ('prefixes' in p) return { kind: 'prefixes', map: p.prefixes };
  return { kind: 'list', values: p.list };
}

export function compileEdition(
  loaded: LoadedPolicy,
  index: number,
  env: EditionEnv,
  overrides: ReadonlyMap<string, ParameterDoc> = new Map(),
): CompiledEdition {
  const doc = loaded.doc;
  const ed: EditionDoc = doc.editions[index]!;
  const base = ['editions', index] as (string | number)[];
  const failAt = (path: (string | number)[], msg: string): never => {
    throw new PolicyError(loaded.file, loaded.lineOf([...base, ...path]), `edition ${ed.edition}: ${msg}`);
  };

  const params = new Map<string, Param>();
  const unknownParameters: string[] = [];
  const rewardRules = ed.reward ? rewardCriteria(ed.reward, env.facts, failAt) : null;
  if (rewardRules) {
    if (ed.parameters?.[REWARD_REGION])
      failAt(['parameters', REWARD_REGION], `${REWARD_REGION} is set from reward.region; use another name`);
    params.set(REWARD_REGION, { kind: 'list', values: [rewardPrefix(ed.reward!.region.code)] });
  }
  for (const [name, p] of Object.entries(ed.parameters ?? {})) {
    const effective = overrides.get(name) ?? p;
    params.set(
      name,
      toParam(effective, (m) => failAt(['parameters', name], `parameter ${name}: ${m}`)),
    );
    if ('value' in effective && effective.value === null) unknownParameters.push(name);
  }

  const defDocs = ed.definitions ?? {};
  const definitions = new Map<string, Node>();
  const definitionLabels = new Map<string, Label>();
  const compiling = new Set<string>();

  const parse = (text: string, path: (string | number)[]): Expression => {
    try {
      return parseExpression(text);
    } catch (e) {
      return failAt(path, exprMessage(text, e));
    }
  };
  const compileText = (
    compiler: Compiler,
    text: string,
    path: (string | number)[],
    want?: 'boolean' | 'number',
  ): Node => {
    const tree = parse(text, path);
    try {
      const n = want === 'boolean' ? compiler.boolean(tree, 'a test') : compiler.compile(tree);
      if (want === 'number' && n.type !== 'number') throw new ExpressionError(`must be a number, not a ${n.type}`);
      return n;
    } catch (e) {
      if (e instanceof PolicyError) throw e;
      return failAt(path, exprMessage(text, e));
    }
  };

  let scoreCache: CompiledScore | null | undefined;
  const usedCache = new Map<string, UsedPolicy>();
  const reads = new Set<string>();
  const scope: Scope = {
    facts: env.facts,
    params,
    reads,
    definition(name) {
      const done = definitions.get(name);
      if (done) return done;
      const d = defDocs[name];
      if (d === undefined) return undefined;
      if (compiling.has(name))
        failAt(['definitions', name], `definition ${name} refers to itself (${[...compiling].join(' → ')} → ${name})`);
      compiling.add(name);
      const text = typeof d === 'string' ? d : d.expr;
      const body = compileText(compiler, text, ['definitions', name]);
      compiling.delete(name);
      const unit = typeof d === 'string' ? null : (d.unit ?? null);
      const node = N.definition(name, env.allocate(), body, unit);
      if (typeof d !== 'string' && d.label) definitionLabels.set(name, d.label);
      definitions.set(name, node);
      return node;
    },
    score(part) {
      if (scoreCache === undefined) scoreCache = compileScore();
      if (!scoreCache) return undefined;
      if (part === null) return scoreCache.total;
      return (
        scoreCache.categories.find((c) => c.id === part)?.node ?? scoreCache.items.find((i) => i.id === part)?.node
      );
    },
    used(alias) {
      const target = ed.uses?.[alias];
      if (!target) return undefined;
      let u = usedCache.get(alias);
      if (!u) {
        const resolve = env.resolve(target);
        const via = (pick: (e: CompiledEdition) => Node | undefined, type: N.VType): Node => {
          const node = (c: Ctx) => {
            const e = resolve(c);
            return e ? pick(e) : undefined;
          };
          const inner: Node = {
            type,
            unit: null,
            ev: (c) => node(c)?.ev(c),
            rg: (c) => node(c)?.rg(c) ?? [-Infinity, Infinity],
            miss: (c, out) => node(c)?.miss(c, out),
            kids: [],
          };
          return N.definition(`${alias}`, env.allocate(), inner, null);
        };
        u = {
          verdict: via((e) => e.root, 'boolean'),
          outcome: via((e) => e.outcome?.node, 'string'),
          score: via((e) => e.score?.total, 'number'),
        };
        usedCache.set(alias, u);
      }
      return u;
    },
  };
  const compiler = new Compiler(scope);

  function compileScore(): CompiledScore | null {
    const s = ed.score;
    if (!s) return null;
    const probe = new Ctx(0); // its memo grows as the probe writes
    probe.probe = true;
    const maxOf = (n: Node) => n.rg(probe.reset({}, ed.from))[1];
    const ids = new Set<string>();
    const items = s.items.map((it, i) => {
      if (ids.has(it.id)) failAt(['score', 'items', i, 'id'], `score item ${it.id} is listed twice`);
      ids.add(it.id);
      if (it.category && !s.categories?.some((c) => c.id === it.category)) {
        failAt(['score', 'items', i, 'category'], `unknown score category ${it.category}`);
      }
      const body = compileText(compiler, it.expr, ['score', 'items', i, 'expr'], 'number');
      const node = N.definition(it.id, env.allocate(), body, 'points');
      return { id: it.id, title: it.title, category: it.category ?? null, source: it.source ?? null, node, max: 0 };
    });
    const sum = (ns: Node[]) => N.total(ns, 'points');
    const categories = (s.categories ?? []).map((c) => {
      const node = N.definition(
        c.id,
        env.allocate(),
        sum(items.filter((i) => i.category === c.id).map((i) => i.node)),
        'points',
      );
      return { id: c.id, title: c.title, node, max: 0 };
    });
    const total = N.definition('score', env.allocate(), sum(items.map((i) => i.node)), 'points');
    for (const i of items) i.max = maxOf(i.node);
    for (const c of categories) c.max = maxOf(c.node);
    return { total, max: maxOf(total), categories, items };
  }

  const seen = new Set<string>();
  const criterion = (c: CriterionDoc, path: (string | number)[]): CompiledCriterion => {
    if (seen.has(c.id)) failAt([...path, 'id'], `criterion id ${c.id} is used twice`);
    seen.add(c.id);
    const common = { id: c.id, title: c.title, source: c.source ?? null, note: c.note ?? null };
    if (c.all || c.any) {
      const kind = c.all ? 'all' : 'any';
      const kids = (c.all ?? c.any)!.map((k, i) => criterion(k, [...path, kind, i]));
      const op = kind === 'all' ? 'and' : 'or';
      const node = N.definition(
        c.id,
        env.allocate(),
        N.logic(
          op,
          kids.map((k) => k.node),
        ),
        null,
      );
      return {
        ...common,
        kind,
        kids,
        node,
        fast: N.logic(
          op,
          kids.map((k) => k.fast),
        ),
        cmp: null,
        actual: null,
      };
    }
    const text = c.test!;
    const tree = parse(text, [...path, 'test']);
    const fast = compileText(compiler, text, [...path, 'test'], 'boolean');
    const actual = c.actual ? compileText(compiler, c.actual, [...path, 'actual']) : null;
    const op = tree.type === 'BinaryExpression' ? COMPARISONS.get(tree.operator as string) : undefined;
    if (!op)
      return {
        ...common,
        kind: 'test',
        kids: [],
        node: N.definition(c.id, env.allocate(), fast, null),
        fast,
        cmp: null,
        actual,
      };
    // The explain path shows the left side as the actual value: remember it, so it is computed once.
    const [left, rhs] = fast.kids as [Node, Node];
    const lhs = left.def ? left : N.definition(`${c.id}.actual`, env.allocate(), left, left.unit);
    const node = N.definition(c.id, env.allocate(), N.comparison(op, lhs, rhs), null);
    const cmp = { op, lhs, rhs };
    return { ...common, kind: 'test', kids: [], node, fast, cmp, actual };
  };
  const criteria = [
    ...(rewardRules ? [criterion(rewardRules.region, ['reward', 'region'])] : []),
    ...ed.criteria.map((c, i) => criterion(c, ['criteria', i])),
    ...(rewardRules ? [criterion(rewardRules.credit, ['reward', 'credit'])] : []),
  ];
  const root = N.logic(
    'and',
    criteria.map((c) => c.fast),
  );
  const checked = N.logic(
    'and',
    criteria.map((c) => c.node),
  );
  // Compile every definition and the score even when no criterion uses them, so errors surface at load.
  for (const name of Object.keys(defDocs)) scope.definition(name);
  const score = scope.score(null) ? scoreCache! : null;
  const outcome = ed.outcome
    ? {
        node: compileText(compiler, ed.outcome.expr, ['outcome', 'expr'], ed.reward ? 'number' : undefined),
        labels: ed.outcome.labels ?? {},
      }
    : null;
  if (ed.reward && !outcome) failAt(['reward'], 'a reward needs an outcome: the amount in yuan');

  return {
    policyId: doc.id,
    title: doc.title,
    edition: ed.edition,
    from: ed.from,
    to: ed.to ?? null,
    document: ed.document,
    source: ed.source,
    notes: ed.notes ?? null,
    hash: loaded.hash,
    root,
    checked,
    criteria,
    score,
    outcome,
    params,
    definitions,
    definitionLabels,
    unknownParameters,
    recognition: checkRecognition(ed, env.facts, failAt),
    reward: ed.reward ?? null,
    // Another policy's reads are not known here: an edition that uses one may read anything.
    trust: { ...trustOf(ed, env.facts, failAt), reads: ed.uses && Object.keys(ed.uses).length ? null : reads },
  };
}

/** What the edition takes on whose word: as written, over the defaults for money and titles. */
function trustOf(ed: EditionDoc, facts: FactSchema, failAt: (path: (string | number)[], msg: string) => never) {
  const named = ed.sources?.facts ?? {};
  for (const name of Object.keys(named))
    if (!(name in facts.scalars || name in facts.yearly || name in facts.lists || name === 'compliance'))
      failAt(['sources', 'facts', name], `"${name}" is not a fact, a yearly fact, a list or compliance`);
  const titles: Record<string, TrustDoc> = ed.recognition ? { honors: 'imported' } : {};
  return {
    default: ed.sources?.default ?? (ed.reward ? 'imported' : 'declared'),
    facts: { ...titles, ...named },
  };
}

/** The code prefix a GB/T 2260 code covers: 320200 (a city) → 3202, 310000 (a province) → 31. */
export const rewardPrefix = (code: string): string => code.replace(/(00){1,2}$/, '');

/** The parameter holding a reward's region, for its generated region criterion. */
const REWARD_REGION = 'rewardRegion';

/**
 * A reward's region and credit check as criteria: registered in the region (first), and none of
 * the adverse records the policy names (last, as `credit`), so screening lists say which failed.
 */
function rewardCriteria(r: RewardDoc, facts: FactSchema, failAt: (path: (string | number)[], msg: string) => never) {
  const known = Object.keys(facts.compliance);
  const region: CriterionDoc = {
    id: 'inRegion',
    title: { zh: `在${r.region.name.zh}注册`, en: `Registered in ${r.region.name.en}` },
    source: r.legalBasis,
    test: `matches(regionCode, ${REWARD_REGION})`,
  };
  const credit: CriterionDoc = {
    id: 'credit',
    title: { zh: '信用审查：无下列不良记录', en: 'Credit check: none of these adverse records' },
    source: r.legalBasis,
    all: r.credit.map((flag, i) => {
      const spec = facts.compliance[flag];
      if (!spec) failAt(['reward', 'credit', i], `"${flag}" is not an adverse record (${known.join(', ')})`);
      return { id: `credit_${flag}`, title: spec!.label, test: `not compliance.${flag}` };
    }),
  };
  return { region, credit };
}

/** The honour a recognition grants must be one the profile can hold. */
function checkRecognition(ed: EditionDoc, facts: FactSchema, failAt: (path: string[], msg: string) => never) {
  const r = ed.recognition;
  if (!r) return null;
  const kinds = facts.lists.honors?.item.kind?.values ?? [];
  if (!kinds.includes(r.honor))
    failAt(['recognition', 'honor'], `honour "${r.honor}" is not a kind of honors (${kinds.join(', ')})`);
  return r;
}

function exprMessage(text: string, e: unknown): string {
  if (e instanceof ExpressionError) {
    const at = e.index !== null ? ` (at character ${e.index + 1})` : '';
    return `in "${text}": ${e.message}${at}`;
  }
  throw e;
}

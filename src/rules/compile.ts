/**
 * Compiles one expression tree to nodes. Names resolve, in order: list-item fields (inside a
 * filter), definitions, parameters, facts, lists, and the built-ins (asOf, Y0…Y12, score,
 * compliance, used policies). Every name is resolved once here, never per profile.
 */
import type { Expression } from 'jsep';
import type { Ctx, Item, Val } from './context.ts';
import { MAX_LOOKBACK } from './context.ts';
import { lookup as bandLookup, overlapping, type BandRow } from './bands.ts';
import { fullYears, yearEnd, yearsBefore } from './dates.ts';
import { prefixMatcher } from './prefixes.ts';
import { ExpressionError } from './expression.ts';
import * as N from './nodes.ts';
import type { Node, Range, VType } from './nodes.ts';
import type { FactSchema, FactSpec, ListSpec, Unit } from './types.ts';

export type Param =
  | { kind: 'value'; value: number | string | boolean | null; unit: Unit | null }
  | { kind: 'bands'; rows: BandRow[] }
  | { kind: 'tables'; tables: Record<string, BandRow[]>; otherwise: number }
  | { kind: 'prefixes'; map: Record<string, string | null> }
  | { kind: 'list'; values: (string | number)[] };

export interface UsedPolicy {
  verdict: Node;
  outcome: Node;
  score: Node;
}

export interface Scope {
  facts: FactSchema;
  params: ReadonlyMap<string, Param>;
  definition(name: string): Node | undefined;
  score(part: string | null): Node | undefined;
  used(alias: string): UsedPolicy | undefined;
  /** Set while compiling a list filter: the list whose items are in scope. */
  list?: { name: string; spec: ListSpec };
  /** Collects the facts read, by name: scalars, yearly facts, lists and `compliance`. */
  reads?: Set<string>;
}

const typeOf = (f: FactSpec): VType =>
  f.type === 'integer' || f.type === 'number' ? 'number' : f.type === 'enum' ? 'string' : f.type;

const domainOf = (f: FactSpec): Range => [f.min ?? -Infinity, f.max ?? Infinity];

function gapInput(f: FactSpec, key: string, path: (c: Ctx) => string): N.GapInput | undefined {
  if (f.gap !== 'up' && f.gap !== 'down') return undefined;
  if (f.type !== 'number' && f.type !== 'integer') return undefined;
  return {
    key,
    label: f.label,
    unit: f.unit ?? null,
    direction: f.gap,
    step: f.step ?? 1,
    integer: f.type === 'integer',
    min: f.min ?? -Infinity,
    max: f.max ?? Infinity,
    path,
    slot: null,
  };
}

function nullish(v: unknown): boolean {
  return v === undefined || v === null;
}

/** Reads one field of a record; absent or null reads as `absent` (unknown unless declared). */
function field(r: Readonly<Record<string, unknown>> | undefined, key: string, absent: Val): Val {
  if (r === undefined) return absent;
  const v = r[key];
  return v === undefined || v === null ? absent : (v as Val);
}

/** A number of years worked out from dates (unknown while any date is), for fullYears() and yearOf(). */
function yearsFromDates(dates: Node[], f: (values: string[]) => number): Node {
  const ev = (c: Ctx): Val => {
    const values = dates.map((d) => d.ev(c));
    return values.some((v) => v === undefined) ? undefined : f(values as string[]);
  };
  return {
    type: 'number',
    unit: 'years',
    ev,
    rg: (c) => {
      const v = ev(c);
      return typeof v === 'number' ? [v, v] : [-Infinity, Infinity];
    },
    miss: (c, out) => {
      if (ev(c) === undefined) for (const d of dates) d.miss(c, out);
    },
    kids: dates,
  };
}

export class Compiler {
  constructor(private readonly scope: Scope) {}

  compile(e: Expression): Node {
    switch (e.type) {
      case 'Literal':
        return this.literal(e);
      case 'Identifier':
        return this.identifier(e.name as string);
      case 'MemberExpression':
        return this.member(e);
      case 'UnaryExpression':
        return this.unary(e.operator as string, e.argument as Expression);
      case 'BinaryExpression':
        return this.binary(e.operator as string, e.left as Expression, e.right as Expression);
      case 'ConditionalExpression': {
        const t = this.boolean(e.test as Expression, 'the condition of ?:');
        const y = this.compile(e.consequent as Expression);
        const n = this.compile(e.alternate as Expression);
        if (y.type !== n.type)
          throw new ExpressionError(`both branches of ?: must have one type (${y.type}, ${n.type})`);
        return N.conditional(t, y, n);
      }
      case 'CallExpression':
        return this.call(e);
      default:
        throw new ExpressionError(`${e.type} is not part of the policy language`);
    }
  }

  boolean(e: Expression, what: string): Node {
    const n = this.compile(e);
    if (n.type !== 'boolean') throw new ExpressionError(`${what} must be true or false, not a ${n.type}`);
    return n;
  }

  private number(e: Expression, what: string): Node {
    const n = this.compile(e);
    if (n.type !== 'number') throw new ExpressionError(`${what} must be a number, not a ${n.type}`);
    return n;
  }

  private literal(e: Expression): Node {
    const v = e.value;
    if (typeof v === 'number') return N.constant(v, 'number');
    if (typeof v === 'boolean') return N.constant(v, 'boolean');
    if (typeof v === 'string') return N.constant(v, /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'date' : 'string');
    throw new ExpressionError(`the literal ${String(e.raw)} is not supported`);
  }

  private identifier(name: string): Node {
    const s = this.scope;
    if (s.list) {
      const field = s.list.spec.item[name];
      if (field) return this.itemField(name, field);
      const derived = s.list.spec.derived?.[name];
      if (derived) return this.derivedField(name, derived);
    }
    const def = s.definition(name);
    if (def) return def;
    const p = s.params.get(name);
    if (p) {
      if (p.kind !== 'value')
        throw new ExpressionError(`parameter ${name} is a table: use it in band(), lookup() or in`);
      if (p.value === null) return N.unknownParameter('number', p.unit);
      return N.constant(
        p.value,
        typeof p.value === 'number' ? 'number' : typeof p.value === 'boolean' ? 'boolean' : 'string',
        p.unit,
      );
    }
    const fact = s.facts.scalars[name];
    if (fact) {
      s.reads?.add(name);
      return {
        ...N.factNode(
          typeOf(fact),
          fact.unit ?? null,
          (c) => field(c.profile, name, fact.absentAs),
          () => name,
          domainOf(fact),
        ),
        input: gapInput(fact, name, () => name),
      };
    }
    if (name === 'asOf') return N.dated('date', (c) => c.asOf);
    if (name === 'score') {
      const sc = s.score(null);
      if (!sc) throw new ExpressionError('this edition has no score');
      return sc;
    }
    if (s.facts.lists[name]) throw new ExpressionError(`${name} is a list: count it with count(${name}, …)`);
    if (/^Y\d+$/.test(name)) throw new ExpressionError(`${name} is a fiscal year: name a fact, e.g. ${name}.revenue`);
    if (s.used(name))
      throw new ExpressionError(`${name} is a policy: use ${name}.qualified, ${name}.outcome or ${name}.score`);
    throw new ExpressionError(`unknown name "${name}"`);
  }

  private itemField(name: string, f: FactSpec): Node {
    const list = this.scope.list!.name;
    return N.factNode(
      typeOf(f),
      f.unit ?? null,
      (c) => field(c.item, name, f.absentAs),
      (c) => `${list}[${c.itemIndex}].${name}`,
      domainOf(f),
    );
  }

  private derivedField(name: string, d: NonNullable<ListSpec['derived']>[string]): Node {
    if ('map' in d) {
      const { from } = d;
      const map = new Map<unknown, number | string>(Object.entries(d.map));
      const read = (c: Ctx): Val => map.get(c.item?.[from]);
      const list = this.scope.list!.name;
      return N.factNode(d.type, null, read, (c) => `${list}[${c.itemIndex}].${from}`, N.FULL);
    }
    const { validFrom, validTo } = d;
    const ev = (c: Ctx): Val => {
      const it = c.item as Item;
      const f = it[validFrom];
      const t = it[validTo];
      if (typeof f === 'string' && f > c.asOf) return false;
      if (typeof t === 'string' && t < c.asOf) return false;
      return nullish(f) || nullish(t) ? undefined : true;
    };
    const list = this.scope.list!.name;
    return {
      type: 'boolean',
      unit: null,
      ev,
      rg: () => [-Infinity, Infinity],
      miss: (c, out) => {
        if (ev(c) !== undefined) return;
        const it = c.item as Item;
        if (nullish(it[validFrom])) out.add(`${list}[${c.itemIndex}].${validFrom}`);
        if (nullish(it[validTo])) out.add(`${list}[${c.itemIndex}].${validTo}`);
      },
      kids: [],
    };
  }

  private member(e: Expression): Node {
    const obj = e.object as Expression;
    const prop = e.property as Expression;
    if (e.computed || obj.type !== 'Identifier' || prop.type !== 'Identifier') {
      throw new ExpressionError('only name.name is allowed (e.g. Y1.revenue, compliance.seriousDishonesty)');
    }
    const o = obj.name as string;
    const p = prop.name as string;
    const year = /^Y(\d+)$/.exec(o);
    if (year) {
      const n = Number(year[1]);
      if (n > MAX_LOOKBACK) throw new ExpressionError(`${o} looks back further than ${MAX_LOOKBACK} years`);
      const f = this.scope.facts.yearly[p];
      if (!f)
        throw new ExpressionError(
          `unknown yearly fact "${p}" (known: ${Object.keys(this.scope.facts.yearly).join(', ')})`,
        );
      this.scope.reads?.add(p);
      const path = (c: Ctx) => `years.${c.yearKey[n]}.${p}`;
      const read = (c: Ctx) => field(c.yearGen[n] === c.gen ? c.yearVal[n] : c.year(n), p, undefined);
      return {
        ...N.factNode(typeOf(f), f.unit ?? null, read, path, domainOf(f)),
        input: gapInput(f, `Y${n}.${p}`, path),
      };
    }
    if (o === 'compliance') {
      const f = this.scope.facts.compliance[p];
      if (!f) throw new ExpressionError(`unknown compliance flag "${p}"`);
      this.scope.reads?.add('compliance');
      const absent = f.absentAs;
      return N.factNode(
        'boolean',
        null,
        (c) => field(c.profile.compliance, p, absent),
        () => `compliance.${p}`,
        [0, 1],
      );
    }
    if (o === 'score') {
      const sc = this.scope.score(p);
      if (!sc) throw new ExpressionError(`score has no category or item "${p}"`);
      return sc;
    }
    const used = this.scope.used(o);
    if (used) {
      if (p === 'qualified') return used.verdict;
      if (p === 'outcome') return used.outcome;
      if (p === 'score') return used.score;
      throw new ExpressionError(`${o}.${p}: a used policy offers qualified, outcome and score`);
    }
    throw new ExpressionError(`unknown name "${o}"`);
  }

  private unary(op: string, arg: Expression): Node {
    if (op === '-') return N.negate(this.number(arg, 'the operand of -'));
    if (op === '+') return this.number(arg, 'the operand of +');
    if (op === 'not' || op === '!') return N.not(this.boolean(arg, `the operand of ${op}`));
    throw new ExpressionError(`unknown operator ${op}`);
  }

  private binary(op: string, l: Expression, r: Expression): Node {
    if (op === 'and' || op === '&&' || op === 'or' || op === '||') {
      const kind = op === 'and' || op === '&&' ? 'and' : 'or';
      return N.logic(kind, [this.boolean(l, `the left side of ${op}`), this.boolean(r, `the right side of ${op}`)]);
    }
    if (op === 'in') {
      const a = this.compile(l);
      return N.membership(a, this.options(r));
    }
    if (['+', '-', '*', '/', '**'].includes(op)) {
      const a = this.number(l, `the left side of ${op}`);
      const b = this.number(r, `the right side of ${op}`);
      // Money over money is a ratio; a sum keeps its parts' unit; anything else is unitless.
      const same = a.unit !== null && a.unit === b.unit;
      const unit = op === '/' ? (same ? 'ratio' : null) : op === '+' || op === '-' ? (a.unit ?? b.unit) : null;
      return N.arithmetic(op, a, b, unit);
    }
    const cmp = op === '===' ? '==' : op === '!==' ? '!=' : op;
    if (N.compare[cmp]) {
      const a = this.compile(l);
      const b = this.compile(r);
      const kinds = new Set([a.type, b.type]);
      const ok = kinds.size === 1 || (kinds.has('date') && kinds.has('string'));
      if (!ok) throw new ExpressionError(`${op} compares a ${a.type} with a ${b.type}`);
      if (a.type === 'boolean' && cmp !== '==' && cmp !== '!=')
        throw new ExpressionError(`${op} does not order true and false`);
      return N.comparison(cmp, a, b);
    }
    throw new ExpressionError(`unknown operator ${op}`);
  }

  /** The right side of `in`: an array literal or a list parameter. */
  private options(r: Expression): (string | number)[] {
    if (r.type === 'ArrayExpression') {
      return (r.elements as Expression[]).map((el) => {
        if (el?.type !== 'Literal' || (typeof el.value !== 'string' && typeof el.value !== 'number')) {
          throw new ExpressionError('the list after in holds only numbers and quoted strings');
        }
        return el.value;
      });
    }
    if (r.type === 'Identifier') {
      const p = this.scope.params.get(r.name as string);
      if (p?.kind === 'list') return p.values;
    }
    throw new ExpressionError("in takes a list: ['a', 'b'] or a list parameter");
  }

  private call(e: Expression): Node {
    const callee = e.callee as Expression;
    if (callee.type !== 'Identifier') throw new ExpressionError('only named functions can be called');
    const name = callee.name as string;
    const args = e.arguments as Expression[];
    const arity = (min: number, max = min) => {
      if (args.length < min || args.length > max) {
        throw new ExpressionError(
          `${name}() takes ${min === max ? min : `${min} to ${max}`} argument(s), got ${args.length}`,
        );
      }
    };
    switch (name) {
      case 'count':
      case 'sum':
      case 'exists': {
        arity(name === 'sum' ? 2 : 1, name === 'sum' ? 3 : 2);
        const list = this.listArg(args[0]!, name);
        const inner = new Compiler({
          ...this.scope,
          list: { name: list.name, spec: this.scope.facts.lists[list.name]! },
        });
        const value = name === 'sum' ? inner.number(args[1]!, 'the value summed') : null;
        const filterArg = name === 'sum' ? args[2] : args[1];
        const filter = filterArg ? inner.boolean(filterArg, 'a filter') : null;
        const agg = N.aggregate(name === 'sum' ? 'sum' : 'count', list, value, filter);
        return name === 'exists' ? N.comparison('>=', agg, N.constant(1, 'number')) : agg;
      }
      case 'max':
      case 'min': {
        if (args.length < 1) throw new ExpressionError(`${name}() needs at least one argument`);
        return N.extreme(
          name,
          args.map((a, i) => this.number(a, `argument ${i + 1} of ${name}()`)),
        );
      }
      case 'floor':
      case 'ceil':
      case 'round':
      case 'abs':
        arity(1);
        return N.mathFn(name, this.number(args[0]!, `the argument of ${name}()`));
      case 'band':
        arity(2, 3);
        return this.band(args);
      case 'lookup': {
        arity(2);
        const match = prefixMatcher(this.paramOf(args[0]!, 'prefixes', 'lookup').map);
        return this.codeNode(args[1]!, 'lookup', 'string', (k) => match(k) ?? '');
      }
      case 'matches': {
        arity(2);
        const list = this.paramOf(args[1]!, 'list', 'matches');
        const match = prefixMatcher(Object.fromEntries(list.values.map((v) => [String(v), true])));
        return this.codeNode(args[0]!, 'matches', 'boolean', (k) => match(k) === true);
      }
      case 'yearEnd': {
        arity(1);
        const n = this.yearOffset(args[0]!, name);
        return N.dated('date', (c) => yearEnd(c.asOfYear - n));
      }
      case 'yearsAgo': {
        arity(1);
        const n = this.yearOffset(args[0]!, name);
        return N.dated('date', (c) => yearsBefore(c.asOf, n));
      }
      case 'year': {
        arity(1);
        const n = this.yearOffset(args[0]!, name);
        return N.dated('number', (c) => c.asOfYear - n);
      }
      case 'fullYears': {
        arity(2);
        const from = this.compile(args[0]!);
        const to = this.compile(args[1]!);
        if (from.type !== 'date' || to.type !== 'date')
          throw new ExpressionError('fullYears(from, to) takes two dates');
        return yearsFromDates([from, to], ([f, t]) => fullYears(f!, t!));
      }
      case 'yearOf': {
        arity(1);
        const d = this.compile(args[0]!);
        if (d.type !== 'date') throw new ExpressionError('yearOf(date) takes a date');
        return yearsFromDates([d], ([v]) => Number(v!.slice(0, 4)));
      }
      default:
        throw new ExpressionError(`unknown function ${name}()`);
    }
  }

  /** A value derived from a code (industry, region) through a prepared matcher. */
  private codeNode(arg: Expression, fn: string, type: VType, f: (code: string) => Val): Node {
    const code = this.compile(arg);
    if (code.type !== 'string') throw new ExpressionError(`${fn}() takes a code (a string)`);
    const ev = (c: Ctx): Val => {
      const k = code.ev(c);
      return k === undefined ? undefined : f(k as string);
    };
    return { type, unit: null, ev, rg: () => N.FULL, miss: (c, out) => code.miss(c, out), kids: [code] };
  }

  /** A whole number of years back: a literal, or a parameter holding one (e.g. lookbackYears). */
  private yearOffset(e: Expression, fn: string): number {
    const p = e.type === 'Identifier' ? this.scope.params.get(e.name as string) : undefined;
    const v = e.type === 'Literal' ? e.value : p?.kind === 'value' ? p.value : undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new ExpressionError(
        `${fn}() takes a whole number of years back, or a parameter holding one, e.g. ${fn}(1)`,
      );
    }
    return v;
  }

  private listArg(e: Expression, fn: string): N.ListNode {
    const name = e.type === 'Identifier' ? (e.name as string) : '';
    if (!this.scope.facts.lists[name]) {
      throw new ExpressionError(`${fn}() counts a list (${Object.keys(this.scope.facts.lists).join(', ')})`);
    }
    this.scope.reads?.add(name);
    return { name };
  }

  private paramOf<K extends Param['kind']>(e: Expression, kind: K, fn: string): Extract<Param, { kind: K }> {
    const name = e.type === 'Identifier' ? (e.name as string) : '';
    const p = this.scope.params.get(name);
    if (!p || p.kind !== kind) throw new ExpressionError(`${fn}() needs a ${kind} parameter as its first argument`);
    return p as Extract<Param, { kind: K }>;
  }

  private band(args: Expression[]): Node {
    const name = args[0]!.type === 'Identifier' ? (args[0]!.name as string) : '';
    const p = this.scope.params.get(name);
    if (!p || (p.kind !== 'bands' && p.kind !== 'tables')) {
      throw new ExpressionError('band() needs a band-table parameter as its first argument');
    }
    const x = this.number(args[1]!, 'the value placed in a band');
    if (p.kind === 'bands') {
      if (args.length !== 2) throw new ExpressionError(`${name} is a single table: band(${name}, value)`);
      return bandNode(p.rows, x, null);
    }
    if (args.length !== 3) throw new ExpressionError(`${name} has one table per key: band(${name}, value, key)`);
    const key = this.compile(args[2]!);
    if (key.type !== 'string') throw new ExpressionError('the key of band() is a string');
    return bandNode(
      (c) => {
        const k = key.ev(c);
        if (k === undefined) return undefined;
        return p.tables[k as string] ?? p.otherwise;
      },
      x,
      key,
    );
  }
}

/**
 * band(table, x): a fixed table, or one chosen by a key per profile; a key with no table gives
 * `otherwise` without reading x.
 */
function bandNode(source: BandRow[] | ((c: Ctx) => BandRow[] | number | undefined), x: Node, key: Node | null): Node {
  const fixed = Array.isArray(source) ? source : undefined;
  const table = fixed ? () => fixed : (source as (c: Ctx) => BandRow[] | number | undefined);
  const rg = (c: Ctx): Range => {
    const t = table(c);
    if (t === undefined) return [-Infinity, Infinity];
    if (typeof t === 'number') return [t, t];
    const [lo, hi] = x.rg(c);
    const rows = overlapping(t, lo, hi);
    if (rows.length === 0) return [-Infinity, Infinity];
    return [Math.min(...rows.map((r) => r.value)), Math.max(...rows.map((r) => r.value))];
  };
  const byRange = (c: Ctx): Val => {
    const [lo, hi] = rg(c);
    return lo === hi ? lo : undefined;
  };
  // A fixed table is looked up without asking for the table first.
  const ev = fixed
    ? (c: Ctx): Val => {
        const v = x.ev(c) as number | undefined;
        return v === undefined ? byRange(c) : bandLookup(fixed, v)?.value;
      }
    : (c: Ctx): Val => {
        const t = table(c);
        if (t === undefined || typeof t === 'number') return t;
        const v = x.ev(c);
        return v === undefined ? byRange(c) : bandLookup(t, v as number)?.value;
      };
  return {
    type: 'number',
    unit: 'points',
    ev,
    rg,
    miss: (c, out) => {
      if (ev(c) !== undefined) return;
      if (key && key.ev(c) === undefined) key.miss(c, out);
      else x.miss(c, out);
    },
    kids: key ? [x, key] : [x],
  };
}

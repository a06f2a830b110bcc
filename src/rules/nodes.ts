/**
 * Compiled expression nodes: closures over a context. Each node has a fast value path (`ev`) that
 * short-circuits three-valued logic, an interval path (`rg`) used only when an operand is unknown
 * (so "score ≥ 60" can be decided while one indicator is still missing), and `miss`, which names
 * the unknown facts that could still change the node's value.
 */
import type { Ctx, Item, Val } from './context.ts';
import type { Label, Unit } from './types.ts';

export type VType = 'number' | 'boolean' | 'string' | 'date' | 'list';
export type Range = readonly [number, number];

export const FULL: Range = [-Infinity, Infinity];

/** A fact the gap search may move: a profile path, or a named count preset in its memo slot. */
export interface GapInput {
  key: string;
  label: Label;
  unit: Unit | null;
  direction: 'up' | 'down';
  step: number;
  integer: boolean;
  min: number;
  max: number;
  /** Profile path for the current as-of, or null when this input is a definition slot. */
  path(c: Ctx): string | null;
  slot: number | null;
}

export interface Node {
  type: VType;
  unit: Unit | null;
  ev(c: Ctx): Val;
  rg(c: Ctx): Range;
  miss(c: Ctx, out: Set<string>): void;
  kids: readonly Node[];
  /** Set on nodes the gap search can move. */
  input?: GapInput;
  /** Set on literals and parameters, so comparisons can capture the value. */
  constant?: number | boolean | string;
  /** Set on definitions: their own slot and whether the gap search treats them as one input. */
  def?: { name: string; slot: number };
  list?: ListNode;
}

export interface ListNode {
  name: string;
}

const EMPTY: readonly Item[] = [];
/** An absent list means none declared. */
const itemsOf = (c: Ctx, name: string): readonly Item[] => (c.profile[name] as readonly Item[] | undefined) ?? EMPTY;

const eps = (a: number, b: number) =>
  a === b ||
  (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)));

/** Comparisons tolerate floating-point noise (0.1 + 0.2 ≥ 0.3 holds) but not a yuan at ¥10亿. */
export const compare: Record<string, (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b || eps(a, b),
  '>': (a, b) => a > b && !eps(a, b),
  '<=': (a, b) => a <= b || eps(a, b),
  '<': (a, b) => a < b && !eps(a, b),
  '==': (a, b) => a === b || eps(a, b),
  '!=': (a, b) => a !== b && !eps(a, b),
};

function missKids(kids: readonly Node[]) {
  return (c: Ctx, out: Set<string>) => {
    for (const k of kids) k.miss(c, out);
  };
}

export function constant(value: number | boolean | string, type: VType, unit: Unit | null = null): Node {
  const r: Range = typeof value === 'number' ? [value, value] : FULL;
  return { type, unit, ev: () => value, rg: () => r, miss: () => {}, kids: [], constant: value };
}

/** A value that depends only on the as-of date (asOf, year(n), yearEnd(n)): never unknown. */
export function dated(type: VType, ev: (c: Ctx) => number | string): Node {
  return {
    type,
    unit: null,
    ev,
    rg: (c) => {
      const v = ev(c);
      return typeof v === 'number' ? [v, v] : FULL;
    },
    miss: () => {},
    kids: [],
  };
}

/** A value that is not known to the policy (a threshold the sources leave open). */
export function unknownParameter(type: VType, unit: Unit | null): Node {
  return { type, unit, ev: () => undefined, rg: () => FULL, miss: () => {}, kids: [] };
}

/** A fact read by `read`, which already gives undefined for unknown (or the declared default). */
export function factNode(
  type: VType,
  unit: Unit | null,
  read: (c: Ctx) => Val,
  path: (c: Ctx) => string,
  domain: Range,
): Node {
  return {
    type,
    unit,
    ev: read,
    rg: (c) => {
      const v = read(c);
      return typeof v === 'number' ? [v, v] : domain;
    },
    miss: (c, out) => {
      if (read(c) === undefined) out.add(path(c));
    },
    kids: [],
  };
}

export function arithmetic(op: string, a: Node, b: Node, unit: Unit | null): Node {
  const f: (x: number, y: number) => number =
    op === '+'
      ? (x, y) => x + y
      : op === '-'
        ? (x, y) => x - y
        : op === '*'
          ? (x, y) => x * y
          : op === '/'
            ? (x, y) => {
                const q = x / y;
                return Number.isNaN(q) ? 0 : q; // 0 / 0 reads as a zero ratio
              }
            : (x, y) => x ** y;
  // Division, the ratio of two facts, gets its own closure so the operation is inlined.
  const ev =
    op === '/'
      ? (c: Ctx): Val => {
          const x = a.ev(c) as number | undefined;
          if (x === undefined) return undefined;
          const y = b.ev(c) as number | undefined;
          if (y === undefined) return undefined;
          const q = x / y;
          return q === q ? q : 0; // 0 / 0 reads as a zero ratio
        }
      : (c: Ctx): Val => {
          const x = a.ev(c);
          if (x === undefined) return undefined;
          const y = b.ev(c);
          if (y === undefined) return undefined;
          return f(x as number, y as number);
        };
  const rg = (c: Ctx): Range => {
    const [al, ah] = a.rg(c);
    const [bl, bh] = b.rg(c);
    if (op === '+') return [al + bl, ah + bh];
    if (op === '-') return [al - bh, ah - bl];
    if (op === '/' && bl <= 0 && bh >= 0) return FULL;
    // A power's end points bound it only for a non-negative base and finite operands.
    if (op === '**' && (al < 0 || ![al, ah, bl, bh].every(Number.isFinite))) return FULL;
    const ps = [f(al, bl), f(al, bh), f(ah, bl), f(ah, bh)].map((p) => (Number.isNaN(p) ? 0 : p));
    return [Math.min(...ps), Math.max(...ps)];
  };
  return { type: 'number', unit, ev, rg, miss: missKids([a, b]), kids: [a, b] };
}

/** The sum of many parts (a score from its items): decided by range when a part is unknown. */
export function total(parts: readonly Node[], unit: Unit | null): Node {
  const rg = (c: Ctx): Range => {
    let lo = 0;
    let hi = 0;
    for (const p of parts) {
      const [l, h] = p.rg(c);
      lo += l;
      hi += h;
    }
    return [lo, hi];
  };
  const ev = (c: Ctx): Val => {
    let sum = 0;
    for (let i = 0; i < parts.length; i++) {
      const v = parts[i]!.ev(c);
      if (v === undefined) {
        const [lo, hi] = rg(c);
        return lo === hi ? lo : undefined;
      }
      sum += v as number;
    }
    return sum;
  };
  return { type: 'number', unit, ev, rg, miss: missKids(parts), kids: parts };
}

export function negate(a: Node): Node {
  return {
    type: 'number',
    unit: a.unit,
    ev: (c) => {
      const x = a.ev(c);
      return x === undefined ? undefined : -(x as number);
    },
    rg: (c) => {
      const [l, h] = a.rg(c);
      return [-h, -l];
    },
    miss: missKids([a]),
    kids: [a],
  };
}

export function comparison(op: string, a: Node, b: Node): Node {
  const numeric = a.type === 'number' && b.type === 'number';
  const cmp = compare[op];
  if (!cmp) throw new Error(`unknown comparison ${op}`);
  /** Decided from the ranges when an operand is unknown: only if every possible pair agrees. */
  const byRange = (c: Ctx): Val => {
    if (!numeric) return undefined;
    const [al, ah] = a.rg(c);
    const [bl, bh] = b.rg(c);
    const all = cmp(al, bh) && cmp(ah, bl) && cmp(al, bl) && cmp(ah, bh);
    if (all) return true;
    const none = !cmp(al, bh) && !cmp(ah, bl) && !cmp(al, bl) && !cmp(ah, bh);
    return none ? false : undefined;
  };
  const k = b.constant;
  let ev: (c: Ctx) => Val;
  if (numeric && typeof k === 'number') {
    // The common shape "fact ≥ threshold": the threshold is captured, and each operator is its
    // own closure so that V8 inlines the comparison instead of calling through a shared site.
    switch (op) {
      case '>=':
        ev = (c) => {
          const x = a.ev(c) as number | undefined;
          return x === undefined ? byRange(c) : x >= k || eps(x, k);
        };
        break;
      case '<=':
        ev = (c) => {
          const x = a.ev(c) as number | undefined;
          return x === undefined ? byRange(c) : x <= k || eps(x, k);
        };
        break;
      case '>':
        ev = (c) => {
          const x = a.ev(c) as number | undefined;
          return x === undefined ? byRange(c) : x > k && !eps(x, k);
        };
        break;
      case '<':
        ev = (c) => {
          const x = a.ev(c) as number | undefined;
          return x === undefined ? byRange(c) : x < k && !eps(x, k);
        };
        break;
      default:
        ev = (c) => {
          const x = a.ev(c);
          return x === undefined ? byRange(c) : cmp(x as number, k);
        };
    }
  } else {
    ev = (c) => {
      const x = a.ev(c);
      const y = b.ev(c);
      if (x !== undefined && y !== undefined) {
        if (numeric) return cmp(x as number, y as number);
        if (op === '==') return x === y;
        if (op === '!=') return x !== y;
        return cmp(x < y ? -1 : x > y ? 1 : 0, 0); // dates and strings compare in order
      }
      return byRange(c);
    };
  }
  return {
    type: 'boolean',
    unit: null,
    ev,
    rg: () => FULL,
    miss: (c, out) => {
      if (ev(c) === undefined) missKids([a, b])(c, out);
    },
    kids: [a, b],
  };
}

export function membership(a: Node, options: readonly (string | number)[]): Node {
  const set = new Set<unknown>(options);
  const ev = (c: Ctx): Val => {
    const x = a.ev(c);
    return x === undefined ? undefined : set.has(x);
  };
  return {
    type: 'boolean',
    unit: null,
    ev,
    rg: () => FULL,
    miss: (c, out) => {
      if (ev(c) === undefined) a.miss(c, out);
    },
    kids: [a],
  };
}

/** Kleene AND / OR over any number of operands, short-circuiting on the deciding value. */
export function logic(op: 'and' | 'or', kids: readonly Node[]): Node {
  const decisive = op === 'or';
  let ev: (c: Ctx) => Val;
  if (kids.length === 2) {
    const [p, q] = kids as [Node, Node];
    ev = (c) => {
      const x = p.ev(c);
      if (x === decisive) return decisive;
      const y = q.ev(c);
      if (y === decisive) return decisive;
      return x === undefined || y === undefined ? undefined : !decisive;
    };
  } else {
    ev = (c) => {
      let unknown = false;
      for (let i = 0; i < kids.length; i++) {
        const v = kids[i]!.ev(c);
        if (v === decisive) return decisive;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : !decisive;
    };
  }
  return {
    type: 'boolean',
    unit: null,
    ev,
    rg: () => FULL,
    miss: (c, out) => {
      if (ev(c) !== undefined) return;
      for (const k of kids) if (k.ev(c) === undefined) k.miss(c, out);
    },
    kids,
  };
}

export function not(a: Node): Node {
  return {
    type: 'boolean',
    unit: null,
    ev: (c) => {
      const v = a.ev(c);
      return v === undefined ? undefined : !v;
    },
    rg: () => FULL,
    miss: missKids([a]),
    kids: [a],
  };
}

export function conditional(test: Node, yes: Node, no: Node): Node {
  const ev = (c: Ctx): Val => {
    const t = test.ev(c);
    if (t === true) return yes.ev(c);
    if (t === false) return no.ev(c);
    const y = yes.ev(c);
    return y !== undefined && y === no.ev(c) ? y : undefined;
  };
  return {
    type: yes.type,
    unit: yes.unit ?? no.unit,
    ev,
    rg: (c) => {
      const t = test.ev(c);
      if (t === true) return yes.rg(c);
      if (t === false) return no.rg(c);
      const [yl, yh] = yes.rg(c);
      const [nl, nh] = no.rg(c);
      return [Math.min(yl, nl), Math.max(yh, nh)];
    },
    miss: (c, out) => {
      if (ev(c) !== undefined) return;
      const t = test.ev(c);
      if (t === undefined) test.miss(c, out);
      if (t !== false) yes.miss(c, out);
      if (t !== true) no.miss(c, out);
    },
    kids: [test, yes, no],
  };
}

/** max / min: decided when the known operands already bound the result. */
export function extreme(kind: 'max' | 'min', args: readonly Node[]): Node {
  const better = kind === 'max' ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
  const rg = (c: Ctx): Range => {
    let lo = kind === 'max' ? -Infinity : Infinity;
    let hi = lo;
    for (const a of args) {
      const [l, h] = a.rg(c);
      lo = kind === 'max' ? Math.max(lo, l) : Math.min(lo, l);
      hi = kind === 'max' ? Math.max(hi, h) : Math.min(hi, h);
    }
    return [lo, hi];
  };
  const [p, q] = args;
  const byRange = (c: Ctx): Val => {
    const [lo, hi] = rg(c);
    return lo === hi ? lo : undefined;
  };
  // The usual "better of two" gets one closure per kind, so the comparison is inlined.
  const pair =
    args.length !== 2
      ? undefined
      : kind === 'max'
        ? (c: Ctx): Val => {
            const x = p!.ev(c) as number | undefined;
            const y = q!.ev(c) as number | undefined;
            return x === undefined || y === undefined ? byRange(c) : x >= y ? x : y;
          }
        : (c: Ctx): Val => {
            const x = p!.ev(c) as number | undefined;
            const y = q!.ev(c) as number | undefined;
            return x === undefined || y === undefined ? byRange(c) : x <= y ? x : y;
          };
  const ev =
    pair ??
    ((c: Ctx): Val => {
      let best: number | undefined;
      let unknown = false;
      for (let i = 0; i < args.length; i++) {
        const v = args[i]!.ev(c) as number | undefined;
        if (v === undefined) unknown = true;
        else if (best === undefined || better(v, best)) best = v;
      }
      return unknown ? byRange(c) : best;
    });
  return {
    type: 'number',
    unit: args[0]?.unit ?? null,
    ev,
    rg,
    miss: (c, out) => {
      if (ev(c) === undefined) missKids(args)(c, out);
    },
    kids: args,
  };
}

export function mathFn(name: 'floor' | 'ceil' | 'round' | 'abs', a: Node): Node {
  const f = Math[name];
  return {
    type: 'number',
    unit: a.unit,
    ev: (c) => {
      const v = a.ev(c);
      return v === undefined ? undefined : f(v as number);
    },
    rg: (c) => {
      const [l, h] = a.rg(c);
      if (name === 'abs') return l >= 0 ? [l, h] : h <= 0 ? [-h, -l] : [0, Math.max(-l, h)];
      return [f(l), f(h)];
    },
    miss: missKids([a]),
    kids: [a],
  };
}

/**
 * count(list, filter) / sum(list, value, filter): an item whose filter is unknown widens the
 * range instead of making the whole count unknown.
 */
export function aggregate(kind: 'count' | 'sum', list: ListNode, value: Node | null, filter: Node | null): Node {
  const name = list.name;
  const ev = (c: Ctx): Val => {
    if (c.probe) return undefined;
    const items = itemsOf(c, name);
    const saved = c.item;
    let total = 0;
    let unknown = false;
    for (let i = 0; i < items.length; i++) {
      c.item = items[i];
      const pass = filter ? filter.ev(c) : true;
      if (pass === false) continue;
      const v = kind === 'count' ? 1 : (value!.ev(c) as number | undefined);
      if (pass === undefined || v === undefined) unknown = true;
      else total += v;
    }
    c.item = saved;
    if (!unknown) return total;
    const [lo, hi] = rg(c);
    return lo === hi ? lo : undefined;
  };
  const rg = (c: Ctx): Range => {
    if (c.probe) return kind === 'count' ? [0, Infinity] : FULL;
    const items = itemsOf(c, name);
    const saved = c.item;
    let lo = 0;
    let hi = 0;
    for (const it of items) {
      c.item = it;
      const pass = filter ? filter.ev(c) : true;
      if (pass === false) continue;
      const [vl, vh] = kind === 'count' ? [1, 1] : value!.rg(c);
      if (pass === true) {
        lo += vl;
        hi += vh;
      } else {
        lo += Math.min(0, vl);
        hi += Math.max(0, vh);
      }
    }
    c.item = saved;
    return [lo, hi];
  };
  return {
    type: 'number',
    unit: kind === 'count' ? 'items' : (value?.unit ?? null),
    ev,
    rg,
    miss: (c, out) => {
      if (ev(c) !== undefined) return;
      const saved = c.item;
      const items = itemsOf(c, name);
      for (let i = 0; i < items.length; i++) {
        c.item = items[i];
        c.itemIndex = i;
        const pass = filter ? filter.ev(c) : true;
        if (pass === undefined) filter!.miss(c, out);
        if (pass !== false && value && value.ev(c) === undefined) value.miss(c, out);
      }
      c.item = saved;
    },
    kids: [value, filter].filter((n): n is Node => n !== null),
    list,
  };
}

/** A named derived value, computed once per profile and remembered in its slot. */
export function definition(name: string, slot: number, body: Node, unit: Unit | null): Node {
  const ev = (c: Ctx): Val => {
    return c.memoGen[slot] === c.gen ? c.memoVal[slot] : c.remember(slot, body.ev(c));
  };
  return {
    type: body.type,
    unit: unit ?? body.unit,
    ev,
    rg: (c) => {
      const v = ev(c);
      return typeof v === 'number' ? [v, v] : body.rg(c);
    },
    miss: (c, out) => {
      if (ev(c) === undefined) body.miss(c, out);
    },
    kids: [body],
    def: { name, slot },
  };
}

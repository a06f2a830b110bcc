/**
 * The policy set: compiled policies by id, the edition in force on a date, and the two ways to
 * evaluate — `quick` (verdict, outcome, score; no allocation per profile when a context is reused)
 * and `evaluate` (the full explanation, missing facts and gaps).
 */
import { Ctx } from './context.ts';
import { compileEdition, type CompiledEdition } from './edition.ts';
import { explain } from './explain.ts';
import { PolicyError, type LoadedPolicy } from './load.ts';
import type { ParameterDoc, RecognitionDoc } from './schema.ts';
import type { Evaluation, FactSchema, PolicySummary, ProfileInput, Verdict } from './types.ts';

export class EngineError extends Error {
  constructor(
    readonly code: 'unknown_policy' | 'no_edition' | 'bad_date' | 'not_recognition',
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

interface Entry {
  loaded: LoadedPolicy;
  editions: CompiledEdition[];
  /** as-of date → edition, since batches ask the same date again and again. */
  byDate: Map<string, CompiledEdition | undefined>;
}

export interface Quick {
  verdict: Verdict;
  outcome: string | number | null;
  score: number | null;
}

/** What a screening keeps per firm: the quick result, the top-level criteria not met, the facts missing. */
export interface Screened extends Quick {
  failed: string[];
  missing: string[];
}

export interface Screener {
  edition: CompiledEdition;
  verdict(profile: ProfileInput): Verdict;
  quick(profile: ProfileInput): Quick;
  screen(profile: ProfileInput): Screened;
  explain(profile: ProfileInput, opts?: { gaps?: boolean }): Evaluation;
}

const toVerdict = (v: unknown): Verdict => (v === true ? 'qualified' : v === false ? 'not_qualified' : 'undetermined');

export class PolicySet {
  private readonly entries = new Map<string, Entry>();
  private slots = 0;

  constructor(readonly facts: FactSchema) {}

  add(loaded: LoadedPolicy, overrides?: ReadonlyMap<string, ParameterDoc>): void {
    const { doc, file } = loaded;
    if (this.entries.has(doc.id))
      throw new PolicyError(file, loaded.lineOf(['id']), `policy ${doc.id} is already loaded`);
    const env = {
      facts: this.facts,
      allocate: () => this.slots++,
      resolve: (id: string) => (c: Ctx) => this.editionOrUndefined(id, c.asOf),
    };
    const editions = doc.editions.map((_, i) => compileEdition(loaded, i, env, overrides));
    const sorted = [...editions].sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      if (prev.to === null || prev.to >= sorted[i]!.from) {
        throw new PolicyError(
          file,
          loaded.lineOf(['editions']),
          `editions ${prev.edition} and ${sorted[i]!.edition} overlap in time`,
        );
      }
    }
    this.entries.set(doc.id, { loaded, editions: sorted, byDate: new Map() });
  }

  /** Checks every `uses` names a loaded policy and that no policy uses itself through others. */
  link(): void {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (id: string, trail: string[]) => {
      if (done.has(id)) return;
      if (visiting.has(id)) {
        const e = this.entries.get(trail[0]!)!;
        throw new PolicyError(
          e.loaded.file,
          e.loaded.lineOf(['editions']),
          `policies use each other in a cycle: ${[...trail, id].join(' → ')}`,
        );
      }
      visiting.add(id);
      const entry = this.entries.get(id)!;
      entry.loaded.doc.editions.forEach((ed, i) => {
        for (const target of Object.values(ed.uses ?? {})) {
          if (!this.entries.has(target)) {
            throw new PolicyError(
              entry.loaded.file,
              entry.loaded.lineOf(['editions', i, 'uses']),
              `uses unknown policy ${target}`,
            );
          }
          visit(target, [...trail, id]);
        }
      });
      visiting.delete(id);
      done.add(id);
    };
    for (const id of this.entries.keys()) visit(id, []);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  ids(): string[] {
    return [...this.entries.keys()].sort();
  }

  loaded(id: string): LoadedPolicy {
    return this.entry(id).loaded;
  }

  summaries(): PolicySummary[] {
    return this.ids().map((id) => {
      const { loaded, editions } = this.entry(id);
      return {
        id,
        kind: loaded.doc.kind,
        title: loaded.doc.title,
        issuer: loaded.doc.issuer,
        file: loaded.file,
        hash: loaded.hash,
        editions: editions.map((e) => ({
          edition: e.edition,
          from: e.from,
          to: e.to,
          document: e.document,
          source: e.source,
        })),
      };
    });
  }

  private entry(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw new EngineError('unknown_policy', `unknown policy "${id}" (known: ${this.ids().join(', ')})`);
    return e;
  }

  private editionOrUndefined(id: string, asOf: string): CompiledEdition | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (e.byDate.has(asOf)) return e.byDate.get(asOf);
    const found = e.editions.find((ed) => ed.from <= asOf && (ed.to === null || asOf <= ed.to));
    e.byDate.set(asOf, found);
    return found;
  }

  edition(id: string, asOf: string): CompiledEdition {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
      throw new EngineError('bad_date', `as-of date "${asOf}" is not a date written YYYY-MM-DD`);
    }
    const entry = this.entry(id);
    const found = this.editionOrUndefined(id, asOf);
    if (!found) {
      const spans = entry.editions.map((e) => `${e.edition}: ${e.from} – ${e.to ?? 'now'}`).join('; ');
      throw new EngineError('no_edition', `no edition of ${id} is in force on ${asOf} (${spans})`);
    }
    return found;
  }

  /** The terms of the title a recognition policy grants, in the edition in force on the date. */
  recognition(id: string, asOf: string): RecognitionDoc {
    const e = this.edition(id, asOf);
    if (!e.recognition)
      throw new EngineError(
        'not_recognition',
        `${id} (edition ${e.edition}) grants no title: it has no recognition terms`,
      );
    return e.recognition;
  }

  /** A context for evaluating many profiles one after another. */
  context(): Ctx {
    return new Ctx(this.slots);
  }

  /**
   * Binds one policy and one as-of date for a batch: the edition is chosen and the context made
   * once, so screening a profile costs only its evaluation.
   */
  screener(id: string, asOf: string): Screener {
    const e = this.edition(id, asOf);
    const ctx = this.context();
    const outcome = e.outcome?.node;
    const score = e.score?.total;
    const quick = (p: ProfileInput): Quick => {
      const v = e.root.ev(ctx.reset(p, asOf));
      const o = outcome?.ev(ctx);
      const s = score?.ev(ctx);
      return {
        verdict: toVerdict(v),
        outcome: o === undefined || o === '' ? null : (o as string | number),
        score: typeof s === 'number' ? s : null,
      };
    };
    return {
      edition: e,
      verdict: (p) => toVerdict(e.root.ev(ctx.reset(p, asOf))),
      quick,
      screen: (p) => {
        const q = quick(p);
        // Definitions are remembered for this profile, so reading the top-level criteria is cheap.
        const failed =
          q.verdict === 'qualified' ? [] : e.criteria.filter((c) => c.fast.ev(ctx) === false).map((c) => c.id);
        const missing = new Set<string>();
        if (q.verdict === 'undetermined') e.checked.miss(ctx, missing);
        if (q.outcome === null) outcome?.miss(ctx, missing);
        return { ...q, failed, missing: [...missing].sort() };
      },
      explain: (p, opts = {}) => explain(e, p, asOf, ctx, { gaps: opts.gaps ?? true }),
    };
  }

  evaluate(id: string, profile: ProfileInput, asOf: string, opts: { gaps?: boolean } = {}): Evaluation {
    const e = this.edition(id, asOf);
    return explain(e, profile, asOf, this.context(), { gaps: opts.gaps ?? true });
  }
}

/**
 * Per-evaluation state. One context is reused across profiles in a batch: `reset` bumps a
 * generation counter instead of clearing memo arrays, so screening makes no new memo per profile.
 */
import type { ProfileInput } from './types.ts';

/** Runtime values. `undefined` means unknown (three-valued logic). */
export type Val = number | boolean | string | undefined;
export type Item = Readonly<Record<string, unknown>>;

const MAX_LOOKBACK = 12;

export class Ctx {
  profile: ProfileInput = {};
  asOf = '';
  asOfYear = 0;
  /** yearKey[n] is the fiscal year n years before the as-of year, as a profile key. */
  readonly yearKey: string[] = [];
  /** The list item a filter is looking at. */
  item: Item | undefined = undefined;
  itemIndex = -1;
  /** Set when computing a score's maximum: lists count as unknown, not as empty. */
  probe = false;
  /** Bumped per profile; memo entries of older generations are stale. */
  gen = 0;
  /** Each fiscal year's record, looked up once per profile (year keys are slow numeric keys). */
  readonly yearGen = new Array<number>(MAX_LOOKBACK + 1).fill(-1);
  readonly yearVal = new Array<Readonly<Record<string, unknown>> | undefined>(MAX_LOOKBACK + 1).fill(undefined);
  readonly memoGen: number[];
  readonly memoVal: Val[];

  constructor(slotCount: number) {
    this.memoGen = new Array<number>(slotCount).fill(-1);
    this.memoVal = new Array<Val>(slotCount).fill(undefined);
  }

  reset(profile: ProfileInput, asOf: string): this {
    this.profile = profile;
    if (asOf !== this.asOf) {
      this.asOf = asOf;
      this.asOfYear = Number(asOf.slice(0, 4));
      for (let n = 0; n <= MAX_LOOKBACK; n++) this.yearKey[n] = String(this.asOfYear - n);
    }
    this.item = undefined;
    this.gen++;
    return this;
  }

  /** Sets a slot's value for the current profile, as if it had been computed. */
  remember(slot: number, v: Val): Val {
    this.memoGen[slot] = this.gen;
    return (this.memoVal[slot] = v);
  }

  year(n: number): Readonly<Record<string, unknown>> | undefined {
    if (this.yearGen[n] === this.gen) return this.yearVal[n];
    this.yearGen[n] = this.gen;
    return (this.yearVal[n] = this.profile.years?.[this.yearKey[n]!]);
  }
}

export { MAX_LOOKBACK };
